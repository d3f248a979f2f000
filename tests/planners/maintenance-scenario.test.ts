// scenarios/predictive-maintenance.json, loaded the way the app and the CLI load it and run with
// each of its strategies (maintenance plus the greedy-priority allocation and Hohmann
// trajectory planners): checks what its description claims.

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_TELEMETRY_WINDOW, type ScenarioSpec, type SimEvent } from '../../src/core'
import { registry } from '../../src/planners'
import { loadScenarioText } from '../../src/scenario'
import { SCENARIO_HOOK_TIMEOUT_MS } from '../support/timeouts'
import {
  type AlertOutcome,
  MAD_DIFF_REL_SE,
  mean,
  runStrategy,
  scoreRun,
  trueFailureS,
  wearAt,
  wearRateAt,
} from './maintenance-support'

const FILE = join(import.meta.dirname, '..', '..', 'scenarios', 'predictive-maintenance.json')
const H = 3600

function load(): ScenarioSpec {
  const res = loadScenarioText(readFileSync(FILE, 'utf8'), FILE, { knownPlanners: registry.names() })
  if (!res.ok) throw new Error(res.issues.map((i) => i.message).join('\n'))
  return res.scenario
}

type Degradation = Extract<ScenarioSpec['events'][number], { type: 'degradation' }>

// Noise allowance of the bounds below, in standard deviations: a normal deviate exceeds 3 in
// 0.13 % of cases (one side).
const SD = 3

/** The telemetry noise σ at tS: the scenario's σ, times the storm's factor while one lasts. */
function sigmaAt(spec: ScenarioSpec, tS: number): number {
  let f = 1
  for (const e of spec.events)
    if (e.type === 'solarStorm' && tS >= e.atS && tS < e.atS + e.durationS) f = e.noiseFactor
  return spec.components.noiseSigma * f
}

/** The first planner call at or after tS (planners see the sample taken at their call). */
const callAtOrAfter = (spec: ScenarioSpec, tS: number) =>
  Math.ceil(tS / spec.plannerCadenceS - 1e-9) * spec.plannerCadenceS

// The CUSUM's documented rule (cusum.ts) with its default parameters, written out here so that
// a changed default moves the alerts off the bounds: zᵢ = min(cap, (1 − xᵢ)/σᵢ),
// S ← max(0, S + zᵢ − k), warn once S ≥ h.
const CUSUM = { k: 1, h: 15, cap: 3 }

/**
 * The first sample time at which the CUSUM of a profile's noise-free health, widened by the
 * noise allowance, reaches h: side −1 the earliest the alert can come, side +1 the latest
 * sample it can wait for. Noise: summed over the m samples of the run it has sd √m (σ units),
 * hence ±SD·√m; before the wear, noise alone can lift S by at most max over m of SD·√m − k·m
 * = SD²/4k (early side only). σ: the planner estimates it from the n samples in its window, a
 * relative standard error of MAD_DIFF_REL_SE/√(n − 1), hence SD of those either way; that
 * also covers its local raise (σᵢ = the larger of that estimate and the RMS of 7 nearby
 * differences, about 10 % above σ on average for white noise).
 */
function cusumReachS(spec: ScenarioSpec, d: Degradation, side: -1 | 1): number {
  let s = 0
  let m = 0
  for (let t = d.atS; t <= spec.durationS; t += spec.sampleEveryS) {
    const n = Math.min(DEFAULT_TELEMETRY_WINDOW, t / spec.sampleEveryS + 1)
    const sigma = sigmaAt(spec, t) * (1 + (side * SD * MAD_DIFF_REL_SE) / Math.sqrt(Math.max(1, n - 1)))
    const next = s + Math.min(CUSUM.cap, wearAt(d.atS, d.profile, t) / sigma) - CUSUM.k
    s = Math.max(0, next)
    m = s > 0 ? m + 1 : 0
    const widened = side < 0 ? s + SD * Math.sqrt(m) + (SD * SD) / (4 * CUSUM.k) : s - SD * Math.sqrt(m)
    if (widened >= CUSUM.h) return t
  }
  return Number.POSITIVE_INFINITY
}

