// Orbit physics against published values: time scales, Kepler's equation, element conversions,
// J2 secular rates and the structure-of-arrays propagator. Constants (μ = 398600.4418 km³/s²,
// Rₑ = 6378.137 km, J2 = 1.08263e-3) are the ones in src/core/constants.ts, as in Vallado.

import { describe, expect, it } from 'vitest'
import { DEG, J2, MU_EARTH, R_EARTH, SECONDS_PER_DAY, SIDEREAL_DAY_S, TWO_PI } from '../../src/core/constants'
import { j2SecularRates } from '../../src/core/j2'
import {
  elementsToState,
  meanMotion,
  orbitalPeriod,
  semiMajorAxisFromPeriod,
  solveKepler,
  stateToElements,
  trueAnomalyFromEccentric,
  visVivaSpeed,
  wrapPi,
} from '../../src/core/kepler'
import { KeplerSet } from '../../src/core/kepler-set'
import type { KeplerElements } from '../../src/core/spec'
import { gmstRad, julianDate } from '../../src/core/time'

const DEG_PER_DAY = SECONDS_PER_DAY / DEG

/** Angular difference folded into [0, π]. */
function angleDiff(x: number, y: number): number {
  return Math.abs(wrapPi(x - y))
}

function dist3(p: ArrayLike<number>, po: number, q: ArrayLike<number>, qo: number): number {
  return Math.hypot(p[po] - q[qo], p[po + 1] - q[qo + 1], p[po + 2] - q[qo + 2])
}

/** Independent check: classical RK4 integration of r'' = −μr/|r|³ (+ J2 if asked). */
function integrate(state0: Float64Array, durationS: number, stepS: number, withJ2: boolean): Float64Array {
  const y = Float64Array.from(state0)
  const k = [0, 1, 2, 3].map(() => new Float64Array(6))
  const tmp = new Float64Array(6)
  const deriv = (s: Float64Array, out: Float64Array) => {
    const [x, yy, z] = [s[0], s[1], s[2]]
    const r2 = x * x + yy * yy + z * z
    const r = Math.sqrt(r2)
    const f = -MU_EARTH / (r2 * r)
    let ax = f * x
    let ay = f * yy
    let az = f * z
    if (withJ2) {
      // Vallado Eq. 8-30: a_J2 = −(3/2)·J2·μ·Rₑ²/r⁵ · [x(1 − 5z²/r²), y(1 − 5z²/r²), z(3 − 5z²/r²)]
      const c = (-1.5 * J2 * MU_EARTH * R_EARTH * R_EARTH) / (r2 * r2 * r)
      const zz = (5 * z * z) / r2
      ax += c * x * (1 - zz)
      ay += c * yy * (1 - zz)
      az += c * z * (3 - zz)
    }
    out[0] = s[3]
    out[1] = s[4]
    out[2] = s[5]
    out[3] = ax
    out[4] = ay
    out[5] = az
  }
  const steps = Math.round(durationS / stepS)
  for (let n = 0; n < steps; n++) {
    deriv(y, k[0])
    for (let j = 0; j < 6; j++) tmp[j] = y[j] + 0.5 * stepS * k[0][j]
    deriv(tmp, k[1])
    for (let j = 0; j < 6; j++) tmp[j] = y[j] + 0.5 * stepS * k[1][j]
    deriv(tmp, k[2])
    for (let j = 0; j < 6; j++) tmp[j] = y[j] + stepS * k[2][j]
    deriv(tmp, k[3])
    for (let j = 0; j < 6; j++) y[j] += (stepS / 6) * (k[0][j] + 2 * k[1][j] + 2 * k[2][j] + k[3][j])
  }
  return y
}

const ELLIPTICAL: KeplerElements = {
  a: 12_000e3,
  e: 0.3,
  i: 40 * DEG,
  raan: 30 * DEG,
  argp: 60 * DEG,
  m0: 10 * DEG,
}

