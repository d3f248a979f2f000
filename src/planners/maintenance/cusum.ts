// maintenance/cusum — a change detector: the one-sided (lower) CUSUM of Page (1954) on each
// health channel, testing for a persistent drop below the healthy mean (1.0 for a new part).
// Every call reruns the recursion S ← max(0, S + (μ₀ − x)/σ − k) over the telemetry window
// (stateless) and warns when S ≥ h. σ is estimated from the data: robustly from first
// differences over the whole window, raised locally where the samples are noisier (a solar
// storm); and one sample adds at most `cap` σ (a winsorised CUSUM), so a burst of noise is not
// mistaken for wear while a persistent drop still is. It says that something changed and
// since when, not when the part will fail; it escalates to critical (retiring the satellite)
// once the measured level is below `retireBelow`.

import { z } from 'zod'
import type { AlertDecision, WorldView } from '../../core'
import { formatElapsed } from '../../core'
import type { Planner } from '../planner'
import { type Channel, channelName, f2, raised, watchedChannels } from './channels'
import { localNoise, median, noiseFromDiffs } from './stats'

export const cusumParams = z.strictObject({
  /** Healthy mean of a health channel. */
  mu0: z.number().gt(0).max(1.5).default(1),
  /** Allowance per sample, in noise standard deviations (half the shift worth detecting). */
  k: z.number().min(0).max(20).default(1),
  /** Decision interval: alert when the statistic reaches h (in noise standard deviations). */
  h: z.number().gt(0).max(1000).default(15),
  /** A single sample counts at most this many standard deviations (winsorised CUSUM): a burst
   * of noise cannot carry the statistic over h, a persistent drop still does. */
  cap: z.number().gt(0).max(100).default(3),
  /** Fewest samples worth testing: the noise estimate needs a few. */
  minSamples: z.int().min(4).max(1000).default(12),
  /** Samples each side used for the local noise estimate. */
  localSamples: z.int().min(1).max(50).default(3),
  /** Escalate to critical and retire once the median of the last 3 samples is below this;
   * default: the failure limit + 0.15. */
  retireBelow: z.number().gt(0).lt(1).optional(),
})
export type CusumParams = z.infer<typeof cusumParams>

export interface CusumResult {
  /** The statistic after the latest sample. */
  s: number
  /** Time of the first sample of the current run of S > 0: where the change began. */
  sinceS: number
  /** Samples in that run. */
  run: number
  /** Mean drop below μ₀ over the run. */
  shift: number
  /** Noise standard deviation estimated over the whole window. */
  sigma: number
}

/** Runs the lower CUSUM over one channel; null when the noise cannot be estimated. */
export function lowerCusum(ch: Channel, p: CusumParams): CusumResult | null {
  const v = ch.v
  const n = v.length
  const sigma = noiseFromDiffs(v)
  if (!(sigma > 0)) return null
  const noise = localNoise(v, p.localSamples, sigma)
  let s = 0
  let start = n
  for (let i = 0; i < n; i++) {
    const z = Math.min(p.cap, (p.mu0 - v[i]) / noise[i])
    const next = s + z - p.k
    if (next <= 0) {
      s = 0
      start = n
      continue
    }
    if (s === 0) start = i
    s = next
  }
  const run = n - start
  let sum = 0
  for (let i = start; i < n; i++) sum += p.mu0 - v[i]
  return { s, sinceS: run > 0 ? ch.t[start] : ch.t[n - 1], run, shift: run > 0 ? sum / run : 0, sigma }
}

export function planCusum(view: WorldView, p: CusumParams): AlertDecision[] {
  const retireBelow = p.retireBelow ?? view.failureHealth + 0.15
  const out: AlertDecision[] = []
  for (const ch of watchedChannels(view)) {
    if (ch.v.length < p.minSamples) continue
    const said = raised(view, ch.sat.id, ch.component)
    const res = lowerCusum(ch, p)
    if (!res || res.s < p.h) continue
    const level = median(ch.v.subarray(ch.v.length - 3))
    const critical = level < retireBelow
    if (said === 'warning' && !critical) continue
    out.push({
      kind: 'alert',
      satellite: ch.sat.id,
      component: ch.component,
      severity: critical ? 'critical' : 'warning',
      retire: critical,
      rationale:
        `${channelName(ch.sat.id, ch.component)} CUSUM ${res.s.toFixed(1)} ≥ h = ${p.h} (k = ${p.k}): ` +
        `health ${f2(res.shift)} below ${f2(p.mu0)} on average over ${res.run} samples since ` +
        `${formatElapsed(res.sinceS)} (noise σ ${res.sigma.toFixed(3)}); now ${f2(level)}` +
        (critical ? `, below ${f2(retireBelow)}, so retire it` : ''),
    })
  }
  return out
}

export const cusumPlanner: Planner<CusumParams> = {
  id: 'maintenance/cusum',
  kind: 'maintenance',
  label: 'CUSUM change detector',
  description:
    'Runs a one-sided CUSUM on every health channel to detect a persistent drop below the ' +
    'healthy level, with the noise estimated from the data (and raised locally during noisy ' +
    'spells such as a solar storm). It warns as soon as wear is statistically clear, usually ' +
    'long before any threshold would, but it does not predict when the part will fail; it ' +
    'retires the satellite once the measured health is low.',
  params: cusumParams,
  plan: planCusum,
}
