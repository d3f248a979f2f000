// The report's timing section: per planner, the number of calls, the median and the maximum time
// of one call, listed by planner id. The expected figures are worked out here another way
// (a typed array's numeric sort, the middle one or the mean of the middle two), not copied.

import { describe, expect, it } from 'vitest'
import { timingReport } from '../../src/core/engine/timing'

/** Median by another route: Float64Array sorts by value, and the middle pair is averaged. */
function referenceMedian(ms: readonly number[]): number {
  const v = Float64Array.from(ms).sort()
  const lo = v[Math.floor((v.length - 1) / 2)]
  const hi = v[Math.ceil((v.length - 1) / 2)]
  return (lo + hi) / 2
}

describe('the per-planner timing summary', () => {
  it('is absent when no planner call was measured', () => {
    expect(timingReport(new Map())).toBeNull()
  })

  it('gives the middle call of an odd count and the mean of the middle two of an even count, by value', () => {
    // Orders that differ as text ("10" < "9") and as numbers, and an input that is not sorted.
    const odd = [10, 9, 100, 2.5, 40]
    const even = [10, 9, 100, 2.5, 40, 7]
    const report = timingReport(
      new Map([
        ['a/odd', odd],
        ['b/even', even],
      ]),
    )
    expect(report?.planners).toEqual([
      { planner: 'a/odd', calls: 5, medianMs: referenceMedian(odd), maxMs: Math.max(...odd) },
      { planner: 'b/even', calls: 6, medianMs: referenceMedian(even), maxMs: Math.max(...even) },
    ])
    // The hand-worked values, so the reference above is itself checked.
    expect(report?.planners.map((p) => [p.medianMs, p.maxMs])).toEqual([
      [10, 100],
      [9.5, 100],
    ])
  })

  it('gives one call as its own median and maximum, and two calls their mean', () => {
    const report = timingReport(
      new Map([
        ['one', [3.25]],
        ['two', [4, 1]],
      ]),
    )
    expect(report?.planners).toEqual([
      { planner: 'one', calls: 1, medianMs: 3.25, maxMs: 3.25 },
      { planner: 'two', calls: 2, medianMs: 2.5, maxMs: 4 },
    ])
  })

  it('rounds the figures to the microsecond', () => {
    const report = timingReport(new Map([['p', [1.2342, 2.0006]]]))
    expect(report?.planners[0]).toMatchObject({ medianMs: 1.617, maxMs: 2.001 })
  })

  it('lists the planners by id whatever order they were measured in', () => {
    const ids = ['trajectory/b', 'allocation/z', 'maintenance/m', 'allocation/a', 'trajectory/a']
    const expected = [...ids].sort((x, y) => x.localeCompare(y, 'en'))
    // Every rotation and the reverse of each, so no insertion order happens to be the sorted one.
    for (let r = 0; r < ids.length; r++) {
      const rotated = [...ids.slice(r), ...ids.slice(0, r)]
      for (const order of [rotated, [...rotated].reverse()]) {
        const report = timingReport(new Map(order.map((id, k) => [id, [k + 1]])))
        expect(report?.planners.map((p) => p.planner)).toEqual(expected)
      }
    }
  })

  it('says what its figures are for a reader of the JSON', () => {
    const note = timingReport(new Map([['p', [1]]]))?.note ?? ''
    expect(note).toMatch(/plan\(\)/)
    expect(note).toMatch(/wall clock/)
  })
})
