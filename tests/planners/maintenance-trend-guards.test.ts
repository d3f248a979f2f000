// The trend planner's guards and boundaries, each on data made to reach it: which wear model
// may be fitted from how few samples, what is predicted when no onset or curve fits, when the
// noise cannot be estimated or the samples have no spread in time, the horizon with a single
// confirming call, and retireWithinH = 0. Expected values come from the wear formulas.

import { describe, expect, it } from 'vitest'
import type { ComponentName, WorldView } from '../../src/core'
import { planTrend, predictWear, trendParams } from '../../src/planners/maintenance/trend'
import { fakeView, H } from './maintenance-view'

const tp = trendParams.parse({})
const END = 14 * H
const DT = 300
const LIMIT = 0.3
/** Deterministic ±0.002 scatter, so the robust noise estimate is positive and known. */
const wiggle = (j: number) => (j % 2 ? -0.002 : 0.002)

/** S1's battery over 100 samples ending at END, health a function of hours before END. */
function channel(health: (hRel: number, j: number) => number, t?: Float64Array) {
  const times = t ?? Float64Array.from({ length: 100 }, (_, i) => END - (99 - i) * DT)
  const v = times.map((x, j) => health((x - END) / H, j))
  return {
    sat: { id: 'S1', index: 0 } as WorldView['satellites'][number],
    component: 'battery' as const,
    t: times,
    v,
  }
}
const predict = (health: (hRel: number, j: number) => number, p = tp) =>
  predictWear(channel(health), END, LIMIT, p)

describe('which wear model may be fitted', () => {
  // The default 6 h window holds 72 samples; an onset must leave max(6, ⌈72/6⌉) = 12 after it.
  const onsetLeaving = (after: number) => (h: number, j: number) =>
    1 - 0.1 * Math.max(0, h + (after * DT) / H) + wiggle(j)
  /** The onset the onset + linear fit implies: level = 1 − rate·(hours since the onset). */
  const impliedOnsetH = (r: { level: number; ratePerH: number }) => (1 - r.level) / -r.ratePerH

  it('an onset is placed no closer to the end than 12 samples (1 h): a rate is not read from fewer', () => {
    for (const after of [8, 10]) {
      const r = predict(onsetLeaving(after))!
      expect(r.model).toBe('onset + linear')
      expect(impliedOnsetH(r)).toBeCloseTo(1, 9)
    }
    // With 24 samples after it the onset is found where it is (2 h before the end), at its rate.
    const r = predict(onsetLeaving(24))!
    expect(r.model).toBe('onset + linear')
    expect(impliedOnsetH(r)).toBeCloseTo(2, 2)
    expect(r.ratePerH).toBeCloseTo(-0.1, 3)
  })

  it('accelerating wear: fitted with the exponential, at the fitted level and rate', () => {
    // 1 − health = A·e^{r·t}: level 1 − A at the end, slope −r·A, crossing at ln((1 − limit)/A)/r.
    const A = 0.2
    const rate = 0.25
    const r = predict((h, j) => 1 - A * Math.exp(rate * h) + wiggle(j))!
    expect(r.model).toBe('exponential')
    expect(r.level).toBeCloseTo(1 - A, 3)
    expect(r.ratePerH).toBeCloseTo(-rate * A, 3)
    expect((r.failAtS - END) / H).toBeCloseTo(Math.log((1 - LIMIT) / A) / rate, 1)
  })

  it('a curve clear of the noise in fewer than a third of the window (24 samples) is not fitted', () => {
    // Wear 0.04·e^{1.5t} passes 3σ (σ ≈ 0.004·1.4826/√2) only in about the last 10 samples (0.77 h).
    const few = predict((h, j) => 1 - 0.04 * Math.exp(1.5 * h) + wiggle(j))!
    expect(few.model).not.toBe('exponential')
    // The same scale growing slower is clear over more than 24 samples: the curve is fitted.
    const many = predict((h, j) => 1 - 0.04 * Math.exp(0.5 * h) + wiggle(j))!
    expect(many.model).toBe('exponential')
  })

  it('wear above the healthy level (no onset or curve can fit) is extrapolated by the line', () => {
    // Health falls from 1.40 at 0.03/h and is still 1.22 at the end: it reaches 0.3 in 30.67 h.
    const r = predict((h, j) => 1.4 - 0.03 * (h + 6) + wiggle(j))!
    expect(r.model).toBe('linear')
    expect(r.ratePerH).toBeCloseTo(-0.03, 3)
    expect(r.level).toBeCloseTo(1.22, 3)
    expect((r.failAtS - END) / H).toBeCloseTo((1.22 - LIMIT) / 0.03, 1)
  })
})

