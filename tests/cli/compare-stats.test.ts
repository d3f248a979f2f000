// `sim compare`'s statistics, checked against an independent computation: the per-strategy
// mean, sample standard deviation, min and max over seeds, and the best strategy per metric.
// The reference uses the one-pass sum-of-squares formula (aggregate uses two passes), sorts for
// min and max, and picks the best by sorting the means.

import { describe, expect, it } from 'vitest'
import { aggregate } from '../../src/cli/compare/aggregate'
import type { JobResult } from '../../src/cli/compare/job'
import { METRIC_BY_KEY, type MetricKey } from '../../src/core'
import { createRng } from '../../src/core/rng'

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

  it('the best strategy per metric is the one with the best mean, by the metric direction', () => {
    const res = results(13, strategies, seeds, {
      // higher is better; strategy b is shifted up
      tasksCompleted: (u, s) => 10 * u() + (s === 1 ? 20 : 0),
      // lower is better; strategy c is shifted down
      deltaVSpent: (u, s) => 50 + 10 * u() - (s === 2 ? 30 : 0),
      // the same for all: no best
      failures: () => 2,
    })
    const c = aggregate({ id: 'x', title: 'X' }, strategies, seeds, res)
    const means = (key: MetricKey) =>
      strategies.map((name) =>
        reference(res.filter((r) => r.strategy === name).map((r) => r.metrics[key] ?? null)),
      )
    const bestBy = (key: MetricKey) => {
      const order = means(key)
        .map((m, s) => ({ s, mean: m.mean! }))
        .sort((x, y) => (METRIC_BY_KEY[key].better === 'higher' ? y.mean - x.mean : x.mean - y.mean))
      return strategies[order[0].s]
    }
    expect(bestBy('tasksCompleted')).toBe('b')
    expect(bestBy('deltaVSpent')).toBe('c')
    expect(c.best.tasksCompleted).toBe(bestBy('tasksCompleted'))
    expect(c.best.deltaVSpent).toBe(bestBy('deltaVSpent'))
    expect(c.best.failures).toBeNull()
  })
})
