// The maintenance planners' parts without the engine: the statistics recover known curves and
// noise levels, and each planner, given a hand-made view, alerts on what it should, stays quiet
// on what it should not, and never repeats itself.

import { describe, expect, it } from 'vitest'
import type { AlertView, ComponentName, SatelliteView, WorldView } from '../../src/core'
import { cusumParams, lowerCusum, planCusum } from '../../src/planners/maintenance/cusum'
import {
  fitExponentialWear,
  fitHinge,
  fitLine,
  localNoise,
  median,
  noiseFromDiffs,
} from '../../src/planners/maintenance/stats'
import { planThreshold, thresholdParams } from '../../src/planners/maintenance/threshold'
import { planTrend, predictWear, trendParams } from '../../src/planners/maintenance/trend'
import { MAD_DIFF_REL_SE } from './maintenance-support'
import { fakeView, gaussian, H, noise, range, warned, wearing } from './maintenance-view'

describe('statistics', () => {
  it('median of odd, even and NaN-holding lists', () => {
    expect(median([3, 1, 2])).toBe(2)
    expect(median([4, 1, 3, 2])).toBe(2.5)
    expect(median([Number.NaN, 5, 1])).toBe(3)
    expect(median([])).toBeNaN()
  })

  // Seeded data (gaussian(42)): the same samples on every run, so each check below passes or
  // fails for good; the tolerances say how far an honest estimate may stray on a fresh seed.
  it('noiseFromDiffs recovers σ under a trend, and localNoise rises in a noisy spell', () => {
    const g = gaussian(42)
    const sigma = 0.01
    const n = 2000
    const v = range(n, (i) => 1 - 0.0001 * i + sigma * g())
    // Relative standard error MAD_DIFF_REL_SE/√(n − 1) = 2.9 % here. The trend shifts every
    // difference by 0.0001, 0.7 % of its sd, which moves the median of |d| only to second order
    // (~10⁻⁵ relative): 3 standard errors either way.
    const se = (sigma * MAD_DIFF_REL_SE) / Math.sqrt(n - 1)
    expect(Math.abs(noiseFromDiffs(v) - sigma)).toBeLessThan(3 * se)

    // 50 samples at 3σ among 200: of the 199 differences 148 are quiet, 49 three times wider and
    // 2 (the spell's edges) √5 times; the median of |d| solves
    // (148·P(|Z| < q/√2) + 49·P(|Z| < q/(3√2)) + 2·P(|Z| < q/√10)) / 199 = ½ at q = 1.18σ, so the
    // floor is 1.4826·q/√2 = 1.24σ; 3 standard errors (the white-noise one, near enough) around it.
    const mixed = range(200, (i) => 1 + (i >= 100 && i < 150 ? 0.03 : 0.01) * g())
    const floor = noiseFromDiffs(mixed)
    expect(Math.abs(floor / (1.24 * sigma) - 1)).toBeLessThan((3 * MAD_DIFF_REL_SE) / Math.sqrt(199))
    // A window of ±6 samples measures σ from the RMS of m = 13 differences: their squares have
    // variance 8σ⁴ and adjacent covariance 2σ⁴, so the relative standard error is
    // √3/(2√m) = 0.24. A quiet window exceeds the floor (1.24σ, one such error up) in about one
    // case in six, so over the quiet stretch the median is the floor itself.
    const local = localNoise(mixed, 6, floor)
    expect(median(local.subarray(10, 90))).toBe(floor)
    // Windows inside the spell (samples 110–139, 42 differences in all) measure 3σ, and their
    // median is raised above the floor. Its relative standard error is about 0.16 (between one
    // window's 0.24 and the 42 pooled differences' 0.13; 0.16 in a seeded simulation of 5000
    // spells run when this was written, not kept): within 3 of those of 3σ.
    const spell = median(local.subarray(110, 140))
    expect(spell).toBeGreaterThan(floor)
    expect(Math.abs(spell / (3 * sigma) - 1)).toBeLessThan(3 * 0.16)
    expect(Math.min(...local)).toBeGreaterThanOrEqual(floor)
  })

  it('fitLine: exact line, and a slope standard error that matches the scatter', () => {
    const t = range(50, (i) => i / 10)
    const exact = fitLine(
      t,
      t.map((x) => 2 - 0.3 * x),
    )!
    expect(exact.a).toBeCloseTo(2, 12)
    expect(exact.b).toBeCloseTo(-0.3, 12)
    const g = gaussian(7)
    const slopes: number[] = []
    let se = 0
    for (let k = 0; k < 400; k++) {
      const fit = fitLine(
        t,
        t.map((x) => 1 + 0.1 * x + 0.05 * g()),
      )!
      slopes.push(fit.b)
      se += fit.seB / 400
    }
    const m = slopes.reduce((a, b) => a + b, 0) / slopes.length
    const sd = Math.sqrt(slopes.reduce((a, b) => a + (b - m) ** 2, 0) / (slopes.length - 1))
    expect(m).toBeCloseTo(0.1, 2)
    expect(se / sd).toBeGreaterThan(0.85)
    expect(se / sd).toBeLessThan(1.15)
  })

  it('fitHinge finds the onset and the rate of steady wear', () => {
    const t = range(72, (i) => -6 + i / 12)
    const h = t.map((x) => 1 - 0.08 * Math.max(0, x + 2.5))
    const fit = fitHinge(t, h, 1, 6)!
    expect(fit.t0).toBeCloseTo(-2.5, 6)
    expect(fit.b).toBeCloseTo(0.08, 9)
    expect(fit.chi2).toBeCloseTo(0, 9)
    expect(
      fitHinge(
        t,
        range(72, () => 1.01),
        1,
        6,
      ),
    ).toBeNull()
  })

  it('fitExponentialWear recovers A and r, using only samples clear of the noise', () => {
    const t = range(72, (i) => -6 + i / 12)
    const h = t.map((x) => 1 - 0.2 * Math.exp(0.25 * x))
    const fit = fitExponentialWear(t, h, new Float64Array(72).fill(0.01), 6)!
    expect(fit.A).toBeCloseTo(0.2, 9)
    expect(fit.r).toBeCloseTo(0.25, 9)
    // Wear never reaches 3σ: nothing to fit.
    expect(
      fitExponentialWear(
        t,
        range(72, () => 0.98),
        new Float64Array(72).fill(0.01),
        6,
      ),
    ).toBeNull()
  })
})

