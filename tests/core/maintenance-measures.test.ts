// Alert recall when as many failures were announced as were missed (src/core/engine/measure.ts,
// currentMetrics): recall is announced / (announced + missed), so one of two is 50 %, not
// "nothing to score". Thruster failures keep the satellites flying, so only the scoring moves.

import { describe, expect, it } from 'vitest'
import { createSimulation } from '../../src/core'
import { probePlanner } from '../support/probe-planner'
import { makeSpec, walker } from '../support/spec-fixture'

describe('alert recall', () => {
  it('is 50 % with one failure announced and one missed', () => {
    const spec = makeSpec({
      satellites: walker(2, 1, 0, 550, 53),
      groundStations: [],
      tasks: [],
      durationS: 2400,
      events: [
        { type: 'failure', atS: 1800, satellite: 'P1-S1', component: 'thruster' },
        { type: 'failure', atS: 1800, satellite: 'P1-S2', component: 'thruster' },
      ],
    })
    // One alert, on P1-S1's thruster at T+600 s: 1200 s before it fails. P1-S2's goes unannounced.
    const alert = {
      kind: 'alert',
      satellite: 'P1-S1',
      component: 'thruster',
      severity: 'warning',
      rationale: 'P1-S1 thruster',
    }
    const sim = createSimulation(spec, undefined, {
      planners: [probePlanner('maintenance', () => [alert], { atS: 600 })],
    })
    sim.runUntil(spec.durationS)
    expect(sim.events().filter((e) => e.type === 'plannerFault')).toEqual([])
    expect(sim.events().filter((e) => e.type === 'alert')).toHaveLength(1)
    const m = sim.metrics()
    expect(m.missedFailures).toBe(1)
    expect(m.falseAlarms).toBe(0)
    expect(m.alertRecall).toBe(50)
    expect(m.alertPrecision).toBe(100)
    // 1200 s = 1/3 h, to four decimals.
    expect(m.alertLeadH).toBe(0.3333)
    expect(m.failures).toBe(0)
  })
})
