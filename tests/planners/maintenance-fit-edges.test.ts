// The maintenance fits' edges (planners/maintenance/stats.ts), with numbers worked by hand:
// when a fit has nothing to stand on, the weighted slope error's floor, and the local noise of a
// single sample.

import { describe, expect, it } from 'vitest'
import { fitExponentialWear, fitHinge, fitLine, localNoise } from '../../src/planners/maintenance/stats'

describe('fitLine', () => {
  it('has no fit with fewer than three points, no weight, or no spread in t', () => {
    expect(fitLine([0, 1], [0, 1])).toBeNull()
    expect(fitLine([0, 1, 2, 3], [0, 1], undefined)).toBeNull() // three needed of both
    expect(fitLine([0, 1, 2], [0, 1, 2], [0, 0, 0])).toBeNull()
    expect(fitLine([5, 5, 5], [0, 1, 2])).toBeNull()
    // Three points are enough.
    const three = fitLine([0, 1, 2], [1, 3, 5])!
    expect([three.a, three.b, three.chi2]).toEqual([1, 2, 0])
  })

  it('scales the slope error by the residuals unweighted, and never below the weights’ own', () => {
    // t = 0…4, y = 1.4 + 0.8t + residuals (−0.04, 0.08, −0.1, 0.12, −0.06), which sum to 0 and
    // are orthogonal to t, so the fit is exactly a = 1.4, b = 0.8; χ² = 0.036, Sxx = 10.
    const t = [0, 1, 2, 3, 4]
    const y = t.map((x, i) => 1.4 + 0.8 * x + [-0.04, 0.08, -0.1, 0.12, -0.06][i])
    const plain = fitLine(t, y)!
    expect(plain.a).toBeCloseTo(1.4, 12)
    expect(plain.b).toBeCloseTo(0.8, 12)
    expect(plain.chi2).toBeCloseTo(0.036, 12)
    // Unweighted: s² = χ²/(n − 2) = 0.012, seB = √(0.012/10).
    expect(plain.seB).toBeCloseTo(Math.sqrt(0.0012), 12)
    // Weights 1/σ² with σ = 1: the residuals are far inside σ, so the error is the weights' own,
    // √(1/Sxx) = √0.1, not shrunk by the small χ².
    const weighted = fitLine(t, y, [1, 1, 1, 1, 1])!
    expect(weighted.seB).toBeCloseTo(Math.sqrt(0.1), 12)
    expect(weighted.n).toBe(5)
  })
})

describe('localNoise', () => {
  it('gives a lone sample the floor: it has no difference to measure', () => {
    expect(Array.from(localNoise([7], 3, 0.25))).toEqual([0.25])
  })

  it('measures two samples by their one difference (RMS ÷ √2)', () => {
    // One difference of 1: √(1²/2) for both samples, above the 0.25 floor.
    expect(Array.from(localNoise([0, 1], 3, 0.25))).toEqual([Math.SQRT1_2, Math.SQRT1_2])
  })
})

describe('fitHinge', () => {
  const t = [0, 1, 2, 3, 4, 5]

  it('can put the onset at the first sample', () => {
    // Wear 0.1 per unit from t = 0: the hinge at the first sample fits exactly.
    const fit = fitHinge(
      t,
      t.map((x) => 1 - 0.1 * x),
      1,
      2,
    )!
    expect(fit.t0).toBe(0)
    expect(fit.b).toBeCloseTo(0.1, 12)
    expect(fit.chi2).toBeCloseTo(0, 12)
  })

  it('has no fit when the health stays exactly at its healthy value (no wear at all)', () => {
    expect(fitHinge(t, [1, 1, 1, 1, 1, 1], 1, 2)).toBeNull()
  })

  it('fits only the samples that have both a time and a value', () => {
    const h = [1, 1, 0.9, 0.8, 0.7, 0.6]
    const both = fitHinge(t, h, 1, 2)!
    expect(both.t0).toBe(1)
    expect(both.b).toBeCloseTo(0.1, 12)
    expect(fitHinge([...t, 6, 7], h, 1, 2)).toEqual(both)
  })
})

describe('fitExponentialWear', () => {
  it('counts only points whose wear exceeds 3σ, and needs minPoints of them', () => {
    // The first point's wear, 0.75, is exactly 3σ (σ = 0.25; both binary-exact), so it does not
    // count; the other three, far above σ = 0.01, do.
    const t = [0, 1, 2, 3]
    const h = [0.25, 0.5, 0, -1] // wear 0.75, 0.5, 1, 2
    const sigma = [0.25, 0.01, 0.01, 0.01]
    // Points 1…3 qualify: three, so minPoints 3 fits and minPoints 4 does not.
    expect(fitExponentialWear(t, h, sigma, 3)).not.toBeNull()
    expect(fitExponentialWear(t, h, sigma, 4)).toBeNull()
  })

  it('fits only the samples that have a time, a value and a noise', () => {
    const t = [0, 1, 2, 3, 4, 5]
    const h = t.map((x) => 1 - 0.05 * Math.exp(0.2 * x))
    const sigma = [0.001, 0.001, 0.001, 0.001, 0.001, 0.001]
    const fit = fitExponentialWear(t, h, sigma, 3)!
    expect(fitExponentialWear([...t, 6], h, sigma, 3)).toEqual(fit)
    expect(fitExponentialWear(t, [...h, 0.5], sigma, 3)).toEqual(fit)
  })

  it('has no fit when the wear stays level', () => {
    expect(fitExponentialWear([0, 1, 2, 3], [0.5, 0.5, 0.5, 0.5], [0.01, 0.01, 0.01, 0.01], 3)).toBeNull()
  })

  it('has no fit when the wear shrinks instead of growing', () => {
    // Wear 0.5·e^(−0.2t), far above 3σ everywhere: the log fit finds r = −0.2, not a wear-out.
    const t = [0, 1, 2, 3, 4, 5]
    const h = t.map((x) => 1 - 0.5 * Math.exp(-0.2 * x))
    expect(fitExponentialWear(t, h, [0.01, 0.01, 0.01, 0.01, 0.01, 0.01], 3)).toBeNull()
    // The same points with the wear growing at +0.2 are fitted exactly.
    const g = fitExponentialWear(
      t,
      t.map((x) => 1 - 0.05 * Math.exp(0.2 * x)),
      [0.001, 0.001, 0.001, 0.001, 0.001, 0.001],
      3,
    )!
    expect(g.r).toBeCloseTo(0.2, 10)
    expect(g.A).toBeCloseTo(0.05, 10)
  })
})
