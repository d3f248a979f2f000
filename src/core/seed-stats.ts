// Statistics over seeds, one rule for `sim compare` and the browser's multi-seed table: the mean
// and the sample standard deviation (n − 1), rounded to 4 decimals so both print the same bytes,
// plus the extremes. Values that are null or not finite (a metric with nothing to measure in that
// run) are left out.

import { type MetricValues, NONDETERMINISTIC_METRICS } from './metrics'

export interface SeedStats {
  mean: number | null
  sd: number | null
  min: number | null
  max: number | null
}

const r4 = (x: number) => Math.round(x * 1e4) / 1e4

export function seedStats(values: readonly (number | null | undefined)[]): SeedStats {
  // Number.isFinite is false for null and undefined too (it does not convert its argument).
  const xs = values.filter((v): v is number => Number.isFinite(v))
  if (xs.length === 0) return { mean: null, sd: null, min: null, max: null }
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length
  const sd = xs.length > 1 ? Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (xs.length - 1)) : 0
  return { mean: r4(mean), sd: r4(sd), min: Math.min(...xs), max: Math.max(...xs) }
}

/** A run's metrics without those that depend on the wall clock (what compare reports). */
export function deterministicMetrics(all: MetricValues): Partial<MetricValues> {
  const out: Partial<MetricValues> = {}
  for (const [key, value] of Object.entries(all) as [keyof MetricValues, number | null][]) {
    if (!NONDETERMINISTIC_METRICS.includes(key)) out[key] = value
  }
  return out
}