describe('time', () => {
  it('gives the Julian dates of the Unix epoch, J2000.0 and Vallado Example 3-4', () => {
    expect(julianDate(0)).toBe(2440587.5)
    expect(julianDate(Date.UTC(2000, 0, 1, 12))).toBe(2451545)
    // Vallado Ex. 3-4: 1996 Oct 26, 14:20:00 UT → JD 2450383.09722222 (1e-8 day ≈ 1 ms).
    expect(Math.abs(julianDate(Date.UTC(1996, 9, 26, 14, 20)) - 2450383.09722222)).toBeLessThan(1e-8)
  })

  it('matches Vallado Example 3-5: GMST at 1992-08-20 12:14 UT1 is 152.578787886°', () => {
    // Tolerance 1e-4° ≈ 0.02 s of Earth rotation; the polynomial itself reproduces it to ~1e-7°.
    const g = gmstRad(Date.UTC(1992, 7, 20, 12, 14)) / DEG
    expect(Math.abs(g - 152.578787886)).toBeLessThan(1e-4)
  })

  it('gives GMST at J2000.0 as 18h 41m 50.54841s = 280.46061837° and stays in [0, 2π)', () => {
    expect(Math.abs(gmstRad(Date.UTC(2000, 0, 1, 12)) / DEG - 280.46061837)).toBeLessThan(1e-6)
    // One sidereal day later the angle is the same again (1e-6 rad ≈ 0.014 s of rotation).
    const t0 = Date.UTC(2026, 2, 20)
    const g0 = gmstRad(t0)
    expect(angleDiff(gmstRad(t0 + SIDEREAL_DAY_S * 1000), g0)).toBeLessThan(1e-6)
    for (let h = -48; h < 48; h += 0.37) {
      const g = gmstRad(t0 + h * 3_600_000)
      expect(g).toBeGreaterThanOrEqual(0)
      expect(g).toBeLessThan(TWO_PI)
    }
  })
})

describe('Kepler: period, mean motion, vis-viva', () => {
  it('gives a 92.56 min period for a circular orbit at 400 km altitude (to 0.01 min)', () => {
    const t = orbitalPeriod(R_EARTH + 400e3) / 60
    expect(Math.abs(t - 92.56)).toBeLessThan(0.01)
    expect(meanMotion(R_EARTH + 400e3) * orbitalPeriod(R_EARTH + 400e3)).toBeCloseTo(TWO_PI, 12)
  })

  it('gives a = 42,164.17 km for a sidereal-day period of 86,164.09 s (to 0.01 km)', () => {
    expect(Math.abs(semiMajorAxisFromPeriod(86164.09) / 1000 - 42164.17)).toBeLessThan(0.01)
    expect(orbitalPeriod(semiMajorAxisFromPeriod(5400))).toBeCloseTo(5400, 9)
  })

  it('gives the circular speed 7.6686 km/s at 400 km and obeys vis-viva along an ellipse', () => {
    // Circular speed √(μ/r) at r = 6778.137 km is 7.66855 km/s (0.1 m/s tolerance).
    expect(Math.abs(visVivaSpeed(R_EARTH + 400e3, R_EARTH + 400e3) - 7668.55)).toBeLessThan(0.1)
    const out = new Float64Array(6)
    for (let m = 0; m < TWO_PI; m += 0.3) {
      elementsToState({ ...ELLIPTICAL, m0: m }, out, 0)
      const r = Math.hypot(out[0], out[1], out[2])
      const v = Math.hypot(out[3], out[4], out[5])
      expect(Math.abs(v - visVivaSpeed(r, ELLIPTICAL.a))).toBeLessThan(1e-8)
    }
  })
})