describe('when predictWear declines', () => {
  const wearing = (h: number, j: number) => 1 - 0.05 * (h + 6) + wiggle(j)

  it('minSamples is inclusive: exactly that many samples in the window are fitted', () => {
    expect(predict(wearing, { ...tp, minSamples: 72 })).not.toBeNull()
    expect(predict(wearing, { ...tp, minSamples: 73 })).toBeNull()
  })

  it('no robust noise estimate (telemetry quantised to 0.01, flat between steps): no prediction', () => {
    // A step every 4 samples: 3 of 4 first differences are 0, so their median, the noise, is 0.
    const stairs = (_h: number, j: number) => 1 - 0.01 * Math.floor(j / 4)
    expect(predict(stairs)).toBeNull()
    // The same wear with scatter on it is predicted.
    expect(predict((h, j) => stairs(h, j) + wiggle(j))).not.toBeNull()
  })

  it('samples without spread in time (all stamped at the end): no trend, no prediction', () => {
    const sameTime = new Float64Array(20).fill(END)
    const ch = channel((_h, j) => 0.9 - 0.01 * j + wiggle(j), sameTime)
    expect(predictWear(ch, END, LIMIT, tp)).toBeNull()
  })
})

describe('planTrend boundaries', () => {
  // S1's wheel wears from 10 h at 0.05/h, crossing 0.3 at 24 h; the rest is flat (never judged).
  const steady = (k: number, c: ComponentName, tS: number) =>
    k === 0 && c === 'reactionWheel' ? 1 - 0.05 * Math.max(0, tS / H - 10) : 1

  it('with one confirming call, the newest prediction alone decides, against the horizon', () => {
    const one = { ...tp, confirmCalls: 1 }
    const view = fakeView({ timeS: 14 * H, health: steady })
    // Failure 10 h ahead: outside a 9 h horizon, inside an 11 h one.
    expect(planTrend(view, { ...one, horizonH: 9 })).toEqual([])
    const d = planTrend(view, { ...one, horizonH: 11 })
    expect(d.map((x) => [x.satellite, x.component, x.severity])).toEqual([['S1', 'reactionWheel', 'warning']])
    expect(d[0].predictedFailureS! / H).toBeCloseTo(24, 6)
    expect(d[0].rationale).not.toContain('predictions agree')
  })

  it('retireWithinH: 0 retires once the fit says the limit is already crossed', () => {
    // Health 1 − 0.1·t/h is 0.1 at 9 h: the line crossed 0.3 two hours ago, so failure is "now".
    const view = fakeView({
      timeS: 9 * H,
      health: (k, c, tS) => (k === 0 && c === 'battery' ? 1 - 0.1 * (tS / H) : 1),
    })
    const d = planTrend(view, { ...tp, retireWithinH: 0 })
    expect(d.map((x) => [x.satellite, x.component, x.severity, x.retire])).toEqual([
      ['S1', 'battery', 'critical', true],
    ])
    expect(d[0].predictedFailureS).toBe(9 * H)
    expect(d[0].rationale).toContain('crosses 0.30 in 0.0 h')
  })
})
