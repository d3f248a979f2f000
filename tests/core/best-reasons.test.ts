// What honestBest says, not only whom it marks (src/core/best.ts): the compare table shows the
// reason in a tooltip and keeps it on each row (data-why), so each verdict's reason is checked
// here; so are a tied runner-up (the first of them, whose spread then counts), a clear winner on
// every metric of the catalogue (each with its own tolerance, or the default 1 %), and missing
// strategies in eligibleFor.

import { describe, expect, it } from 'vitest'
import { eligibleFor, honestBest, METRIC_BY_KEY, METRICS, type MetricDef, toleranceOf } from '../../src/core'

const tasks = METRIC_BY_KEY.tasksCompleted // higher is better, tolerance 0.5 task
const deltaV = METRIC_BY_KEY.deltaVSpent // lower is better

describe('honestBest gives its reason', () => {
  it.each([
    ['no strategy', [], 'nothing to compare'],
    ['one strategy alone', [5], 'nothing to compare'],
    ['no usable value', [null, Number.NaN], 'nothing to compare'],
    ['one usable value of two', [5, null], 'only one strategy qualifies'],
    ['equal values', [7, 7, 3], 'a tie'],
    ['a difference under the tolerance', [7, 7.4], 'within the tolerance'],
  ] as const)('no mark for %s: "%s"', (_, values, why) => {
    expect(honestBest(tasks, { values: [...values] })).toEqual({ index: -1, why })
  })

  it('no mark when the difference is inside the spread over seeds', () => {
    expect(honestBest(tasks, { values: [10, 8], sds: [1, 1.5] })).toEqual({
      index: -1,
      why: 'within the spread over seeds',
    })
  })

  it('a mark, and why, for a winner ahead by more than both', () => {
    expect(honestBest(tasks, { values: [8, 10], sds: [0.5, 0.5] })).toEqual({
      index: 1,
      why: 'better by more than the tolerance',
    })
  })

  it('counts only the eligible strategy as qualifying', () => {
    expect(honestBest(deltaV, { values: [0, 90], eligible: [false, true] })).toEqual({
      index: -1,
      why: 'only one strategy qualifies',
    })
  })
})

describe('a tied runner-up', () => {
  // The runner-up is the first of equal values: its spread, not the other's, decides.
  it.each([
    ['higher is better', tasks, [10, 5, 5]],
    ['lower is better', deltaV, [1, 50, 50]],
  ] as const)('is the first of them (%s)', (_, def, values) => {
    // Runner-up index 1 (sd 1): 1 + 0 is well inside the margin; index 2's sd of 60 is not.
    expect(honestBest(def, { values: [...values], sds: [0, 1, 60] }).index).toBe(0)
    expect(honestBest(def, { values: [...values], sds: [0, 60, 1] }).index).toBe(-1)
  })
})

describe('every metric of the catalogue', () => {
  it.each(METRICS.map((d) => [d.key, d] as const))('marks a clear winner on %s', (_, def: MetricDef) => {
    // 10 against 1000 is beyond any tolerance (absolute ones are at most 1, shares at most 5 %).
    const tol = toleranceOf(def.key)
    expect(tol.abs).toBeLessThanOrEqual(1)
    expect(tol.rel).toBeLessThanOrEqual(0.05)
    const winner = def.better === 'higher' ? 1 : 0
    expect(honestBest(def, { values: [10, 1000] }).index).toBe(winner)
  })

  it('uses 1 % of the larger magnitude for a metric with no tolerance of its own', () => {
    // plannerTimeMs depends on the wall clock and has no entry of its own.
    const def = METRIC_BY_KEY.plannerTimeMs
    expect(toleranceOf(def.key)).toEqual({ abs: 0, rel: 0.01 })
    expect(honestBest(def, { values: [100, 100.9] }).index).toBe(-1)
    expect(honestBest(def, { values: [100, 101.1] }).index).toBe(0)
  })
})

describe('eligibleFor', () => {
  it('leaves out a strategy with no metrics at all where others reached the objective', () => {
    expect(eligibleFor('deltaVSpent', [null, { slotFillH: 1 }, undefined, { slotFillH: null }])).toEqual([
      false,
      true,
      false,
      false,
    ])
  })
})