describe("Kepler's equation", () => {
  it('has a residual |E − e sin E − M| < 1e-12 for e in [0, 0.95] and any M', () => {
    const es = [
      0, 1e-13, 1e-9, 1e-6, 1e-3, 0.01, 0.05, 0.1, 0.2, 0.3, 0.45, 0.5, 0.6, 0.7, 0.8, 0.9, 0.93, 0.95,
    ]
    const ms: number[] = []
    for (let j = 0; j <= 1440; j++) ms.push(-2 * Math.PI + (j * 6 * Math.PI) / 1440)
    for (const x of [0, 1e-12, -1e-12, 1e-6, Math.PI, -Math.PI, Math.PI - 1e-9, 1e-3, 2 * Math.PI]) ms.push(x)
    let worst = 0
    let worstOffRev = 0
    for (const e of es) {
      for (const m of ms) {
        const ea = solveKepler(m, e)
        worst = Math.max(worst, Math.abs(ea - e * Math.sin(ea) - m))
        // Same revolution as M: |E − M| = e·|sin E| ≤ e.
        worstOffRev = Math.max(worstOffRev, Math.abs(ea - m) - e)
      }
    }
    expect(worst).toBeLessThan(1e-12)
    expect(worstOffRev).toBeLessThan(1e-12)
  })

  it('stays robust beyond the required range (e up to 0.999, fine grid near perigee)', () => {
    // A plain E₀ = M starter makes Newton diverge here; Danby's starter must not.
    let worst = 0
    for (const e of [0.97, 0.99, 0.999]) {
      for (let j = 0; j <= 4000; j++) {
        const m = -Math.PI + (j * 2 * Math.PI) / 4000 + 1e-7
        const ea = solveKepler(m, e)
        worst = Math.max(worst, Math.abs(ea - e * Math.sin(ea) - m))
      }
    }
    expect(worst).toBeLessThan(1e-12)
  })

  it('matches Vallado Example 2-1: M = 235.4°, e = 0.4 → E = 220.512074767522°', () => {
    const ea = solveKepler(235.4 * DEG, 0.4)
    expect(Math.abs(ea / DEG - 220.512074767522)).toBeLessThan(1e-9)
  })
})

