// wrapTwoPi's promise is [0, 2π): a tiny negative angle (an angle advanced by a drift that
// ends a hair below zero) reduces to x + 2π, which rounds to 2π exactly in double precision, and
// must come back as 0, not as 2π. wrapPi's [−π, π) at its ends.

import { describe, expect, it } from 'vitest'
import { wrapPi, wrapTwoPi } from '../../src/core/kepler'

describe('angle wrapping at the ends of its range', () => {
  it.each([-1e-17, -4e-16, -1e-300])('wraps %s rad to 0, never to 2π', (x) => {
    // The naive reduction does round to 2π here: the case is real.
    expect(x - 2 * Math.PI * Math.floor(x / (2 * Math.PI))).toBe(2 * Math.PI)
    expect(wrapTwoPi(x)).toBe(0)
  })

  it('keeps 0 and just below 2π, and wraps 2π to 0', () => {
    expect(wrapTwoPi(0)).toBe(0)
    expect(wrapTwoPi(2 * Math.PI)).toBe(0)
    expect(wrapTwoPi(6.28)).toBe(6.28)
    expect(wrapTwoPi(-Math.PI / 2)).toBeCloseTo((3 * Math.PI) / 2, 15)
  })

  it('maps π to −π and keeps −π', () => {
    expect(wrapPi(Math.PI)).toBe(-Math.PI)
    expect(wrapPi(-Math.PI)).toBe(-Math.PI)
    expect(wrapPi(3 * Math.PI + 0.5)).toBeCloseTo(-Math.PI + 0.5, 14)
  })
})
