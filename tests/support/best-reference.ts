// The "better value" rule written from its contract, independently of core's bestIndex, for the
// tests that check bestIndex and the tables that use it: missing and non-finite values do not
// count; the first of the extreme values wins; no mark when every value is the same or none is
// usable.

import type { MetricDef } from '../../src/core'

export function referenceBest(def: Pick<MetricDef, 'better'>, values: readonly (number | null)[]): number {
  const usable = values.filter((v): v is number => v !== null && Number.isFinite(v))
  if (usable.length === 0) return -1
  const extreme = def.better === 'higher' ? Math.max(...usable) : Math.min(...usable)
  if (values.every((v) => v === extreme)) return -1
  return values.indexOf(extreme)
}

/**
 * The honest "best" rule (src/core/best.ts) written from its contract, for the tests that check
 * honestBest and the tables that show its marks. A strategy takes part when its value is finite
 * and it is eligible; with fewer than two taking part there is no mark. The leader is the best
 * value (the first such index); the runner-up the best value among the others (again the first
 * such index). The leader gets the mark only if it is ahead by more than the tolerance,
 * max(abs, rel × the larger magnitude of the two), and by more than their two standard
 * deviations added (a missing deviation counts as 0).
 */
export function referenceHonestBest(
  def: Pick<MetricDef, 'better'>,
  tolerance: { abs: number; rel: number },
  values: readonly (number | null)[],
  sds: readonly (number | null)[] = [],
  eligible: readonly boolean[] = [],
): number {
  const taking = values
    .map((v, k) => ({ v, k }))
    .filter(
      (x): x is { v: number; k: number } => x.v !== null && Number.isFinite(x.v) && eligible[x.k] !== false,
    )
  if (taking.length < 2) return -1
  const better = (a: number, b: number) => (def.better === 'higher' ? a > b : a < b)
  const bestOf = (xs: { v: number; k: number }[]) => xs.reduce((m, x) => (better(x.v, m.v) ? x : m))
  const leader = bestOf(taking)
  const runnerUp = bestOf(taking.filter((x) => x.k !== leader.k))
  const ahead = Math.abs(leader.v - runnerUp.v)
  const needed = Math.max(tolerance.abs, tolerance.rel * Math.max(Math.abs(leader.v), Math.abs(runnerUp.v)))
  const spread = (sds[leader.k] ?? 0) + (sds[runnerUp.k] ?? 0)
  return ahead > needed && ahead > spread ? leader.k : -1
}
