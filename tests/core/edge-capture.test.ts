// Edge mode (src/core/engine/payload.ts): an image processed on board is stored at a tenth of
// its raw size (EDGE_COMPRESSION) and costs the processing load for as long as processing its raw
// bits takes at 20 Mbit/s (EDGE_PROCESSING_BPS), spread over the steps it spans. The same capture
// flown raw and edge, with no sun and no ground station so nothing else differs, shows both.

import { describe, expect, it } from 'vitest'
import { createSimulation, type EnginePlanner, type SimEvent } from '../../src/core'
import { makeSpec, TEST_BUS, walker } from '../support/spec-fixture'

const TASK_BITS = 800e6 // the fixture's "tokyo"
const spec = () =>
  makeSpec({
    satellites: walker(12, 3, 1, 550, 53).map((s) => ({
      ...s,
      bus: { ...TEST_BUS, solarPowerW: 0, minSoc: 0 },
    })),
    groundStations: [],
  })

/** Who images tokyo first when anyone may, and when. */
function firstCapture(): { satellite: string; t: number } {
  const sim = createSimulation(spec())
  sim.runUntil(spec().durationS)
  const e = sim.events().find((x) => x.type === 'taskCaptured' && x.task === 'tokyo') as SimEvent
  return { satellite: e.satellite as string, t: e.t }
}

/** Tokyo assigned to `satellite` at the first call, in `mode`; the run up to `untilS`. */
function flown(satellite: string, mode: 'raw' | 'edge', untilS: number) {
  const planner: EnginePlanner = {
    id: 'allocation/edge-test',
    kind: 'allocation',
    plan: (view) =>
      (view.timeS === 30
        ? [
            { kind: 'setMode', satellite, mode, rationale: `fly ${mode}` },
            { kind: 'assignTask', satellite, task: 'tokyo', rationale: 'it passes first' },
          ]
        : []) as never,
  }
  const sim = createSimulation(spec(), undefined, { planners: [planner] })
  sim.runUntil(untilS)
  return { sim, sat: sim.view().satellites.find((s) => s.id === satellite)! }
}

describe('edge mode', () => {
  it('stores a tenth of the raw image and spends the processing load for raw bits ÷ 20 Mbit/s', () => {
    const first = firstCapture()
    expect(first.t).toBeGreaterThan(30)
    // Two steps after the capture: processing 800 Mbit at 20 Mbit/s takes 40 s, over two 30 s steps.
    const until = first.t + 60
    const raw = flown(first.satellite, 'raw', until)
    const edge = flown(first.satellite, 'edge', until)
    for (const { sim } of [raw, edge]) {
      const captured = sim.events().find((x) => x.type === 'taskCaptured' && x.task === 'tokyo')
      expect([captured?.satellite, captured?.t]).toEqual([first.satellite, first.t])
    }
    expect(raw.sat.storageUsedBits).toBe(TASK_BITS)
    expect(edge.sat.storageUsedBits).toBeCloseTo(TASK_BITS * 0.1, 3)
    // Energy: the edge run used processingLoadW × 40 s more, and nothing else.
    const extraJ = (raw.sat.soc - edge.sat.soc) * TEST_BUS.batteryCapacityJ
    expect(extraJ).toBeCloseTo(TEST_BUS.processingLoadW * (TASK_BITS / 20e6), 6)
  })
})
