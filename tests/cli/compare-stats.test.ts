// `sim compare`'s statistics, checked against an independent computation: the per-strategy
// mean, sample standard deviation, min and max over seeds, and the best strategy per metric.
// The reference uses the one-pass sum-of-squares formula (aggregate uses two passes) and sorts
// for min and max; the best is core's documented "honest best" rule applied to those statistics
// (tests/support/best-reference.ts, written from the rule, not from honestBest): the leader must
// beat the runner-up by more than the metric's tolerance and by more than their two sds added.

import { describe, expect, it } from 'vitest'
import { aggregate } from '../../src/cli/compare/aggregate'
import type { JobResult } from '../../src/cli/compare/job'
import { METRIC_BY_KEY, type MetricKey, toleranceOf } from '../../src/core'
import { createRng } from '../../src/core/rng'
import { referenceHonestBest } from '../support/best-reference'

function reference(values: (number | null)[]) {
  const xs = values.filter((v): v is number => v !== null).sort((a, b) => a - b)
  const n = xs.length
  if (n === 0) return { mean: null, sd: null, min: null, max: null }
  const sum = xs.reduce((a, x) => a + x, 0)
  const sumSq = xs.reduce((a, x) => a + x * x, 0)
  const mean = sum / n
  const sd = n > 1 ? Math.sqrt(Math.max(0, (sumSq - n * mean * mean) / (n - 1))) : 0
  return { mean, sd, min: xs[0], max: xs[n - 1] }
}

/** The best strategy on `key` by the honest rule over the reference statistics, or null. */
function honestBestOf(key: MetricKey, strategies: string[], res: JobResult[]): string | null {
  const stats = strategies.map((name) =>
    reference(res.filter((r) => r.strategy === name).map((r) => r.metrics[key] ?? null)),
  )
  const k = referenceHonestBest(
    METRIC_BY_KEY[key],
    toleranceOf(key),
    stats.map((x) => x.mean),
    stats.map((x) => x.sd),
  )
  return k < 0 ? null : strategies[k]
}

/** Per-seed results for each strategy from its own seeded stream (independent per test). */
function results(
  streamSeed: number,
  strategies: string[],
  seeds: number[],
  draw: Record<string, (u: () => number, s: number) => number | null>,
): JobResult[] {
  const rng = createRng(streamSeed)
  const out: JobResult[] = []
  strategies.forEach((strategy, s) => {
    for (const seed of seeds) {
      const metrics: Partial<Record<MetricKey, number | null>> = {}
      for (const [key, f] of Object.entries(draw)) metrics[key as MetricKey] = f(() => rng.next(), s)
      out.push({ index: out.length, strategy, seed, metrics, trace: [] })
    }
  })
  return out
}

// aggregate rounds mean and sd to 4 decimals: they may differ from the exact value by half of 1e-4.
const ROUNDING = 0.5e-4 + 1e-12

describe('compare statistics', () => {
  const strategies = ['a', 'b', 'c']
  const seeds = [1, 2, 3, 4, 5]

  it('mean, sd, min and max of every metric match the reference, missing values left out', () => {
    const res = results(11, strategies, seeds, {
      tasksCompleted: (u, s) => Math.floor(10 * u()) + 3 * s,
      deltaVSpent: (u) => 100 * u(),
      // Missing for some seeds (a run that never measured it).
      alertLeadH: (u) => (u() < 0.3 ? null : 24 * u()),
    })
    const c = aggregate({ id: 'x', title: 'X' }, strategies, seeds, res)
    let checked = 0
    for (const [s, name] of strategies.entries()) {
      expect(c.strategies[s].name).toBe(name)
      for (const key of ['tasksCompleted', 'deltaVSpent', 'alertLeadH'] as const) {
        const perSeed = res.filter((r) => r.strategy === name).map((r) => r.metrics[key] ?? null)
        const want = reference(perSeed)
        const got = c.strategies[s].metrics[key]!
        expect(got.perSeed.map((p) => p.value)).toEqual(perSeed)
        expect(got.min).toBe(want.min)
        expect(got.max).toBe(want.max)
        if (want.mean === null) expect(got.mean).toBeNull()
        else {
          expect(Math.abs(got.mean! - want.mean)).toBeLessThanOrEqual(ROUNDING)
          expect(Math.abs(got.sd! - want.sd!)).toBeLessThanOrEqual(ROUNDING)
          checked++
        }
        expect(got.better).toBe(METRIC_BY_KEY[key].better)
      }
    }
    expect(checked).toBe(9)
  })

  it('one seed has sd 0; a metric no run measured has no statistics', () => {
    const res = results(12, ['a', 'b'], [7], { deltaVSpent: (u) => u(), alertLeadH: () => null })
    const c = aggregate({ id: 'x', title: 'X' }, ['a', 'b'], [7], res)
    expect(c.strategies[0].metrics.deltaVSpent).toMatchObject({ sd: 0 })
    expect(c.strategies[0].metrics.alertLeadH).toMatchObject({ mean: null, sd: null, min: null, max: null })
    expect(c.best.alertLeadH).toBeNull()
  })

  it('the best strategy per metric is the one clearly ahead, by the metric direction', () => {
    const res = results(13, strategies, seeds, {
      // higher is better; strategy b is shifted up
      tasksCompleted: (u, s) => 10 * u() + (s === 1 ? 20 : 0),
      // lower is better; strategy c is shifted down
      deltaVSpent: (u, s) => 50 + 10 * u() - (s === 2 ? 30 : 0),
      // the same for all: no best
      failures: () => 2,
    })
    const c = aggregate({ id: 'x', title: 'X' }, strategies, seeds, res)
    expect(honestBestOf('tasksCompleted', strategies, res)).toBe('b')
    expect(honestBestOf('deltaVSpent', strategies, res)).toBe('c')
    expect(c.best.tasksCompleted).toBe('b')
    expect(c.best.deltaVSpent).toBe('c')
    expect(c.best.failures).toBeNull()
  })
})

