// The noise estimate needs three samples (two differences) before it says anything: with fewer,
// one difference would be taken for the noise itself, and a single step of real wear would read
// as noise. The expected values are worked out by hand from the estimator's definition:
// σ = 1.4826 · median(|Δ|) / √2.

import { describe, expect, it } from 'vitest'
import { noiseFromDiffs } from '../../src/planners/maintenance/stats'

describe('noiseFromDiffs with few samples', () => {
  it('is NaN with no sample, one or two', () => {
    expect(noiseFromDiffs([])).toBeNaN()
    expect(noiseFromDiffs([0.9])).toBeNaN()
    expect(noiseFromDiffs([0.9, 0.8])).toBeNaN()
  })

  it('answers from three samples on', () => {
    // Differences 0.02 and 0.04: their median is 0.03.
    expect(noiseFromDiffs([0.9, 0.92, 0.88])).toBeCloseTo((1.4826 * 0.03) / Math.SQRT2, 12)
  })
})
