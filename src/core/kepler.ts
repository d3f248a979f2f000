// Two-body (Keplerian) orbits: Kepler's equation, period and mean motion, and the conversions
// between classical elements and an inertial state vector.
//
// Computes: the eccentric anomaly E from the mean anomaly M (E − e·sin E = M); n, T and a from
//   each other; position/velocity from elements (Vallado Alg. 10 "COE2RV", written with the
//   perifocal unit vectors P, Q) and elements from position/velocity (Vallado Alg. 9 "RV2COE").
// Reference: Vallado, "Fundamentals of Astrodynamics and Applications", 4th ed., §2.2–2.6;
//   Curtis, "Orbital Mechanics for Engineering Students", ch. 3–4; Danby's starter E₀ = M + 0.85e
//   (Danby & Burkardt 1983) for e ≥ 0.5.
// Accuracy: Kepler's equation is solved to ~1e-14 rad (residual tested < 1e-12 over e ∈ [0, 0.95]
//   and robust up to e = 0.999); element ↔ state conversions round-trip to ~1 nm for generic orbits
//   (≤ 1e-12·a where a circular/equatorial angle is folded). Elliptical orbits only
//   (0 ≤ e < 1) for elements → state; state → elements reports e ≥ 1 with a < 0 but the rest of
//   the core refuses such elements.

import { MU_EARTH, TWO_PI } from './constants'
import type { KeplerElements } from './spec'

/** 2π read once (an imported name is a getter call per use under a CommonJS transform). */
const TAU = TWO_PI

/** Below this eccentricity an orbit is treated as circular (E = M, argument of perigee folded). */
export const CIRCULAR_E = 1e-12
/** Newton steps smaller than this update sin/cos by a Taylor series instead of Math.sin/cos. */
const TAYLOR_STEP = 0.02
/**
 * Newton stops once the error left after a step d, ≈ e·d²/(2(1 − e)) (quadratic convergence with
 * |f''/2f'| ≤ e/(2(1 − e))), is below this many radians (≈ 0.1 µm along a GEO orbit).
 */
const KEPLER_TOL = 1e-14
/** Below this d², 1 − (d²/6)(1 − d²/20) and 1 − (d²/2)(…) are exactly 1 in double precision. */
export const SERIES_IS_ONE = 1e-17
/** Below this d² (|d| < 1e-5: the second Newton step of a near-circular orbit) two terms do. */
export const SHORT_SERIES = 1e-10
const MAX_ITER = 50
/**
 * The series' coefficients as reciprocals: a multiplication where a division by 6, 20, 12 or 30
 * would cost several times as long (two series per satellite per step in a scattered fleet); the
 * reciprocal's rounding moves the result by an ulp at most.
 */
const SIXTH = 1 / 6
const TWENTIETH = 1 / 20
const TWELFTH = 1 / 12
const THIRTIETH = 1 / 30

/** Reduce an angle to [−π, π). */
export function wrapPi(x: number): number {
  return x - TAU * Math.floor((x + Math.PI) / TAU)
}

/** Reduce an angle to [0, 2π). */
export function wrapTwoPi(x: number): number {
  const y = x - TAU * Math.floor(x / TAU)
  return y >= TAU ? 0 : y
}

/**
 * Eccentric anomaly for a mean anomaly `mRed` already reduced to [−π, π), given sin/cos of it.
 * Writes sin E, cos E into sc[0], sc[1] and returns E (in [−π, π]). Allocation-free; for e ≤ 0.5
 * the first trig evaluation is the caller's sin/cos of M, and every Newton step smaller than
 * 0.02 rad advances sin/cos by angle addition with a Taylor series (error ≤ δ⁷/5040 < 3e-16),
 * so a near-circular orbit costs no trig call here at all.
 */
export function eccentricAnomalySC(
  mRed: number,
  e: number,
  sinM: number,
  cosM: number,
  sc: Float64Array,
): number {
  let ea = mRed
  let s = sinM
  let c = cosM
  if (e < CIRCULAR_E) {
    sc[0] = s
    sc[1] = c
    return ea
  }
  // Newton stops once e·d²/(2(1 − e)) < KEPLER_TOL (see there), written without a division.
  const stop = 2 * KEPLER_TOL * (1 - e)
  if (e >= 0.5) {
    ea = danbyStart(mRed, e, sc)
    s = sc[0]
    c = sc[1]
  }
  for (let it = 0; it < MAX_ITER; it++) {
    const d = -(ea - e * s - mRed) / (1 - e * c)
    ea += d
    const ad = d < 0 ? -d : d
    if (ad < TAYLOR_STEP) {
      // sin d and cos d by their Taylor series, to as many terms as d needs, then one angle
      // addition. Below SERIES_IS_ONE the series' factors round to exactly 1 (1 − x is 1 for
      // x ≤ 2⁻⁵⁴, and d²/2 < 5e-18), so sd = d and cd = 1 are the very same bits (the last
      // step of nearly every solve is this small); below SHORT_SERIES the terms after d³/6 and
      // d²/2 are far below an ulp (< 1e-27 and < 5e-22).
      const d2 = d * d
      let sd = d
      let cd = 1
      if (d2 >= SHORT_SERIES) {
        sd = d * (1 - d2 * SIXTH * (1 - d2 * TWENTIETH))
        cd = 1 - d2 * 0.5 * (1 - d2 * TWELFTH * (1 - d2 * THIRTIETH))
      } else if (d2 >= SERIES_IS_ONE) {
        sd = d * (1 - d2 * SIXTH)
        cd = 1 - d2 * 0.5
      }
      const s1 = s * cd + c * sd
      c = c * cd - s * sd
      s = s1
      if (d2 * e < stop) break
    } else {
      s = Math.sin(ea)
      c = Math.cos(ea)
    }
  }
  sc[0] = s
  sc[1] = c
  return ea
}

