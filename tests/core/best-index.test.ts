// bestIndex marks the better value in every comparison table (the app's compare view and
// `sim compare`). Hand-picked cases, then a property against the reference written from its
// contract (tests/support/best-reference.ts).

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { bestIndex, type MetricDef } from '../../src/core'
import { referenceBest } from '../support/best-reference'

const higher: MetricDef = { key: 'h', label: 'h', unit: '', better: 'higher', description: '' }
const lower: MetricDef = { ...higher, better: 'lower' }

describe('bestIndex', () => {
  it('picks the highest or the lowest by the metric direction', () => {
    expect(bestIndex(higher, [1, 3, 2])).toBe(1)
    expect(bestIndex(lower, [1, 3, 2])).toBe(0)
    expect(bestIndex(lower, [4, 3, -2])).toBe(2)
  })

  it('skips missing and non-finite values', () => {
    expect(bestIndex(higher, [null, 2, Number.NaN, 1])).toBe(1)
    expect(bestIndex(higher, [Number.POSITIVE_INFINITY, 2, 5])).toBe(2)
    expect(bestIndex(lower, [Number.NEGATIVE_INFINITY, 2, 5])).toBe(1)
    // One strategy with a value beats those without one.
    expect(bestIndex(lower, [null, 7])).toBe(1)
  })

  it('the first of tied leaders wins; no mark when all are equal, missing, or there is one', () => {
    expect(bestIndex(higher, [5, 5, 3])).toBe(0)
    expect(bestIndex(lower, [5, 3, 3])).toBe(1)
    expect(bestIndex(higher, [4, 4, 4])).toBe(-1)
    expect(bestIndex(higher, [null, null])).toBe(-1)
    expect(bestIndex(higher, [])).toBe(-1)
    expect(bestIndex(higher, [9])).toBe(-1)
  })

  it('agrees with the reference on any list', () => {
    const value = fc.oneof(
      fc.constant(null),
      fc.constant(Number.NaN),
      fc.integer({ min: -3, max: 3 }),
      fc.double({ noNaN: true }),
    )
    fc.assert(
      fc.property(fc.boolean(), fc.array(value, { maxLength: 6 }), (up, values) => {
        const def = up ? higher : lower
        expect(bestIndex(def, values)).toBe(referenceBest(def, values))
      }),
      { numRuns: 500 },
    )
  })
})