// The trend planner's documented rule (trend.ts) with its defaults, written out likewise: fit
// the last 6 h of samples (weights 1/σᵢ²), predict when health crosses the failure limit, and
// warn once the predictions from the data at this call and the 2 before it all fall within
// 12 h of now, with the straight line's slope below −4 standard errors.
const TREND = { windowS: 6 * H, horizonS: 12 * H, confirmCalls: 3, k: 4 }

/**
 * The weighted least-squares line through a profile's noise-free samples in (endS − 6 h, endS]:
 * when it crosses the failure limit (s after endS) and that time's standard error under the
 * telemetry noise, and the slope in standard errors (scaled by the misfit of a curve, as the
 * planner's residual-scaled error would be). Null when it does not fall.
 */
function lineCrossing(spec: ScenarioSpec, d: Degradation, endS: number) {
  const xs: number[] = []
  for (let t = endS; t > endS - TREND.windowS; t -= spec.sampleEveryS) xs.push(t - endS)
  const w = xs.map((x) => sigmaAt(spec, endS + x) ** -2)
  const y = xs.map((x) => 1 - wearAt(d.atS, d.profile, endS + x))
  const sw = w.reduce((a, b) => a + b, 0)
  const mx = xs.reduce((a, x, i) => a + w[i] * x, 0) / sw
  const my = y.reduce((a, v, i) => a + w[i] * v, 0) / sw
  const sxx = xs.reduce((a, x, i) => a + w[i] * (x - mx) ** 2, 0)
  const b = xs.reduce((a, x, i) => a + w[i] * (x - mx) * (y[i] - my), 0) / sxx
  if (!(b < 0)) return null
  const level = my - b * mx
  const misfit = xs.reduce((a, x, i) => a + w[i] * (y[i] - level - b * x) ** 2, 0)
  const inS = (spec.components.failureHealth - level) / b
  const seLevel = Math.sqrt(1 / sw + (mx * mx) / sxx)
  return {
    inS,
    seS: Math.hypot(seLevel, inS / Math.sqrt(sxx)) / -b,
    tStat: (-b * Math.sqrt(sxx)) / Math.sqrt(1 + misfit / (xs.length - 2)),
  }
}

/**
 * The latest the trend planner can first warn of a profile's failure: when the straight line
 * alone would, widened by SD standard errors of its predicted crossing and rounded up to a
 * planner call. Why the line: on steady wear it is exact; on accelerating wear it averages the
 * window's slope, shallower than the current one, so it predicts the crossing latest, and the
 * planner only trades it for a model that fits clearly better (the onset or the accelerating
 * curve, which follow the steepening and predict earlier). Its slope must be significant with
 * noise against it (k + SD standard errors).
 */
function latestTrendWarningS(spec: ScenarioSpec, d: Degradation): number {
  const cadence = spec.plannerCadenceS
  for (let now = callAtOrAfter(spec, d.atS); now <= spec.durationS; now += cadence) {
    let se = 0
    let agree = 0
    for (; agree < TREND.confirmCalls; agree++) {
      const endS = now - agree * cadence
      const fit = lineCrossing(spec, d, endS)
      if (!fit || fit.tStat < TREND.k + SD || endS + fit.inS - now > TREND.horizonS) break
      se = Math.max(se, fit.seS)
    }
    if (agree === TREND.confirmCalls) return callAtOrAfter(spec, now + SD * se)
  }
  return Number.POSITIVE_INFINITY
}

interface Outcome {
  events: readonly SimEvent[]
  metrics: ReturnType<ReturnType<typeof runStrategy>['metrics']>
  score: AlertOutcome
}