describe('elements ↔ state', () => {
  it('matches Vallado Example 2-6 (RV2COE)', () => {
    // r = (6524.834, 6862.875, 6448.296) km, v = (4.901327, 5.533756, −1.976341) km/s →
    // a = 36127.343 km, e = 0.832853, i = 87.870°, Ω = 227.89°, ω = 53.38°, ν = 92.335°.
    // Tolerances follow the printed digits of the example (inputs are themselves rounded).
    const el = stateToElements([6524834, 6862875, 6448296], [4901.327, 5533.756, -1976.341])
    expect(Math.abs(el.a / 1000 - 36127.343)).toBeLessThan(0.01)
    expect(Math.abs(el.e - 0.832853)).toBeLessThan(1e-6)
    expect(Math.abs(el.i / DEG - 87.87)).toBeLessThan(0.001)
    expect(Math.abs(el.raan / DEG - 227.89)).toBeLessThan(0.01)
    expect(Math.abs(el.argp / DEG - 53.38)).toBeLessThan(0.01)
    const nu = trueAnomalyFromEccentric(solveKepler(el.m0, el.e), el.e)
    expect(Math.abs(nu / DEG - 92.335)).toBeLessThan(0.001)
  })

  it('round-trips generic elements to 1e-10 rad and 1e-12 relative in a and e', () => {
    const sets: KeplerElements[] = [
      ELLIPTICAL,
      { a: 7000e3, e: 0.001, i: 98 * DEG, raan: 300 * DEG, argp: 200 * DEG, m0: 350 * DEG },
      { a: 26_560e3, e: 0.7, i: 63.4 * DEG, raan: 120 * DEG, argp: 270 * DEG, m0: 3 * DEG },
      { a: 8000e3, e: 0.1, i: 150 * DEG, raan: 10 * DEG, argp: 5 * DEG, m0: 181 * DEG },
    ]
    const s = new Float64Array(6)
    for (const el of sets) {
      elementsToState(el, s, 0)
      const back = stateToElements(s.subarray(0, 3), s.subarray(3, 6))
      expect(Math.abs(back.a / el.a - 1)).toBeLessThan(1e-12)
      expect(Math.abs(back.e - el.e)).toBeLessThan(1e-12)
      expect(angleDiff(back.i, el.i)).toBeLessThan(1e-10)
      expect(angleDiff(back.raan, el.raan)).toBeLessThan(1e-10)
      expect(angleDiff(back.argp, el.argp)).toBeLessThan(1e-10)
      expect(angleDiff(back.m0, el.m0)).toBeLessThan(1e-10)
    }
  })

  it('folds undefined angles of circular and equatorial orbits into the next one', () => {
    const s = new Float64Array(6)
    // Circular, inclined: argp = 0, M carries the argument of latitude ω + M.
    elementsToState({ a: 7000e3, e: 0, i: 53 * DEG, raan: 40 * DEG, argp: 30 * DEG, m0: 20 * DEG }, s, 0)
    let el = stateToElements(s.subarray(0, 3), s.subarray(3, 6))
    expect(el.argp).toBe(0)
    expect(angleDiff(el.raan, 40 * DEG)).toBeLessThan(1e-10)
    expect(angleDiff(el.m0, 50 * DEG)).toBeLessThan(1e-10)
    // Elliptical, equatorial: raan = 0, argp carries the longitude of perigee Ω + ω.
    elementsToState({ a: 9000e3, e: 0.2, i: 0, raan: 40 * DEG, argp: 30 * DEG, m0: 20 * DEG }, s, 0)
    el = stateToElements(s.subarray(0, 3), s.subarray(3, 6))
    expect(el.raan).toBe(0)
    expect(angleDiff(el.argp, 70 * DEG)).toBeLessThan(1e-10)
    expect(angleDiff(el.m0, 20 * DEG)).toBeLessThan(1e-10)
    // Circular and equatorial: raan = argp = 0, M carries the true longitude Ω + ω + M.
    elementsToState({ a: 42_164e3, e: 0, i: 0, raan: 40 * DEG, argp: 30 * DEG, m0: 20 * DEG }, s, 0)
    el = stateToElements(s.subarray(0, 3), s.subarray(3, 6))
    expect([el.raan, el.argp]).toEqual([0, 0])
    expect(angleDiff(el.m0, 90 * DEG)).toBeLessThan(1e-10)
    // Retrograde equatorial (i = 180°): the folded elements give back the same state.
    elementsToState({ a: 9000e3, e: 0.2, i: Math.PI, raan: 40 * DEG, argp: 30 * DEG, m0: 20 * DEG }, s, 0)
    el = stateToElements(s.subarray(0, 3), s.subarray(3, 6))
    expect(el.raan).toBe(0)
    const s2 = new Float64Array(6)
    elementsToState(el, s2, 0)
    expect(dist3(s, 0, s2, 0)).toBeLessThan(1e-6)
    expect(dist3(s, 3, s2, 3)).toBeLessThan(1e-9)
  })

  it('round-trips states (state → elements → state) within 10 µm and 1 nm/s, edge cases included', () => {
    // Generic orbits round-trip to ~1e-9 m; an inclination or eccentricity just below the folding
    // threshold (1e-12) may move the state by up to 1e-12·a ≈ 10 µm, hence the tolerance.
    const sets: KeplerElements[] = [
      ELLIPTICAL,
      { a: 7000e3, e: 0, i: 53 * DEG, raan: 40 * DEG, argp: 0, m0: 1 },
      { a: 7000e3, e: 1e-13, i: 0, raan: 0, argp: 0, m0: 2 },
      { a: 9000e3, e: 0.2, i: 1e-13, raan: 1, argp: 2, m0: 3 },
      { a: 30_000e3, e: 0.9, i: 120 * DEG, raan: 4, argp: 5, m0: 0.01 },
    ]
    const s = new Float64Array(6)
    const s2 = new Float64Array(6)
    for (const el of sets) {
      elementsToState(el, s, 0)
      elementsToState(stateToElements(s.subarray(0, 3), s.subarray(3, 6)), s2, 0)
      expect(dist3(s, 0, s2, 0)).toBeLessThan(1e-5)
      expect(dist3(s, 3, s2, 3)).toBeLessThan(1e-9)
    }
  })

  it('writes at the given offset and nowhere else', () => {
    const out = new Float64Array(10).fill(-1)
    elementsToState(ELLIPTICAL, out, 2)
    expect([out[0], out[1], out[8], out[9]]).toEqual([-1, -1, -1, -1])
    expect(Math.hypot(out[2], out[3], out[4])).toBeGreaterThan(ELLIPTICAL.a * 0.7 - 1)
  })
})

