// Honest stars: a best mark only for a meaningful difference, among strategies that achieved the
// objective — the cases a newcomer found misleading.

import { describe, expect, it } from 'vitest'
import { eligibleFor, honestBest, METRIC_BY_KEY } from '../../src/core'

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

  it('marks the lower value where lower is better', () => {
    expect(honestBest(METRIC_BY_KEY.meanDeliveryMin, { values: [120, 60, null] }).index).toBe(1)
  })
})
