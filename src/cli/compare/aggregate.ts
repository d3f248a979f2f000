// Turns per-run results into the comparison: per strategy and metric the per-seed values, the
// mean and standard deviation; which strategy is meaningfully best on each metric (core's
// honestBest, the rule the browser's table applies too); and the first moment the
// strategies' planners did something different.

import { eligibleFor, formatElapsed, honestBest, METRICS, type MetricKey, seedStats } from '../../core'
import type { JobResult, TraceEntry } from './job'

export interface MetricStats {
  label: string
  unit: string
  better: 'higher' | 'lower'
  perSeed: { seed: number; value: number | null }[]
  mean: number | null
  sd: number | null
  min: number | null
  max: number | null
}

export interface StrategyComparison {
  name: string
  metrics: Partial<Record<MetricKey, MetricStats>>
}

export interface Divergence {
  seed: number
  atS: number
  at: string
  /** Per strategy, what its planners did at that moment (or "nothing yet", with the next thing). */
  actions: { strategy: string; action: string }[]
}

export interface Comparison {
  scenario: string
  title: string
  seeds: number[]
  strategies: StrategyComparison[]
  /** Per metric, the best strategy's name, or null when none is better. */
  best: Partial<Record<MetricKey, string | null>>
  firstDivergence: Divergence | null
}

function firstDivergence(
  seed: number,
  traces: { strategy: string; trace: TraceEntry[] }[],
): Divergence | null {
  if (traces.length < 2) return null
  const longest = Math.max(...traces.map((x) => x.trace.length))
  for (let i = 0; i < longest; i++) {
    const here = traces.map((x) => x.trace[i])
    const a = here[0]
    const same = here.every((e) => e !== undefined && a !== undefined && e.t === a.t && e.what === a.what)
    if (same) continue
    const atS = Math.min(...here.filter((e) => e !== undefined).map((e) => e.t))
    return {
      seed,
      atS,
      at: formatElapsed(atS),
      actions: traces.map(({ strategy }, k) => {
        const e = here[k]
        if (e && e.t === atS) return { strategy, action: e.message }
        return {
          strategy,
          action: e ? `nothing yet (next, at ${formatElapsed(e.t)}: ${e.message})` : 'nothing more',
        }
      }),
    }
  }
  return null
}

export function aggregate(
  scenario: { id: string; title: string },
  strategies: string[],
  seeds: number[],
  results: JobResult[],
): Comparison {
  const byStrategy = strategies.map((name) => results.filter((r) => r.strategy === name))
  const comparisons: StrategyComparison[] = strategies.map((name, s) => {
    const metrics: StrategyComparison['metrics'] = {}
    for (const def of METRICS) {
      const runs = byStrategy[s]
      if (!runs.some((r) => def.key in r.metrics)) continue
      const perSeed = runs.map((r) => ({ seed: r.seed, value: r.metrics[def.key] ?? null }))
      metrics[def.key] = {
        label: def.label,
        unit: def.unit,
        better: def.better,
        perSeed,
        ...seedStats(perSeed.map((p) => p.value)),
      }
    }
    return { name, metrics }
  })
  const best: Comparison['best'] = {}
  // Means decide eligibility too: a strategy "filled the slot" when its mean slot-fill time exists.
  const means = comparisons.map((c) => {
    const out: Partial<Record<MetricKey, number | null>> = {}
    for (const [key, m] of Object.entries(c.metrics)) out[key as MetricKey] = m?.mean ?? null
    return out
  })
  for (const def of METRICS) {
    if (!comparisons[0]?.metrics[def.key]) continue
    const verdict = honestBest(def, {
      values: comparisons.map((c) => c.metrics[def.key]?.mean ?? null),
      sds: seeds.length > 1 ? comparisons.map((c) => c.metrics[def.key]?.sd ?? null) : undefined,
      eligible: eligibleFor(def.key, means),
    })
    best[def.key] = verdict.index < 0 ? null : strategies[verdict.index]
  }
  const seed = seeds[0]
  const traces = strategies.map((name, s) => ({
    strategy: name,
    trace: byStrategy[s].find((r) => r.seed === seed)?.trace ?? [],
  }))
  return {
    scenario: scenario.id,
    title: scenario.title,
    seeds,
    strategies: comparisons,
    best,
    firstDivergence: firstDivergence(seed, traces),
  }
}
