// The maintenance metrics, worked out by hand for a scripted set of failures and alerts: lead
// time, false alarms, missed failures, precision, recall. An alert is true when its component
// was scripted to degrade or fail; a failure is announced by an alert at or before it.

import { describe, expect, it } from 'vitest'
import { createSimulation, type EnginePlanner } from '../../src/core'
import { makeSpec } from '../support/spec-fixture'

const alert = (satellite: string, component: string) => ({
  kind: 'alert',
  satellite,
  component,
  severity: 'warning',
  rationale: `${satellite} ${component}`,
})

// Calls at T+30 s and every 600 s; the probe speaks at 600, 1200 and 3600 s.
const SCRIPT: Record<number, unknown[]> = {
  600: [alert('P1-S1', 'battery'), alert('P1-S4', 'battery')],
  1200: [
    alert('P1-S4', 'battery'), // the same false alarm again: counted once
    alert('P1-S2', 'reactionWheel'),
    alert('P2-S1', 'battery'),
    alert('P2-S2', 'battery'), // in the very step P2-S2's battery fails: announced, lead 0
  ],
  3600: [alert('P1-S3', 'thruster')], // after that thruster failed: too late
}

describe('maintenance metrics', () => {
  it('scores alerts against the scripted truth', () => {
    const spec = makeSpec({
      durationS: 4 * 3600,
      tasks: [],
      events: [
        { type: 'failure', atS: 1800, satellite: 'P1-S1', component: 'battery' },
        // 1 − 0.7·t/2990 reaches 0.3 between the steps at 2970 s and 3000 s.
        {
          type: 'degradation',
          atS: 0,
          satellite: 'P1-S2',
          component: 'reactionWheel',
          profile: { kind: 'linear', ratePerS: 0.7 / 2990 },
        },
        { type: 'failure', atS: 2400, satellite: 'P1-S3', component: 'thruster' },
        { type: 'failure', atS: 1200, satellite: 'P2-S2', component: 'battery' },
      ],
    })
    const probe: EnginePlanner = {
      id: 'maintenance/probe',
      kind: 'maintenance',
      plan: (view) => (SCRIPT[view.timeS] ?? []) as never,
    }
    const sim = createSimulation(spec, undefined, { planners: [probe] })
    sim.runUntil(spec.durationS)
    expect(
      sim
        .events()
        .filter((e) => e.type === 'plannerFault')
        .map((e) => e.message),
    ).toEqual([])
    const m = sim.metrics()
    // Announced: P1-S1 battery 1800 − 600, P1-S2 wheel 3000 − 1200, P2-S2 battery 1200 − 1200.
    expect(m.alertLeadH).toBeCloseTo((1200 + 1800 + 0) / 3 / 3600, 4)
    // False: P1-S4 battery, P2-S1 battery (never scripted).
    expect(m.falseAlarms).toBe(2)
    // Missed: P1-S3's thruster (its alert came after the failure).
    expect(m.missedFailures).toBe(1)
    // Six components alerted, four of them truly doomed; three of four failures announced.
    expect(m.alertPrecision).toBeCloseTo((100 * 4) / 6, 4)
    expect(m.alertRecall).toBe(75)
    // Satellites lost: a battery or wheel failure loses the satellite, a thruster failure does not.
    expect(m.failures).toBe(3)
  })

  it('with no alerts and no failures there is nothing to score', () => {
    const sim = createSimulation(makeSpec({ durationS: 1200, tasks: [] }))
    sim.runUntil(1200)
    const m = sim.metrics()
    expect([m.alertLeadH, m.alertPrecision, m.alertRecall]).toEqual([null, null, null])
    expect([m.falseAlarms, m.missedFailures, m.failures]).toEqual([0, 0, 0])
  })
})