describe('planners on a hand-made view', () => {
  const tp = trendParams.parse({})

  it('predictWear on noise-free steady wear predicts the exact crossing', () => {
    // Onset at 10 h inside the 6 h window ending at 14 h.
    const view = fakeView({
      timeS: 14 * H,
      health: (k, _c, t) => (k === 0 ? 1 - 0.05 * Math.max(0, t / H - 10) : 1),
    })
    const tel = view.telemetry(0, 'battery')
    const p = predictWear({ sat: view.satellites[0], component: 'battery', ...tel }, 14 * H, 0.3, tp)!
    expect(p.model).toBe('onset + linear')
    expect(p.failAtS / H).toBeCloseTo(24, 6)
    expect(p.ratePerH).toBeCloseTo(-0.05, 9)
    // The fitted health at the window's end: 4 h of wear at 0.05/h since the onset.
    expect(p.level).toBeCloseTo(1 - 0.05 * 4, 9)
  })

  it('trend warns within the horizon, escalates near the end, and not again', () => {
    const early = planTrend(fakeView({ timeS: 11 * H, health: wearing }), tp)
    expect(early).toEqual([])
    const warn = planTrend(fakeView({ timeS: 15 * H, health: wearing }), tp)
    expect(warn.map((d) => [d.satellite, d.component, d.severity, d.retire])).toEqual([
      ['S1', 'reactionWheel', 'warning', false],
    ])
    expect(Math.abs(warn[0].predictedFailureS! / H - 24)).toBeLessThan(1)
    const raised = warned('S1', 'reactionWheel', 'maintenance/trend', {
      atS: 15 * H,
      predictedFailureS: warn[0].predictedFailureS!,
    })
    expect(planTrend(fakeView({ timeS: 16 * H, health: wearing, alerts: [raised] }), tp)).toEqual([])
    const crit = planTrend(fakeView({ timeS: 20 * H, health: wearing, alerts: [raised] }), tp)
    expect(crit.map((d) => [d.severity, d.retire])).toEqual([['critical', true]])
    const done = { ...raised, severity: 'critical' as const }
    expect(planTrend(fakeView({ timeS: 21 * H, health: wearing, alerts: [raised, done] }), tp)).toEqual([])
  })

  it('threshold alerts once, below its threshold only', () => {
    const p = thresholdParams.parse({})
    expect(planThreshold(fakeView({ timeS: 20 * H, health: wearing }), p)).toEqual([]) // 0.50
    const d = planThreshold(fakeView({ timeS: 22.5 * H, health: wearing }), p) // 0.375
    expect(d.map((x) => [x.satellite, x.component, x.severity, x.retire])).toEqual([
      ['S1', 'reactionWheel', 'critical', true],
    ])
    expect(planThreshold(fakeView({ timeS: 22.5 * H, health: wearing }), { ...p, threshold: 0.35 })).toEqual(
      [],
    )
    const raised = warned('S1', 'reactionWheel', 'maintenance/threshold', { atS: 22 * H })
    expect(planThreshold(fakeView({ timeS: 23 * H, health: wearing, alerts: [raised] }), p)).toEqual([])
  })

  it('cusum flags the drop soon after onset and says since when', () => {
    const p = cusumParams.parse({})
    expect(planCusum(fakeView({ timeS: 10 * H, health: wearing }), p)).toEqual([])
    const d = planCusum(fakeView({ timeS: 12 * H, health: wearing }), p)
    expect(d.map((x) => [x.satellite, x.component, x.severity])).toEqual([['S1', 'reactionWheel', 'warning']])
    const since = /since T\+(\d\d):(\d\d)/.exec(d[0].rationale)!
    const sinceH = Number(since[1]) + Number(since[2]) / 60
    expect(sinceH).toBeGreaterThan(9.5)
    expect(sinceH).toBeLessThan(11.5)
  })

  it('failed satellites and dead thrusters are not watched', () => {
    const dead = (_k: number, c: ComponentName) => (c === 'thruster' ? 0 : 1)
    for (const plan of [
      (v: WorldView) => planThreshold(v, thresholdParams.parse({})),
      (v: WorldView) => planTrend(v, tp),
      (v: WorldView) => planCusum(v, cusumParams.parse({})),
    ]) {
      expect(plan(fakeView({ timeS: 20 * H, health: dead, deadThruster: [0, 1, 2] }))).toEqual([])
      expect(plan(fakeView({ timeS: 23 * H, health: wearing, failed: [0] }))).toEqual([])
    }
  })
})