describe('scenario: predictive maintenance', () => {
  const spec = load()
  const out = new Map<string, Outcome>()

  // Four 48 h runs: seconds on a quiet machine, far more on a loaded one; hence the explicit timeout.
  beforeAll(() => {
    for (const st of spec.strategies) {
      const sim = runStrategy(spec, st.name)
      out.set(st.name, { events: sim.events(), metrics: sim.metrics(), score: scoreRun(spec, sim.events()) })
    }
  }, SCENARIO_HOOK_TIMEOUT_MS)

  const get = (name: string) => out.get(name)!
  const degradations = spec.events.filter((e) => e.type === 'degradation')

  it('has the four strategies, each with greedy-priority allocation and Hohmann transfers', () => {
    expect(spec.strategies.map((s) => s.name)).toEqual(['none', 'threshold', 'trend', 'cusum'])
    for (const s of spec.strategies) {
      expect(s.allocation).toBe('greedy-priority')
      expect(s.trajectory).toBe('hohmann')
      expect(s.maintenance).toBe(s.name === 'none' ? undefined : s.name)
    }
    expect(degradations).toHaveLength(4)
    expect(spec.durationS).toBe(48 * H)
  })

  it('all four worn components fail within the run, when their profiles say', () => {
    const s = get('none').score
    expect(s.failures.size).toBe(4)
    for (const d of degradations) {
      const truth = trueFailureS(d.atS, d.profile, spec.components.failureHealth)
      expect(Math.abs(s.failures.get(`${d.satellite}/${d.component}`)! - truth)).toBeLessThanOrEqual(
        spec.stepS,
      )
    }
  })

  it('none: every failure is missed', () => {
    const { metrics, score } = get('none')
    expect(metrics.missedFailures).toBe(4)
    expect(metrics.alertLeadH).toBeNull()
    expect(score.recall).toBe(0)
  })

  it.each(['threshold', 'trend', 'cusum'])(
    '%s: no false alarm, no missed failure (precision = recall = 1)',
    (name) => {
      const { metrics, score } = get(name)
      expect(metrics.falseAlarms).toBe(0)
      expect(metrics.missedFailures).toBe(0)
      expect(score.precision).toBe(1)
      expect(score.recall).toBe(1)
    },
  )

  // Independent bounds on each alert's lead (failure time − first alert time), from the
  // degradation profiles and each detector's rule; the averages the description quotes are
  // regression pins of this code's output, checked after the bounds they must respect.
  const MIN = 60
  const leadOf = (s: AlertOutcome, k: string) => s.failures.get(k)! - s.first.get(k)!.t
  const keyOf = (d: (typeof degradations)[number]) => `${d.satellite}/${d.component}`
  const inStorm = (tS: number) =>
    spec.events.some((e) => e.type === 'solarStorm' && tS >= e.atS && tS < e.atS + e.durationS)

  it('threshold warns late: within its lag of true health crossing 0.40, 1.8 h ahead on average', () => {
    const { metrics, score } = get('threshold')
    const threshold = spec.components.failureHealth + 0.1
    for (const d of degradations) {
      const t40 = trueFailureS(d.atS, d.profile, threshold)
      const failedAt = score.failures.get(keyOf(d))!
      // Noise-free, the median of the last 3 samples of a falling curve is the middle one, a
      // 5 min sample period old; the newest sample is up to 5 min old and the next planner call
      // up to 10 min away: the alert comes 5 to 20 min after t40.
      // Noise: the median of 3 normal samples has sd ≈ 0.67σ (σ tripled in the storm); 4 such sd
      // over the wear rate at t40 bounds how far noise can move the crossing.
      const sigma = spec.components.noiseSigma * (inStorm(t40) ? 3 : 1)
      const shift = (4 * 0.67 * sigma) / wearRateAt(d.atS, d.profile, t40)
      const lead = leadOf(score, keyOf(d))
      expect(lead, keyOf(d)).toBeLessThanOrEqual(failedAt - t40 - 5 * MIN + shift)
      expect(lead, keyOf(d)).toBeGreaterThanOrEqual(failedAt - t40 - 20 * MIN - shift)
    }
    // Regression pins (this code's output, quoted in the scenario description).
    expect(Math.min(...score.leadsS) / H).toBeGreaterThan(0.2)
    expect(Math.max(...score.leadsS) / H).toBeLessThan(5.5)
    expect(metrics.alertLeadH).toBeCloseTo(1.8, 1)
  })

  // Leads the trend planner's rule allows for one degradation: at most the horizon plus the
  // prediction's error (under 40 min, next test) and the time from onset to failure (no detector
  // sees wear before it starts); at least the lead the straight line alone would give.
  const trendLeadBounds = (sp: ScenarioSpec, s: AlertOutcome, d: Degradation) => {
    const failedAt = s.failures.get(keyOf(d))!
    return {
      lower: failedAt - latestTrendWarningS(sp, d),
      upper: Math.min(TREND.horizonS + 40 * MIN, failedAt - d.atS),
    }
  }

  it('trend warns earlier than threshold for every failure, at most its 12 h horizon ahead', () => {
    const th = get('threshold').score
    const tr = get('trend').score
    for (const [k] of tr.failures) expect(tr.first.get(k)!.t).toBeLessThan(th.first.get(k)!.t)
    expect(get('trend').metrics.alertLeadH!).toBeGreaterThan(get('threshold').metrics.alertLeadH!)
    expect(get('trend').metrics.falseAlarms!).toBeLessThanOrEqual(get('threshold').metrics.falseAlarms!)
    const bounds = degradations.map((d) => trendLeadBounds(spec, tr, d))
    degradations.forEach((d, i) => {
      const first = tr.first.get(keyOf(d))!
      // The rule itself: the reported (newest) prediction lies within the horizon of the alert.
      expect(first.predictedFailureS! - first.t, keyOf(d)).toBeLessThanOrEqual(TREND.horizonS)
      expect(leadOf(tr, keyOf(d)), keyOf(d)).toBeLessThanOrEqual(bounds[i].upper)
      expect(leadOf(tr, keyOf(d)), keyOf(d)).toBeGreaterThanOrEqual(bounds[i].lower)
    })
    // The average lies between the averages of the bounds.
    const meanLeadS = get('trend').metrics.alertLeadH! * H
    expect(meanLeadS).toBeGreaterThanOrEqual(mean(bounds.map((b) => b.lower)))
    expect(meanLeadS).toBeLessThanOrEqual(mean(bounds.map((b) => b.upper)))
    // Regression pins (this code's output, quoted in the scenario description).
    expect(Math.min(...tr.leadsS) / H).toBeGreaterThan(3.2)
    expect(Math.max(...tr.leadsS) / H).toBeLessThan(12)
    expect(get('trend').metrics.alertLeadH).toBeCloseTo(7.1, 1)
  })

  it('trend predictions land within 40 minutes of the real failures', () => {
    const tr = get('trend').score
    for (const [k, failedAt] of tr.failures) {
      const a = tr.first.get(k)!
      expect(Math.abs(a.predictedFailureS! - failedAt) / 60, k).toBeLessThan(40)
    }
    // The fast fade shows late. Bounds as above: under the 9.6 h from its onset to its failure,
    // over what the straight line alone would give.
    const fade = degradations.find((d) => keyOf(d) === 'P1-S4/battery')!
    const { lower, upper } = trendLeadBounds(spec, tr, fade)
    expect(leadOf(tr, keyOf(fade))).toBeLessThanOrEqual(upper)
    expect(leadOf(tr, keyOf(fade))).toBeGreaterThanOrEqual(lower)
    // Regression pin (quoted in the description).
    expect(leadOf(tr, keyOf(fade)) / H).toBeCloseTo(3.3, 1)
  })

  it('the storm delays the trend warning on P3-S1: 6.6 h ahead instead of 11.3 h without it', () => {
    const calm: ScenarioSpec = { ...spec, events: spec.events.filter((e) => e.type !== 'solarStorm') }
    expect(calm.events.length).toBe(spec.events.length - 1)
    const quiet = scoreRun(calm, runStrategy(calm, 'trend').events())
    const wheel = degradations.find((d) => keyOf(d) === 'P3-S1/reactionWheel')!
    const stormy = get('trend').score
    // Independent: the storm can only delay it (noisier samples never make the fit surer).
    expect(leadOf(stormy, keyOf(wheel))).toBeLessThan(leadOf(quiet, keyOf(wheel)))
    // Bounds as above, each run with its own noise.
    for (const [sp, s] of [
      [spec, stormy],
      [calm, quiet],
    ] as const) {
      const { lower, upper } = trendLeadBounds(sp, s, wheel)
      expect(leadOf(s, keyOf(wheel))).toBeLessThanOrEqual(upper)
      expect(leadOf(s, keyOf(wheel))).toBeGreaterThanOrEqual(lower)
    }
    // Regression pins (quoted in the description).
    expect(leadOf(stormy, keyOf(wheel)) / H).toBeCloseTo(6.6, 1)
    expect(leadOf(quiet, keyOf(wheel)) / H).toBeCloseTo(11.3, 1)
    expect(quiet.falseAlarms).toBe(0)
  })

  it('cusum flags every wear earliest, 18 h ahead on average, without a predicted failure time', () => {
    const cu = get('cusum')
    for (const [k] of cu.score.failures)
      expect(cu.score.first.get(k)!.t).toBeLessThan(get('trend').score.first.get(k)!.t)
    // Bounds from the profile and the rule (cusumReachS): the warning comes no earlier than the
    // widened statistic can reach h, and by the planner call after it must have.
    const bounds = degradations.map((d) => {
      const failedAt = cu.score.failures.get(keyOf(d))!
      return {
        lower: failedAt - callAtOrAfter(spec, cusumReachS(spec, d, 1)),
        upper: failedAt - cusumReachS(spec, d, -1),
      }
    })
    degradations.forEach((d, i) => {
      expect(leadOf(cu.score, keyOf(d)), keyOf(d)).toBeLessThanOrEqual(bounds[i].upper)
      expect(leadOf(cu.score, keyOf(d)), keyOf(d)).toBeGreaterThanOrEqual(bounds[i].lower)
    })
    expect(cu.metrics.alertLeadH! * H).toBeGreaterThanOrEqual(mean(bounds.map((b) => b.lower)))
    expect(cu.metrics.alertLeadH! * H).toBeLessThanOrEqual(mean(bounds.map((b) => b.upper)))
    // Regression pin (quoted in the description).
    expect(cu.metrics.alertLeadH).toBeCloseTo(18, 0)
    for (const a of cu.score.first.values()) expect(a.predictedFailureS).toBeUndefined()
  })

  it('retired satellites get no new tasks', () => {
    for (const name of ['threshold', 'trend', 'cusum']) {
      const events = get(name).events
      const retiredAt = new Map<string, number>()
      for (const e of events)
        if (e.type === 'alert' && e.data?.severity === 'critical' && !retiredAt.has(e.satellite!))
          retiredAt.set(e.satellite!, e.t)
      expect(retiredAt.size).toBe(4)
      const assigned = events.filter((e) => e.type === 'decision' && e.data?.kind === 'assignTask')
      expect(assigned.length).toBeGreaterThan(0)
      for (const e of assigned)
        expect(e.t).toBeLessThan(retiredAt.get(e.satellite!) ?? Number.POSITIVE_INFINITY)
    }
  })

  it("trend's early retirement lets SPARE-1 reach P1-S2's slot before the wheel fails; the others cannot", () => {
    for (const name of ['none', 'threshold', 'trend', 'cusum']) {
      const events = get(name).events
      const failedAt = events.find((e) => e.type === 'satelliteFailed' && e.satellite === 'P1-S2')!.t
      const burns = events.filter(
        (e) => e.type === 'maneuverExecuted' && e.satellite === 'SPARE-1' && e.t < failedAt,
      )
      if (name === 'trend') expect(burns.length).toBeGreaterThanOrEqual(2)
      else expect(burns).toEqual([])
    }
  })
})