describe('J2 secular rates', () => {
  it('drifts the node of a 7,083.1 km, 98.208° circular orbit by +0.9856°/day (sun-synchronous)', () => {
    const r = j2SecularRates(7083.1e3, 0, 98.208 * DEG)
    expect(Math.abs(r.raanDot * DEG_PER_DAY - 0.9856)).toBeLessThan(0.001)
  })

  it('drifts the node of a 420 km, 51.64° circular orbit (ISS-like) by −4.947°/day', () => {
    const r = j2SecularRates(R_EARTH + 420e3, 0, 51.64 * DEG)
    expect(Math.abs(r.raanDot * DEG_PER_DAY - -4.947)).toBeLessThan(0.005)
  })

  it('freezes the perigee at the critical inclination and includes n in dM/dt', () => {
    // dω/dt ∝ 4 − 5 sin² i vanishes at i = 63.4349°; dM/dt − n ∝ 2 − 3 sin² i vanishes at 54.7356°.
    const a = 26_560e3
    const crit = Math.asin(Math.sqrt(0.8))
    expect(Math.abs(j2SecularRates(a, 0.7, crit).argpDot)).toBeLessThan(1e-20)
    const magic = Math.asin(Math.sqrt(2 / 3))
    expect(Math.abs(j2SecularRates(a, 0.7, magic).meanAnomalyDot / meanMotion(a) - 1)).toBeLessThan(1e-15)
    // Elsewhere the correction is of order J2·(Rₑ/p)² ≈ 1e-4 here: present and positive at i = 0.
    const eq = j2SecularRates(a, 0.1, 0)
    expect(eq.meanAnomalyDot / meanMotion(a) - 1).toBeGreaterThan(1e-5)
    expect(eq.argpDot).toBeGreaterThan(0)
    expect(eq.raanDot).toBeLessThan(0)
  })

  it('agrees with a numerically integrated J2 orbit: node drift over 2 days within 1%', () => {
    // Short-period terms of the osculating node (±0.03°) and mean-vs-osculating a (≈ 1e-3) bound
    // the agreement; 1% of ~10° is 0.1°, so a wrong factor in the formula (e.g. 3/2) would fail.
    const el: KeplerElements = { a: R_EARTH + 420e3, e: 0.001, i: 51.64 * DEG, raan: 0.5, argp: 1, m0: 0 }
    const s0 = new Float64Array(6)
    elementsToState(el, s0, 0)
    const dur = 2 * SECONDS_PER_DAY
    const s1 = integrate(s0, dur, 10, true)
    const after = stateToElements(s1.subarray(0, 3), s1.subarray(3, 6))
    const drift = wrapPi(after.raan - el.raan)
    const predicted = j2SecularRates(el.a, el.e, el.i).raanDot * dur
    expect(Math.abs(drift / predicted - 1)).toBeLessThan(0.01)
  })
})

