// Which strategy, if any, earns the "best" mark on a metric. Honest means two things:
//  - the difference must be meaningful: the winner beats the runner-up by more than the metric's
//    tolerance (an absolute amount or a share of the values, whichever is larger) and, over
//    several seeds, by more than the two standard deviations added together;
//  - only strategies that achieved the objective compete: Δv and propellant are cheap when the
//    failed satellite's slot is never filled, so where some strategy filled a slot, those that did
//    not cannot win on them.
// The UI's compare table and `sim compare` use this one rule.

import type { MetricDef, MetricKey, MetricValues } from './metrics'

/** The smallest difference worth a mark: max(abs, rel × the larger magnitude). */
export interface Tolerance {
  abs: number
  rel: number
}

const DEFAULT_TOLERANCE: Tolerance = { abs: 0, rel: 0.01 }

/** Per metric; counts differ by whole units, so any whole difference is meaningful for them. */
export const METRIC_TOLERANCE: Partial<Record<MetricKey, Tolerance>> = {
  tasksCompleted: { abs: 0.5, rel: 0 },
  priorityValue: { abs: 0.5, rel: 0 },
  tasksCaptured: { abs: 0.5, rel: 0 },
  meanDeliveryMin: { abs: 1, rel: 0.02 },
  dataDeliveredGb: { abs: 0.01, rel: 0.02 },
  coveragePct: { abs: 0.1, rel: 0.02 },
  contactUtilisationPct: { abs: 0.01, rel: 0.05 },
  contacts: { abs: 0.5, rel: 0.01 },
  eclipseFractionPct: { abs: 0.1, rel: 0.01 },
  minBatterySoc: { abs: 0.5, rel: 0 },
  deltaVSpent: { abs: 0.1, rel: 0.02 },
  propellantLeftKg: { abs: 0.05, rel: 0.001 },
  slotFillH: { abs: 0.1, rel: 0.02 },
  alertLeadH: { abs: 0.1, rel: 0.02 },
  falseAlarms: { abs: 0.5, rel: 0 },
  missedFailures: { abs: 0.5, rel: 0 },
  alertPrecision: { abs: 1, rel: 0 },
  alertRecall: { abs: 1, rel: 0 },
  failures: { abs: 0.5, rel: 0 },
  plannerFaults: { abs: 0.5, rel: 0 },
}

/** Metrics that count only for strategies that reached another metric's objective (it has a value). */
export const METRIC_REQUIRES: Partial<Record<MetricKey, MetricKey>> = {
  deltaVSpent: 'slotFillH',
  propellantLeftKg: 'slotFillH',
}

export function toleranceOf(key: string): Tolerance {
  return METRIC_TOLERANCE[key as MetricKey] ?? DEFAULT_TOLERANCE
}

/**
 * Per strategy, whether it may compete on `key`: where the metric requires an objective that some
 * strategy reached, only those that reached it; otherwise all.
 */
export function eligibleFor(
  key: string,
  metrics: readonly (Partial<MetricValues> | null | undefined)[],
): boolean[] {
  const need = METRIC_REQUIRES[key as MetricKey]
  if (!need) return metrics.map(() => true)
  // Number.isFinite is false for null and undefined too (it does not convert its argument).
  const reached = metrics.map((m) => Number.isFinite(m?.[need]))
  return reached.some(Boolean) ? reached : metrics.map(() => true)
}

export interface BestInput {
  /** Per strategy the value (the mean over seeds), or null. */
  values: readonly (number | null)[]
  /** Per strategy the standard deviation over seeds, when there were several. */
  sds?: readonly (number | null)[]
  /** Per strategy whether it may compete (eligibleFor); all when absent. */
  eligible?: readonly boolean[]
}

export type BestVerdict = { index: number; why: string } | { index: -1; why: string }

/** The strategy index with a meaningfully better value, or −1 with the reason there is none. */
export function honestBest(def: MetricDef, input: BestInput): BestVerdict {
  const { values, sds, eligible } = input
  const order: number[] = []
  for (let k = 0; k < values.length; k++) {
    const v = values[k]
    if (!Number.isFinite(v) || eligible?.[k] === false) continue
    order.push(k)
  }
  if (order.length < 2) {
    return {
      index: -1,
      why: order.length === 1 && values.length > 1 ? 'only one strategy qualifies' : 'nothing to compare',
    }
  }
  const sign = def.better === 'higher' ? -1 : 1
  // Array sort is stable (ES2019) and `order` is in index order: of equal values the first leads.
  order.sort((a, b) => sign * ((values[a] as number) - (values[b] as number)))
  const [first, second] = order
  const a = values[first] as number
  const b = values[second] as number
  const margin = Math.abs(a - b)
  const tol = toleranceOf(def.key)
  const needed = Math.max(tol.abs, tol.rel * Math.max(Math.abs(a), Math.abs(b)))
  if (!(margin > needed)) return { index: -1, why: margin === 0 ? 'a tie' : 'within the tolerance' }
  const spread = (sds?.[first] ?? 0) + (sds?.[second] ?? 0)
  if (!(margin > spread)) return { index: -1, why: 'within the spread over seeds' }
  return { index: first, why: 'better by more than the tolerance' }
}
