// Honest stars: a best mark only for a meaningful difference, among strategies that achieved the
// objective — the cases a newcomer found misleading.

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { eligibleFor, honestBest, METRIC_BY_KEY, METRICS, toleranceOf } from '../../src/core'
import { referenceHonestBest } from '../support/best-reference'

describe('honestBest', () => {
  it('does not reward a strategy that never filled the slot for spending no Δv', () => {
    const metrics = [
      { deltaVSpent: 0, slotFillH: null },
      { deltaVSpent: 91, slotFillH: 0 },
      { deltaVSpent: 120, slotFillH: 2 },
    ]
    const eligible = eligibleFor('deltaVSpent', metrics)
    expect(eligible).toEqual([false, true, true])
    const v = honestBest(METRIC_BY_KEY.deltaVSpent, { values: metrics.map((m) => m.deltaVSpent), eligible })
    expect(v.index).toBe(1)
  })

  it('gives no mark when only one strategy filled the slot', () => {
    const metrics = [
      { propellantLeftKg: 500, slotFillH: null },
      { propellantLeftKg: 480, slotFillH: 0 },
    ]
    const v = honestBest(METRIC_BY_KEY.propellantLeftKg, {
      values: [500, 480],
      eligible: eligibleFor('propellantLeftKg', metrics),
    })
    expect(v.index).toBe(-1)
  })

  it('lets everyone compete when no strategy reached the objective', () => {
    expect(eligibleFor('deltaVSpent', [{ slotFillH: null }, { slotFillH: null }])).toEqual([true, true])
  })

  it('ignores a trivial difference (610 vs 612 passes) but marks 87 tasks against 81', () => {
    expect(honestBest(METRIC_BY_KEY.contacts, { values: [610, 612] }).index).toBe(-1)
    expect(honestBest(METRIC_BY_KEY.tasksCaptured, { values: [78, 81, 81, 87] }).index).toBe(3)
  })

  it('gives no mark to a tie at the top', () => {
    expect(honestBest(METRIC_BY_KEY.tasksCompleted, { values: [81, 81, 78] }).index).toBe(-1)
  })

  it('needs the difference of means to exceed the spread over seeds', () => {
    const def = METRIC_BY_KEY.tasksCompleted
    expect(honestBest(def, { values: [80, 84], sds: [3, 2] }).index).toBe(-1)
    expect(honestBest(def, { values: [80, 84], sds: [1, 1] }).index).toBe(1)
  })

  it('takes the share of the larger magnitude of the two, not of the leader', () => {
    // meanDeliveryMin: 2 % of 102.03 is 2.04 > the 2.03 margin (2 % of the leader's 100 is not).
    expect(honestBest(METRIC_BY_KEY.meanDeliveryMin, { values: [100, 102.03] }).index).toBe(-1)
    expect(honestBest(METRIC_BY_KEY.meanDeliveryMin, { values: [100, 102.05] }).index).toBe(0)
  })

  it('marks the lower value where lower is better', () => {
    expect(honestBest(METRIC_BY_KEY.meanDeliveryMin, { values: [120, 60, null] }).index).toBe(1)
  })

  it('agrees with the rule written from its contract on any values, spreads and eligibility', () => {
    // Small integers make ties, near-ties and margins on the tolerance common; doubles the rest.
    const value = fc.oneof(
      fc.constant(null),
      fc.constant(Number.NaN),
      fc.integer({ min: -3, max: 90 }),
      fc.double({ min: -1e6, max: 1e6, noNaN: true }),
    )
    const sd = fc.oneof(
      fc.constant(null),
      fc.integer({ min: 0, max: 4 }),
      fc.double({ min: 0, max: 10, noNaN: true }),
    )
    const row = fc.record({ v: value, sd, eligible: fc.boolean() })
    fc.assert(
      fc.property(
        fc.constantFrom(...METRICS),
        fc.array(row, { maxLength: 5 }),
        fc.boolean(),
        (def, rows, withSds) => {
          const values = rows.map((r) => r.v)
          const sds = withSds ? rows.map((r) => r.sd) : undefined
          const eligible = rows.map((r) => r.eligible)
          const got = honestBest(def, { values, sds, eligible }).index
          expect(got).toBe(referenceHonestBest(def, toleranceOf(def.key), values, sds, eligible))
        },
      ),
      { numRuns: 2000 },
    )
  })
})