/**
 * Danby's starter, E₀ = M ± 0.85·e (always converges for e < 1 with M in [−π, π]), with sin/cos
 * of it into sc. Apart from eccentricAnomalySC so that function stays small enough for the
 * compiler to inline it into the propagator's loop.
 */
function danbyStart(mRed: number, e: number, sc: Float64Array): number {
  const ea = mRed + (mRed >= 0 ? 0.85 : -0.85) * e
  sc[0] = Math.sin(ea)
  sc[1] = Math.cos(ea)
  return ea
}

const scratchSC = new Float64Array(2)

/**
 * Solve Kepler's equation M = E − e·sin E for the eccentric anomaly (0 ≤ e < 1). Newton's method
 * with M reduced to [−π, π) and Danby's starter for e ≥ 0.5; the result is returned on the same
 * revolution as M (E − M is bounded by e).
 */
export function solveKepler(m: number, e: number): number {
  const mRed = wrapPi(m)
  const ea = eccentricAnomalySC(mRed, e, Math.sin(mRed), Math.cos(mRed), scratchSC)
  return ea + (m - mRed)
}

/** Mean motion n = √(μ/a³), rad/s. */
export function meanMotion(a: number): number {
  return Math.sqrt(MU_EARTH / (a * a * a))
}

/** Orbital period T = 2π√(a³/μ), s. */
export function orbitalPeriod(a: number): number {
  return TWO_PI * Math.sqrt((a * a * a) / MU_EARTH)
}

/** Semi-major axis of an orbit with period T: a = (μ·T²/4π²)^(1/3), m. */
export function semiMajorAxisFromPeriod(t: number): number {
  return Math.cbrt((MU_EARTH * t * t) / (TWO_PI * TWO_PI))
}

/** Vis-viva: speed at radius r on an orbit of semi-major axis a, v = √(μ(2/r − 1/a)), m/s. */
export function visVivaSpeed(r: number, a: number): number {
  return Math.sqrt(MU_EARTH * (2 / r - 1 / a))
}

const scratchPQ = new Float64Array(6)

/**
 * The orbit's perifocal axes in the inertial frame: P (towards perigee) at out[0..2] and Q (90°
 * ahead in the orbit plane) at out[3..5], from Ω, ω and i (R_z(Ω)·R_x(i)·R_z(ω) applied to x, y).
 */
export function perifocalAxes(
  el: Pick<KeplerElements, 'raan' | 'argp' | 'i'>,
  out: Float64Array,
): Float64Array {
  const cO = Math.cos(el.raan)
  const sO = Math.sin(el.raan)
  const cw = Math.cos(el.argp)
  const sw = Math.sin(el.argp)
  const ci = Math.cos(el.i)
  const si = Math.sin(el.i)
  out[0] = cO * cw - sO * sw * ci
  out[1] = sO * cw + cO * sw * ci
  out[2] = sw * si
  out[3] = -cO * sw - sO * cw * ci
  out[4] = -sO * sw + cO * cw * ci
  out[5] = cw * si
  return out
}

/**
 * Inertial state from classical elements (el.m0 is the mean anomaly of the wanted instant).
 * Writes x, y, z (m) and vx, vy, vz (m/s) at out[offset .. offset+5]. No allocation.
 * r = a(cos E − e)·P + a√(1−e²)·sin E·Q,  v = n·a/(1 − e cos E)·(−sin E·P + √(1−e²)·cos E·Q).
 */
export function elementsToState(el: KeplerElements, out: Float64Array, offset: number): void {
  const { a, e } = el
  const mRed = wrapPi(el.m0)
  eccentricAnomalySC(mRed, e, Math.sin(mRed), Math.cos(mRed), scratchSC)
  const s = scratchSC[0]
  const c = scratchSC[1]
  const q = Math.sqrt(1 - e * e)
  const pq = perifocalAxes(el, scratchPQ)
  const ra = a * (c - e)
  const rb = a * q * s
  const k = Math.sqrt(MU_EARTH / a) / (1 - e * c)
  const va = -k * s
  const vb = k * q * c
  out[offset] = ra * pq[0] + rb * pq[3]
  out[offset + 1] = ra * pq[1] + rb * pq[4]
  out[offset + 2] = ra * pq[2] + rb * pq[5]
  out[offset + 3] = va * pq[0] + vb * pq[3]
  out[offset + 4] = va * pq[1] + vb * pq[4]
  out[offset + 5] = va * pq[2] + vb * pq[5]
}

