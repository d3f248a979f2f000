// A planner's bad decision is refused with words a person can act on: NaN shows as NaN (not
// JSON's null), and a huge value is cut short rather than echoed whole.

import { describe, expect, it } from 'vitest'
import { createSimulation } from '../../src/core'
import { makeSpec } from '../support/spec-fixture'

describe('refusals of bad decisions', () => {
  // Made in each test: a simulation made while collecting would be code run by no test.
  const sim = () => createSimulation(makeSpec())

  it('print NaN as NaN', () => {
    const why = sim().scheduleManeuver({
      kind: 'maneuver',
      satellite: 'P1-S1',
      atS: 0,
      dv: { frame: 'rtn', r: Number.NaN, t: 1, n: 0 },
      purpose: 'other',
      rationale: 'test',
    })
    expect(why).toBe('Δv components must be finite numbers, got [NaN, 1, 0]')
  })

  it('cut a huge satellite name short', () => {
    const why = sim().scheduleManeuver({
      kind: 'maneuver',
      satellite: 'X'.repeat(1_000_000),
      atS: 0,
      dv: { frame: 'rtn', r: 0, t: 1, n: 0 },
      purpose: 'other',
      rationale: 'test',
    })
    expect(why).toMatch(/^unknown satellite "X+…"$/)
    expect(why?.length).toBeLessThanOrEqual(120)
  })
})
