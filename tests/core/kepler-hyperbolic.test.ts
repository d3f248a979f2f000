// stateToElements on an escape trajectory, and KeplerSet's refusal of output arrays too short.
//
// Curtis, "Orbital Mechanics for Engineering Students", Example 3.5: perigee 300 km altitude
// (r_p = 6678 km) at 15 km/s, so h = r_p·v_p = 100 170 km²/s and e = h²/(μ r_p) − 1 = 2.7696. At a
// true anomaly of 100° the satellite is 48 497 km out, with hyperbolic eccentric anomaly
// F = 2.2927 rad and mean anomaly M_h = e sinh F − F = 11.279 rad (4141 s after perigee). The
// state is built here from the perifocal formulas and rotated by hand (3-1-3: Ω, i, ω); the mean
// anomaly is checked against Curtis's value and the half-angle relation
// tanh(F/2) = √((e − 1)/(e + 1))·tan(θ/2) (the code uses sinh F = √(e² − 1) sin θ / (1 + e cos θ)).

import { describe, expect, it } from 'vitest'
import { DEG, MU_EARTH } from '../../src/core/constants'
import { stateToElements } from '../../src/core/kepler'
import { KeplerSet } from '../../src/core/kepler-set'

const RP = 6678e3
const VP = 15e3
const H = RP * VP
const E = (H * H) / (MU_EARTH * RP) - 1
const INC = 30 * DEG
const RAAN = 40 * DEG
const ARGP = 60 * DEG

/** ECI state at true anomaly theta on the Example 3.5 trajectory, in the plane (Ω, i, ω) above. */
function stateAt(theta: number): { r: number[]; v: number[] } {
  const r = (H * H) / MU_EARTH / (1 + E * Math.cos(theta))
  const pf = [r * Math.cos(theta), r * Math.sin(theta), 0]
  const vf = [(-MU_EARTH / H) * Math.sin(theta), (MU_EARTH / H) * (E + Math.cos(theta)), 0]
  const [cO, sO, ci, si, cw, sw] = [RAAN, RAAN, INC, INC, ARGP, ARGP].map((x, k) =>
    k % 2 === 0 ? Math.cos(x) : Math.sin(x),
  )
  // Perifocal → ECI: rows of R3(−Ω)·R1(−i)·R3(−ω).
  const q = [
    [cO * cw - sO * sw * ci, -cO * sw - sO * cw * ci, sO * si],
    [sO * cw + cO * sw * ci, -sO * sw + cO * cw * ci, -cO * si],
    [sw * si, cw * si, ci],
  ]
  const rot = (x: number[]) => q.map((row) => row[0] * x[0] + row[1] * x[1] + row[2] * x[2])
  return { r: rot(pf), v: rot(vf) }
}

const halfAngleMean = (theta: number) => {
  const f = 2 * Math.atanh(Math.sqrt((E - 1) / (E + 1)) * Math.tan(theta / 2))
  return E * Math.sinh(f) - f
}

describe('stateToElements on a hyperbola (Curtis Example 3.5)', () => {
  it('recovers e = 2.7696, a < 0, the plane and the hyperbolic mean anomaly 100° past perigee', () => {
    const { r, v } = stateAt(100 * DEG)
    expect(Math.hypot(r[0], r[1], r[2]) / 1000).toBeCloseTo(48497, 0)
    const el = stateToElements(r, v)
    expect(el.e).toBeCloseTo(2.7696, 4)
    // a = h²/μ / (1 − e²), negative for a hyperbola.
    expect(el.a / ((H * H) / MU_EARTH / (1 - E * E))).toBeCloseTo(1, 9)
    expect(el.a).toBeLessThan(0)
    expect(el.i).toBeCloseTo(INC, 12)
    expect(el.raan).toBeCloseTo(RAAN, 12)
    expect(el.argp).toBeCloseTo(ARGP, 10)
    // Curtis gives 3 decimals, with μ = 398 600 km³/s² (ours is 398 600.4418): within 0.001.
    expect(Math.abs(el.m0 - 11.279)).toBeLessThan(1e-3)
    expect(el.m0).toBeCloseTo(halfAngleMean(100 * DEG), 9)
  })

  it('gives a negative mean anomaly before perigee (not wrapped into [0, 2π) as an ellipse is)', () => {
    const { r, v } = stateAt(-100 * DEG)
    const el = stateToElements(r, v)
    expect(Math.abs(el.m0 + 11.279)).toBeLessThan(1e-3)
    expect(el.m0).toBeCloseTo(halfAngleMean(-100 * DEG), 9)
  })
})

describe('KeplerSet.propagate', () => {
  it('refuses position or velocity arrays shorter than three values per satellite', () => {
    const el = { a: 7e6, e: 0, i: 0.9, raan: 0, argp: 0, m0: 0 }
    const set = new KeplerSet([el, el])
    const six = new Float64Array(6)
    const five = new Float64Array(5)
    const message = 'KeplerSet.propagate: outputs need 6 values'
    expect(() => set.propagate(0, false, five, six)).toThrow(new RangeError(message))
    expect(() => set.propagate(0, true, six, five)).toThrow(new RangeError(message))
    set.propagate(60, false, six, six.slice())
    expect(Math.hypot(six[0], six[1], six[2])).toBeCloseTo(7e6, 3)
  })
})