/**
 * Below this sin i (or e) the node (or perigee) is undefined and folded into the next angle; the
 * folding moves the state by at most ~EDGE_TOL·a (10 µm at a = 10,000 km).
 */
const EDGE_TOL = 1e-12

/**
 * Classical elements from an inertial position (m) and velocity (m/s) — Vallado Alg. 9.
 * Edge cases: for an equatorial orbit (sin i < 1e-12) the node is undefined, so raan = 0 and the
 * x axis serves as the line of nodes (argp then holds the longitude of perigee); for a circular
 * orbit (e < 1e-12) argp = 0 and the mean anomaly holds the argument of latitude (or, if also
 * equatorial, the true longitude). Angles are in [0, 2π). For e ≥ 1, a < 0 and m0 is the
 * hyperbolic mean anomaly (the rest of the core does not propagate such orbits).
 */
export function stateToElements(r: ArrayLike<number>, v: ArrayLike<number>): KeplerElements {
  const rx = r[0]
  const ry = r[1]
  const rz = r[2]
  const vx = v[0]
  const vy = v[1]
  const vz = v[2]
  const rm = Math.sqrt(rx * rx + ry * ry + rz * rz)
  const v2 = vx * vx + vy * vy + vz * vz
  const rv = rx * vx + ry * vy + rz * vz
  // Angular momentum h = r × v and its unit vector.
  const hx = ry * vz - rz * vy
  const hy = rz * vx - rx * vz
  const hz = rx * vy - ry * vx
  const hm = Math.sqrt(hx * hx + hy * hy + hz * hz)
  const ux = hx / hm
  const uy = hy / hm
  const uz = hz / hm
  // Eccentricity vector e = ((v² − μ/r)·r − (r·v)·v)/μ.
  const k1 = v2 - MU_EARTH / rm
  const ex = (k1 * rx - rv * vx) / MU_EARTH
  const ey = (k1 * ry - rv * vy) / MU_EARTH
  const ez = (k1 * rz - rv * vz) / MU_EARTH
  const e = Math.sqrt(ex * ex + ey * ey + ez * ez)
  const a = 1 / (2 / rm - v2 / MU_EARTH)
  // Line of nodes n = ẑ × ĥ = (−h_y, h_x, 0), |n| = sin i; for an equatorial orbit use the x axis.
  let nx = -uy
  let ny = ux
  const nm = Math.sqrt(nx * nx + ny * ny)
  // atan2 keeps full precision near i = 0 and i = π, where acos(ĥ_z) would not.
  const i = Math.atan2(nm, uz)
  let raan = 0
  if (nm > EDGE_TOL) {
    nx /= nm
    ny /= nm
    raan = Math.atan2(ny, nx)
  } else {
    nx = 1
    ny = 0
  }
  // Angle from unit vector A to vector B measured about ĥ in the direction of motion.
  // (A × B)·ĥ with A = (ax, ay, az).
  let argp = 0
  let nu: number
  if (e > EDGE_TOL) {
    argp = angleAbout(nx, ny, 0, ex, ey, ez, ux, uy, uz)
    nu = angleAbout(ex, ey, ez, rx, ry, rz, ux, uy, uz)
  } else {
    nu = angleAbout(nx, ny, 0, rx, ry, rz, ux, uy, uz)
  }
  let m0: number
  if (e < 1) {
    const sn = Math.sin(nu)
    const cn = Math.cos(nu)
    const ea = Math.atan2(Math.sqrt(1 - e * e) * sn, e + cn)
    m0 = ea - e * Math.sin(ea)
  } else {
    const sn = Math.sin(nu)
    const cn = Math.cos(nu)
    const f = Math.asinh((Math.sqrt(e * e - 1) * sn) / (1 + e * cn))
    m0 = e * Math.sinh(f) - f
  }
  return {
    a,
    e,
    i,
    raan: wrapTwoPi(raan),
    argp: wrapTwoPi(argp),
    m0: e < 1 ? wrapTwoPi(m0) : m0,
  }
}

/** Signed angle from A to B about the unit axis U: atan2((A × B)·U, A·B). */
function angleAbout(
  ax: number,
  ay: number,
  az: number,
  bx: number,
  by: number,
  bz: number,
  ux: number,
  uy: number,
  uz: number,
): number {
  const cx = ay * bz - az * by
  const cy = az * bx - ax * bz
  const cz = ax * by - ay * bx
  return Math.atan2(cx * ux + cy * uy + cz * uz, ax * bx + ay * by + az * bz)
}

/** True anomaly from eccentric anomaly (elliptical orbits). */
export function trueAnomalyFromEccentric(ea: number, e: number): number {
  return Math.atan2(Math.sqrt(1 - e * e) * Math.sin(ea), Math.cos(ea) - e)
}
