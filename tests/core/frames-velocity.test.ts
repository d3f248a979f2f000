// Velocities between the inertial and the Earth-fixed frame (src/core/frames.ts), checked against
// the derivative of the transformed position: an object moving in a straight line in one frame is
// rotated into the other at each instant (GMST advancing at ω⊕), and the central difference of
// those positions is the velocity the other frame sees. A geostationary satellite (the older
// test) has no Earth-fixed velocity at all, which a conversion that writes nothing also gives.
// Outputs go to an offset between sentinels: nothing may be written outside it.

import { describe, expect, it } from 'vitest'
import { OMEGA_EARTH, R_EARTH } from '../../src/core/constants'
import {
  ecefToEci,
  ecefToEciVelocity,
  ecefToGeodetic,
  eciToEcef,
  eciToEcefVelocity,
} from '../../src/core/frames'

const G0 = 1.234
// A LEO-like state, m and m/s, inclined and with some radial and vertical motion.
const R0 = [5_100e3, -3_900e3, 2_700e3]
const V0 = [2_300, 4_100, 5_900]
// Central differences over ±10 ms: the truncation error of a rotation at ω⊕ is far below
// 1 µm/s, and the round-off of positions of 7e6 m over 20 ms is about 1e-7 m/s.
const H = 0.01
const TOL = 1e-6
const SENTINEL = -7

type Rotate = (pos: Float64Array, offset: number, gmst: number, out: Float64Array, outOffset: number) => void

/** d/dt of rotate(r0 + v0·t) at GMST G0 + ω⊕·t, at t = 0. */
function derivative(rotate: Rotate): number[] {
  const at = (t: number) => {
    const r = Float64Array.from(R0.map((x, j) => x + V0[j] * t))
    const out = new Float64Array(3)
    rotate(r, 0, G0 + OMEGA_EARTH * t, out, 0)
    return out
  }
  const ahead = at(H)
  const behind = at(-H)
  return [0, 1, 2].map((j) => (ahead[j] - behind[j]) / (2 * H))
}

/** A conversion's output written at offset 2 of a 7-slot array filled with sentinels. */
function converted(
  convert: (
    pos: Float64Array,
    vel: Float64Array,
    offset: number,
    gmst: number,
    out: Float64Array,
    o: number,
  ) => void,
): number[] {
  const pos = Float64Array.from([0, ...R0])
  const vel = Float64Array.from([0, ...V0])
  const out = new Float64Array(7).fill(SENTINEL)
  convert(pos, vel, 1, G0, out, 2)
  expect([out[0], out[1], out[5], out[6]]).toEqual([SENTINEL, SENTINEL, SENTINEL, SENTINEL])
  return [out[2], out[3], out[4]]
}

describe('velocity conversions against the derivative of the rotated track', () => {
  it('ECI → ECEF: the Earth-fixed velocity of a straight inertial track', () => {
    // State in ECI (R0, V0): eciToEcefVelocity reads the ECI position and velocity.
    const got = converted(eciToEcefVelocity)
    const want = derivative(eciToEcef)
    for (let j = 0; j < 3; j++) expect(Math.abs(got[j] - want[j])).toBeLessThan(TOL)
    // The rotation's share is large: ω⊕·r ≈ 500 m/s, far above the tolerance.
    expect(Math.hypot(got[0] - V0[0], got[1] - V0[1])).toBeGreaterThan(100)
  })

  it('ECEF → ECI: the inertial velocity of a straight Earth-fixed track', () => {
    // State in ECEF (R0, V0): ecefToEciVelocity reads the ECEF position and velocity.
    const got = converted(ecefToEciVelocity)
    const want = derivative(ecefToEci)
    for (let j = 0; j < 3; j++) expect(Math.abs(got[j] - want[j])).toBeLessThan(TOL)
  })
})

describe('geodetic coordinates of the Earth centre', () => {
  it('are latitude 0, longitude 0 and height −a, written at the offset only', () => {
    const out = new Float64Array(5).fill(SENTINEL)
    ecefToGeodetic(0, 0, 0, out, 1)
    expect(Array.from(out)).toEqual([SENTINEL, 0, 0, -R_EARTH, SENTINEL])
  })
})
