// A bus with no battery capacity (src/core/engine/payload.ts, powerPass): its state of charge is
// 0, never 0/0 = NaN, so it goes to safe mode like any empty battery and the fleet's lowest charge
// reads 0 %. The loader refuses such a bus (batteryWh must be above 0); a hand-built spec, as the
// engine accepts from tests and benchmarks, can still carry one.

import { describe, expect, it } from 'vitest'
import { createSimulation } from '../../src/core'
import { makeSpec, TEST_BUS, walker } from '../support/spec-fixture'

describe('a bus with no battery capacity', () => {
  it('reads 0 % charge: safe mode at the first step, and a fleet minimum of 0 %', () => {
    const [sat] = walker(1, 1, 0, 550, 53)
    const sim = createSimulation(
      makeSpec({
        satellites: [{ ...sat, bus: { ...TEST_BUS, batteryCapacityJ: 0 } }],
        groundStations: [],
        tasks: [],
      }),
    )
    sim.runUntil(300)
    expect(
      sim
        .events()
        .filter((e) => e.type === 'lowPower')
        .map((e) => e.t),
    ).toEqual([30])
    const s = sim.view().satellites[0]
    expect([s.soc, s.status]).toEqual([0, 'safe'])
    expect(sim.metrics().minBatterySoc).toBe(0)
  })
})
