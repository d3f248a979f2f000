// How the limits' messages write numbers for people (core/limits.ts): counts with thousands
// separators up to a trillion, then three significant digits; sizes in decimal units.

import { describe, expect, it } from 'vitest'
import { formatBytes, formatCount } from '../../src/core/limits'

describe('formatCount', () => {
  it('writes whole counts in full with separators, rounding fractions', () => {
    expect(formatCount(2e9)).toBe('2,000,000,000')
    expect(formatCount(999_999_999_999.4)).toBe('999,999,999,999')
    expect(formatCount(1234.5)).toBe('1,235')
    expect(formatCount(0)).toBe('0')
  })

  it('switches to three significant digits from a trillion', () => {
    expect(formatCount(1e12)).toBe('1.00e+12')
    expect(formatCount(4.567e15)).toBe('4.57e+15')
  })

  it('names what is not a number instead of formatting it', () => {
    expect(formatCount(Number.NaN)).toBe('NaN')
    expect(formatCount(Number.POSITIVE_INFINITY)).toBe('Infinity')
  })
})

describe('formatBytes', () => {
  it('uses MB from a million bytes, kB from a thousand, one decimal and no trailing zero', () => {
    expect(formatBytes(8_000_000)).toBe('8 MB')
    expect(formatBytes(8_460_000)).toBe('8.5 MB')
    expect(formatBytes(1_000_000)).toBe('1 MB')
    expect(formatBytes(999_949)).toBe('999.9 kB')
    expect(formatBytes(270_000)).toBe('270 kB')
    expect(formatBytes(1000)).toBe('1 kB')
    expect(formatBytes(999)).toBe('999 bytes')
    expect(formatBytes(0)).toBe('0 bytes')
  })
})