describe('threshold parameters', () => {
  // S1's battery reads `level` for its last samples (1 before); everything else is healthy.
  const flat = (level: number, lastN: number, timeS: number) =>
    fakeView({
      timeS,
      health: (k, c, t) => (k === 0 && c === 'battery' && t > timeS - lastN * 300 ? level : 1),
    })
  const base = thresholdParams.parse({ threshold: 0.5 })

  it('alerts strictly below the threshold, on the median of the last samples', () => {
    expect(planThreshold(flat(0.5, 3, 6 * H), base)).toEqual([])
    const d = planThreshold(flat(0.49, 3, 6 * H), base)
    expect(d.map((x) => [x.satellite, x.component, x.severity, x.retire])).toEqual([
      ['S1', 'battery', 'critical', true],
    ])
    expect(d[0].rationale).toContain(
      'S1 battery health 0.49 (median of last 3 samples) is below the 0.50 threshold',
    )
    expect(d[0].rationale).toContain('; retire it')
    // Two low samples of three: the median is already low; one of three is not.
    expect(planThreshold(flat(0.49, 2, 6 * H), base)).toHaveLength(1)
    expect(planThreshold(flat(0.49, 1, 6 * H), base)).toEqual([])
  })

  it('samples: 1 takes the latest sample alone; retire: false only alerts; too few samples, nothing', () => {
    const one = planThreshold(flat(0.49, 1, 6 * H), { ...base, samples: 1 })
    expect(one).toHaveLength(1)
    expect(one[0].rationale).toContain('(latest sample)')
    const keep = planThreshold(flat(0.49, 3, 6 * H), { ...base, retire: false })
    expect(keep.map((x) => x.retire)).toEqual([false])
    expect(keep[0].rationale).not.toContain('retire')
    // At T+10 min there are 3 samples: a median of 5 cannot be taken yet.
    expect(planThreshold(flat(0.1, 3, 600), { ...base, samples: 5 })).toEqual([])
    expect(planThreshold(flat(0.1, 3, 600), { ...base, samples: 3 })).toHaveLength(1)
  })

  it('without a threshold it uses the failure limit + 0.1', () => {
    const p = thresholdParams.parse({})
    expect(planThreshold(flat(0.41, 3, 6 * H), p)).toEqual([])
    expect(planThreshold(flat(0.39, 3, 6 * H), p)).toHaveLength(1)
  })
})

