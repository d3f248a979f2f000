// The maintenance fits' edges (planners/maintenance/stats.ts), with numbers worked by hand:
// when a fit has nothing to stand on, the weighted slope error's floor, and the local noise of a
// single sample.

import { describe, expect, it } from 'vitest'
import { fitExponentialWear, fitLine, localNoise } from '../../src/planners/maintenance/stats'

describe('fitLine', () => {
  it('has no fit with fewer than three points, no weight, or no spread in t', () => {
    expect(fitLine([0, 1], [0, 1])).toBeNull()
    expect(fitLine([0, 1, 2, 3], [0, 1], undefined)).toBeNull() // three needed of both
    expect(fitLine([0, 1, 2], [0, 1, 2], [0, 0, 0])).toBeNull()
    expect(fitLine([5, 5, 5], [0, 1, 2])).toBeNull()
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
})

describe('fitExponentialWear', () => {
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
