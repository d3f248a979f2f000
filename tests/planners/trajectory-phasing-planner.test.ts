// The phasing planner around its design: with avoidCollisions off it plans only the recovery;
// a spare that dodges a conjunction in the same call is not sent to the slot as well; and what
// its revolutions parameter says it trades.

import { describe, expect, it } from 'vitest'
import { createSimulation } from '../../src/core'
import { phasingParams, phasingPlanner } from '../../src/planners/trajectory/phasing'
import { FAIL_AT_S, recoverySpec } from './recovery-fixture'

describe('the phasing planner', () => {
  it('with avoidCollisions off, plans the recovery burns and nothing else', () => {
    const sim = createSimulation(recoverySpec())
    sim.runUntil(FAIL_AT_S + 60)
    const out = phasingPlanner.plan(sim.view(), phasingParams.parse({ avoidCollisions: false }))
    expect(out.length).toBeGreaterThanOrEqual(3)
    for (const d of out)
      expect(d).toMatchObject({ kind: 'maneuver', satellite: 'SPARE-1', purpose: 'slot-recovery' })
  })

  it('a spare that must dodge a conjunction in this call is not also sent to the slot', () => {
    const base = recoverySpec()
    const spec = {
      ...base,
      events: [
        ...base.events,
        {
          type: 'conjunction' as const,
          atS: FAIL_AT_S,
          satellite: 'SPARE-1',
          tcaS: FAIL_AT_S + 3 * 3600,
          missDistanceM: 5,
          hardBodyRadiusM: 20,
        },
      ],
    }
    const sim = createSimulation(spec)
    sim.runUntil(FAIL_AT_S + 60)
    const out = phasingPlanner.plan(sim.view(), phasingParams.parse({}))
    const spare1 = out.filter((d) => d.kind === 'maneuver' && d.satellite === 'SPARE-1')
    const purposes = spare1.map((d) => (d.kind === 'maneuver' ? d.purpose : ''))
    expect(purposes).toContain('collision-avoidance')
    expect(purposes).not.toContain('slot-recovery')
  })

  it('says what its revolutions parameter trades', () => {
    expect(phasingParams.shape.revolutions.description).toBe(
      'Revolutions of the phasing orbit: fewer is faster and costs more Δv',
    )
  })
})
