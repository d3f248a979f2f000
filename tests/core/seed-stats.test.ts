// seedStats, the one rule `sim compare` and the browser's multi-seed table share, on numbers
// worked out by hand (tests/cli/compare-stats.test.ts checks the CLI's aggregation of whole runs
// against a one-pass formula; this file pins the rule itself where the mutated rooms are tested).

import { describe, expect, it } from 'vitest'
import { METRICS, type MetricValues } from '../../src/core/metrics'
import { deterministicMetrics, seedStats } from '../../src/core/seed-stats'

describe('seedStats', () => {
  it('gives the mean, the sample standard deviation (n − 1) and the extremes', () => {
    // 2 4 4 4 5 5 7 9: mean 5, squared deviations 9+1+1+1+0+0+4+16 = 32, sample sd √(32/7).
    const s = seedStats([4, 2, 9, 4, 5, 7, 4, 5])
    expect(s.mean).toBe(5)
    expect(s.sd).toBe(2.1381) // √(32/7) = 2.13808993…, to 4 decimals
    expect(s.min).toBe(2)
    expect(s.max).toBe(9)
  })

  it('rounds the mean and sd to 4 decimals, and leaves the extremes exact', () => {
    // About 1, 2, 2: mean 5/3 (1.66668), deviations² 4/9 + 1/9 + 1/9 = 6/9, sd √(1/3) = 0.57735…
    const s = seedStats([1, 2, 2.00004])
    expect(s.mean).toBe(1.6667)
    expect(s.sd).toBe(0.5774)
    expect(s.max).toBe(2.00004)
    expect(seedStats([-1.23456, -1.23456]).mean).toBe(-1.2346)
  })

  it('leaves out missing and non-finite values, and says sd 0 for a single run', () => {
    const s = seedStats([
      null,
      3,
      undefined,
      Number.NaN,
      7,
      Number.POSITIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
    ])
    expect(s).toEqual({ mean: 5, sd: 2.8284, min: 3, max: 7 }) // sd √8
    expect(seedStats([null, 42])).toEqual({ mean: 42, sd: 0, min: 42, max: 42 })
  })

  it('has no statistics at all when no run measured the metric', () => {
    const none = { mean: null, sd: null, min: null, max: null }
    expect(seedStats([])).toEqual(none)
    expect(seedStats([null, undefined, Number.NaN])).toEqual(none)
  })
})

describe('deterministicMetrics', () => {
  it('keeps every metric but planner time (wall clock), values untouched', () => {
    const all = Object.fromEntries(METRICS.map((m, i) => [m.key, i === 0 ? null : i])) as MetricValues
    const kept = deterministicMetrics(all)
    expect(Object.keys(kept)).toEqual(METRICS.map((m) => m.key).filter((k) => k !== 'plannerTimeMs'))
    for (const [key, value] of Object.entries(kept)) expect(value).toBe(all[key as keyof MetricValues])
  })
})