describe('cusum on a known step', () => {
  // 40 samples 5 min apart alternating ±0.01 around 1, then (from sample 20) around 0.9.
  const t = range(40, (i) => 300 * i)
  const v = range(40, (i) => (i < 20 ? 1 : 0.9) + (i % 2 ? -0.01 : 0.01))
  const ch = { sat: { id: 'S1', index: 0 } as SatelliteView, component: 'battery' as const, t, v }
  const p = cusumParams.parse({})

  it('finds where the drop began, how long it lasted and its mean size', () => {
    const r = lowerCusum(ch, p)!
    // Robust σ: median |first difference| (0.02) × 1.4826 / √2.
    expect(r.sigma).toBeCloseTo((0.02 * 1.4826) / Math.SQRT2, 9)
    expect(r.sinceS).toBe(300 * 20)
    expect(r.run).toBe(20)
    expect(r.shift).toBeCloseTo(0.1, 9)
    // Each low sample adds at most cap − k = 2 (winsorised); enough of them pass h = 15.
    expect(r.s).toBeGreaterThan(p.h)
    expect(r.s).toBeLessThanOrEqual((p.cap - p.k) * r.run)
  })

  it('finds nothing in a steady channel, and cannot judge a noiseless one', () => {
    const steady = { ...ch, v: range(40, (i) => 1 + (i % 2 ? -0.01 : 0.01)) }
    expect(lowerCusum(steady, p)).toMatchObject({ s: 0, run: 0, shift: 0, sinceS: 300 * 39 })
    expect(lowerCusum({ ...ch, v: range(40, () => 0.5) }, p)).toBeNull()
  })

  it('warns once, then escalates to critical only when the level is below retireBelow', () => {
    const view = (level: number, alerts: AlertView[] = []) =>
      fakeView({
        timeS: 39 * 300,
        health: (k, c, tS) => (k === 0 && c === 'battery' && tS >= 6000 ? level : 1) + noise(k, c, tS) * 0.01,
        alerts,
      })
    const warn = planCusum(view(0.9), p)
    expect(warn.map((d) => [d.satellite, d.component, d.severity, d.retire])).toEqual([
      ['S1', 'battery', 'warning', false],
    ])
    const raised = warned('S1', 'battery', 'maintenance/cusum')
    expect(planCusum(view(0.9, [raised]), p)).toEqual([])
    // 0.40 is under the default retireBelow (failure limit 0.3 + 0.15).
    const crit = planCusum(view(0.4, [raised]), p)
    expect(crit.map((d) => [d.severity, d.retire])).toEqual([['critical', true]])
    expect(crit[0].rationale).toContain('so retire it')
    // Too few samples to test: nothing.
    expect(planCusum(view(0.4), { ...p, minSamples: 1000 })).toEqual([])
  })
})
