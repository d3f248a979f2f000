// Leaving safe mode exactly at the exit line (src/core/engine/payload.ts, powerPass): a satellite
// in safe mode comes back once its charge is AT or above its minimum plus the 10-point margin.
// power-balance.test.ts shows the hysteresis; this test lands the charge exactly on the line.
//
// The numbers: a 1000 Wh battery (3.6 MJ), a 50 % minimum, so the line is 0.5 + 0.1, which is
// the same double as 0.6 (= 2,160,000 J / 3.6 MJ). From 49 % (1,764,000 J), in sunlight, each 30 s
// step adds (480 − 150) W × 30 s = 9,900 J, whole joules all the way: 396,000 J, exactly 40
// steps, reach the line at T+1200 s.

import { describe, expect, it } from 'vitest'
import { createSimulation } from '../../src/core'
import { makeSpec, TEST_BUS, walker } from '../support/spec-fixture'

const CAPACITY_J = 1000 * 3600
const MIN_SOC = 0.5
const STEP_S = 30
const GAIN_J = (480 - TEST_BUS.baseLoadW) * STEP_S

describe('leaving safe mode', () => {
  it('happens in the step the charge reaches exactly the minimum plus the margin', () => {
    const line = MIN_SOC + 0.1
    expect(line).toBe(0.6)
    expect(0.6 * CAPACITY_J).toBe(2_160_000)
    expect((2_160_000 - 0.49 * CAPACITY_J) / GAIN_J).toBe(40)
    const [sat] = walker(1, 1, 0, 550, 53)
    const sim = createSimulation(
      makeSpec({
        satellites: [
          {
            ...sat,
            bus: {
              ...TEST_BUS,
              batteryCapacityJ: CAPACITY_J,
              solarPowerW: 480,
              minSoc: MIN_SOC,
              initialSoc: 0.49,
            },
          },
        ],
        groundStations: [],
        tasks: [],
        stepS: STEP_S,
      }),
    )
    const steps: { t: number; soc: number; status: string; sunlit: boolean }[] = []
    while (sim.time() < 1500) {
      sim.step()
      const s = sim.view().satellites[0]
      steps.push({ t: sim.time(), soc: s.soc, status: s.status, sunlit: s.sunlit })
    }
    // The premise: sunlight all along, so the charge climbs by whole 9,900 J steps.
    expect(steps.every((x) => x.sunlit)).toBe(true)
    // Safe from the first step (49.275 % is below 50 %) ...
    const safe = steps.filter((x) => x.status === 'safe').map((x) => x.t)
    expect(safe[0]).toBe(STEP_S)
    // ... through the step before the line, and not in the step that lands on it.
    expect(steps.find((x) => x.t === 1200)?.soc).toBe(0.6)
    expect(safe.at(-1)).toBe(1170)
    expect(safe).toHaveLength(1170 / STEP_S)
    expect(steps.find((x) => x.t === 1200)?.status).toBe('nominal')
  })
})