/** Per seed 45, 55, 45, 55, 50: mean 50, sample sd √(4 · 5² / 4) = 5. */
const NOISY = [45, 55, 45, 55, 50]
const plus = (xs: number[], d: number) => xs.map((x) => x + d)
const flat = (x: number) => NOISY.map(() => x)

// Cases where the tolerance or the spread over seeds decides. In every case b has the best mean,
// so a rule that only ranked the means would always answer b; c trails far behind, so comparing
// the leader with the last instead of the runner-up would answer b too. Tolerances (best.ts):
// dataDeliveredGb max(0.01, 2 % of the larger value), meanDeliveryMin max(1 min, 2 %).
const CASES: { name: string; key: MetricKey; values: Record<string, number[]>; want: string | null }[] = [
  {
    // 0.8 ahead, tolerance 2 % of 50.8 = 1.016.
    name: 'ahead by less than the relative tolerance: no best',
    key: 'dataDeliveredGb',
    values: { a: flat(50), b: flat(50.8), c: flat(30) },
    want: null,
  },
  {
    // 0.8 min ahead (lower is better), tolerance max(1, 2 % of 20 = 0.4) = 1 min.
    name: 'ahead by less than the absolute tolerance: no best',
    key: 'meanDeliveryMin',
    values: { a: flat(20), b: flat(19.2), c: flat(80) },
    want: null,
  },
  {
    // 3 ahead: beyond the tolerance (1.06), within a's sd of 5 (b's is 0).
    name: 'ahead by more than the tolerance but less than the noise: no best',
    key: 'dataDeliveredGb',
    values: { a: NOISY, b: flat(53), c: flat(30) },
    want: null,
  },
  {
    // 7 ahead: more than either sd (5) but less than the two added (10).
    name: 'ahead by more than each sd but less than the two added: no best',
    key: 'dataDeliveredGb',
    values: { a: NOISY, b: plus(NOISY, 7), c: flat(30) },
    want: null,
  },
  {
    // 7 ahead: more than the sds added (5 + 0) and the tolerance (1.14).
    name: 'ahead by more than the tolerance and the noise: b is best',
    key: 'dataDeliveredGb',
    values: { a: NOISY, b: flat(57), c: flat(30) },
    want: 'b',
  },
  {
    // 7 min ahead (lower is better): more than 5 + 0 and the tolerance max(1, 2 % of 50) = 1.
    name: 'lower is better: ahead by more than the tolerance and the noise, b is best',
    key: 'meanDeliveryMin',
    values: { a: NOISY, b: flat(43), c: flat(80) },
    want: 'b',
  },
]

describe('compare best: the tolerance and the spread over seeds decide', () => {
  it.each(CASES)('$name', ({ key, values, want }) => {
    const names = Object.keys(values)
    const seeds = NOISY.map((_, i) => i + 1)
    const res: JobResult[] = names.flatMap((strategy, s) =>
      seeds.map((seed, i) => ({
        index: s * seeds.length + i,
        strategy,
        seed,
        metrics: { [key]: values[strategy][i] },
        trace: [],
      })),
    )
    // The case's answer is the rule's answer over the reference statistics.
    expect(honestBestOf(key, names, res)).toBe(want)
    const c = aggregate({ id: 'x', title: 'X' }, names, seeds, res)
    expect(c.best[key]).toBe(want)
  })
})