describe('KeplerSet', () => {
  it('brings an elliptical orbit back to its start after one period (J2 off) within 1 m', () => {
    const set = new KeplerSet([ELLIPTICAL])
    const p0 = new Float64Array(3)
    const v0 = new Float64Array(3)
    const p1 = new Float64Array(3)
    const v1 = new Float64Array(3)
    set.propagate(0, false, p0, v0)
    set.propagate(orbitalPeriod(ELLIPTICAL.a), false, p1, v1)
    expect(dist3(p0, 0, p1, 0)).toBeLessThan(1)
    expect(dist3(v0, 0, v1, 0)).toBeLessThan(1e-3)
    // Half a period later it is far away (the check above is not vacuous): at apogee-ish distance.
    set.propagate(orbitalPeriod(ELLIPTICAL.a) / 2, false, p1, v1)
    expect(dist3(p0, 0, p1, 0)).toBeGreaterThan(1e6)
  })

  it('matches an independent RK4 integration of the two-body problem within 1 m over 3 hours', () => {
    const set = new KeplerSet([ELLIPTICAL])
    const p = new Float64Array(3)
    const v = new Float64Array(3)
    const s0 = new Float64Array(6)
    elementsToState(ELLIPTICAL, s0, 0)
    const dur = 3 * 3600
    const num = integrate(s0, dur, 2, false)
    set.propagate(dur, false, p, v)
    expect(dist3(p, 0, num, 0)).toBeLessThan(1)
    expect(dist3(v, 0, num, 3)).toBeLessThan(1e-3)
  })

  it('equals elementsToState of the drifted elements for a mixed set, with and without J2', () => {
    const els: KeplerElements[] = [
      ELLIPTICAL,
      { a: 6928e3, e: 0, i: 53 * DEG, raan: 0, argp: 0, m0: 0 },
      { a: 6928e3, e: 0, i: 53 * DEG, raan: 120 * DEG, argp: 0, m0: 1 },
      { a: 6928e3, e: 0, i: 53 * DEG, raan: 240 * DEG, argp: 0.3, m0: 2 },
      { a: 26_560e3, e: 0.72, i: 63.4 * DEG, raan: 1, argp: 4.5, m0: 6 },
      { a: 7083.1e3, e: 0.0012, i: 98.2 * DEG, raan: 3, argp: 1.5, m0: 0.2 },
      { a: 42_164e3, e: 0, i: 0, raan: 0, argp: 0, m0: 4 },
    ]
    const set = new KeplerSet(els)
    const pos = new Float64Array(3 * els.length)
    const vel = new Float64Array(3 * els.length)
    const ref = new Float64Array(6)
    for (const j2 of [false, true]) {
      for (const t of [0, 137.5, 5400, 86_400, 7 * 86_400 + 11]) {
        set.propagate(t, j2, pos, vel)
        for (let k = 0; k < els.length; k++) {
          elementsToState(set.elementsAt(k, t, j2), ref, 0)
          expect(dist3(pos, 3 * k, ref, 0)).toBeLessThan(1e-4)
          expect(dist3(vel, 3 * k, ref, 3)).toBeLessThan(1e-7)
        }
      }
    }
  })

  it('moves the node of a sun-synchronous orbit by the J2 rate per day, and not without J2', () => {
    const el: KeplerElements = { a: 7083.1e3, e: 0, i: 98.208 * DEG, raan: 1, argp: 0, m0: 0.5 }
    const set = new KeplerSet([el])
    const p = new Float64Array(3)
    const v = new Float64Array(3)
    set.propagate(SECONDS_PER_DAY, true, p, v)
    const withJ2 = stateToElements(p, v)
    expect(Math.abs(wrapPi(withJ2.raan - el.raan) / DEG - 0.9856)).toBeLessThan(0.001)
    expect(Math.abs(withJ2.a / el.a - 1)).toBeLessThan(1e-12)
    set.propagate(SECONDS_PER_DAY, false, p, v)
    expect(angleDiff(stateToElements(p, v).raan, el.raan)).toBeLessThan(1e-10)
  })

  it('rebase: propagating to the burn time returns the post-burn state; others are untouched', () => {
    const els = [ELLIPTICAL, { a: 6928e3, e: 0, i: 53 * DEG, raan: 0, argp: 0, m0: 0 }]
    for (const j2 of [false, true]) {
      const set = new KeplerSet(els)
      const pos = new Float64Array(6)
      const vel = new Float64Array(6)
      const tBurn = 1234.5
      set.propagate(tBurn, j2, pos, vel)
      const other = pos.slice(3, 6)
      // 10 m/s prograde on satellite 0.
      const vm = Math.hypot(vel[0], vel[1], vel[2])
      const r = pos.slice(0, 3)
      const v = Float64Array.from([0, 1, 2].map((j) => vel[j] * (1 + 10 / vm)))
      set.rebase(0, stateToElements(r, v), tBurn)
      set.propagate(tBurn, j2, pos, vel)
      expect(dist3(pos, 0, r, 0)).toBeLessThan(1e-6)
      expect(dist3(vel, 0, v, 0)).toBeLessThan(1e-9)
      expect(dist3(pos, 3, other, 0)).toBe(0)
      // The burn raised the orbit: a grew by Δa ≈ 2a²vΔv/μ.
      expect(set.a[0]).toBeGreaterThan(ELLIPTICAL.a + 10e3)
    }
  })

  it('a zero-Δv rebase leaves the trajectory unchanged (velocity is the two-body one)', () => {
    for (const j2 of [false, true]) {
      const a = new KeplerSet([ELLIPTICAL])
      const b = new KeplerSet([ELLIPTICAL])
      const p = new Float64Array(3)
      const v = new Float64Array(3)
      b.propagate(3000, j2, p, v)
      b.rebase(0, stateToElements(p, v), 3000)
      expect(Math.abs(b.a[0] / ELLIPTICAL.a - 1)).toBeLessThan(1e-12)
      const pa = new Float64Array(3)
      const va = new Float64Array(3)
      for (const t of [3000, 9000, 40_000]) {
        a.propagate(t, j2, pa, va)
        b.propagate(t, j2, p, v)
        expect(dist3(pa, 0, p, 0)).toBeLessThan(1e-3)
      }
    }
  })

  it('stays consistent through many rebases (group bookkeeping) and snapshot/restore', () => {
    const base = { a: 6928e3, e: 0, i: 53 * DEG, raan: 0, argp: 0 }
    const els = [0, 1, 2].map((k) => ({ ...base, m0: k }))
    const set = new KeplerSet(els)
    const pos = new Float64Array(9)
    const vel = new Float64Array(9)
    for (let n = 1; n <= 60; n++) {
      const t = n * 60
      set.propagate(t, true, pos, vel)
      const k = n % 3
      set.rebase(k, stateToElements(pos.subarray(3 * k, 3 * k + 3), vel.subarray(3 * k, 3 * k + 3)), t)
    }
    const snap = set.snapshot()
    const fresh = new KeplerSet(els)
    const ref = new Float64Array(9)
    const refV = new Float64Array(9)
    set.propagate(7200, true, pos, vel)
    fresh.propagate(7200, true, ref, refV)
    for (let k = 0; k < 3; k++) expect(dist3(pos, 3 * k, ref, 3 * k)).toBeLessThan(1)
    // Restore into a set that has since diverged, and get bit-identical output back.
    set.setElements(1, ELLIPTICAL)
    set.restore(snap)
    const again = new Float64Array(9)
    set.propagate(7200, true, again, vel)
    expect(Array.from(again)).toEqual(Array.from(pos))
    expect(() => set.restore(new Float64Array(3))).toThrow(RangeError)
  })

  it('refuses invalid elements with a RangeError', () => {
    expect(() => new KeplerSet([{ ...ELLIPTICAL, e: 1 }])).toThrow(RangeError)
    expect(() => new KeplerSet([{ ...ELLIPTICAL, a: -1 }])).toThrow(RangeError)
    expect(() => new KeplerSet([{ ...ELLIPTICAL, i: Number.NaN }])).toThrow(RangeError)
    expect(() => new KeplerSet([ELLIPTICAL]).setElements(1, ELLIPTICAL)).toThrow(RangeError)
  })
})
