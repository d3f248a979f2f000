// A burn that sets the semi-major axis ends its leg at once when no coast is asked (the last burn
// of a transfer: the engine checks the slot right then) and after whole revolutions otherwise
// (a phasing loop), on the step grid.

import { describe, expect, it } from 'vitest'
import { MU_EARTH } from '../../src/core'
import { toSemiMajorAxis } from '../../src/planners/trajectory/legs'
import type { Orbit } from '../../src/planners/trajectory/orbit-model'

const A = 7000e3
const STEP = 30
const circular: Orbit = { el: { a: A, e: 0, i: 0.9, raan: 0, argp: 0, m0: 0 }, t0: 0, j2: false }

describe('toSemiMajorAxis', () => {
  it('with no revolutions, ends where it burns', () => {
    const leg = toSemiMajorAxis(circular, 600, A, 0, STEP, 'circularise')
    expect(leg.nextT).toBe(600)
    expect(leg.burn).toMatchObject({ t: 600, what: 'circularise' })
  })

  it('with revolutions, coasts that many Keplerian periods, rounded to the step grid', () => {
    // Keeping a = 7000 km: the period is 2π·√(a³/μ) ≈ 5828.5 s (Curtis eq. 2.83).
    const period = 2 * Math.PI * Math.sqrt(A ** 3 / MU_EARTH)
    for (const k of [1, 3]) {
      const leg = toSemiMajorAxis(circular, 600, A, k, STEP, 'phasing loop')
      expect(leg.nextT).toBe(600 + Math.round((k * period) / STEP) * STEP)
    }
  })
})
