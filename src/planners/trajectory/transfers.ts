// Impulsive coplanar transfer design between circular orbits (two-body, instantaneous burns).
// SI units throughout: metres, metres per second, seconds, radians; μ defaults to MU_EARTH.
//
// Pure: every function reads only its arguments and returns plain data. Nothing throws on bad
// input: the transfer designers return `{ ok: false, reason }` for impossible or invalid requests,
// and the two scalar helpers return NaN.
//
// Sign convention for every Δv component: positive = prograde burn (along the velocity, speeds up,
// raises the opposite side of the orbit), negative = retrograde. `dvTotal` is the sum of the
// magnitudes, i.e. the propellant-relevant cost.

import { MU_EARTH, R_EARTH } from '../../core/constants'

export type TransferResult<T> = ({ ok: true } & T) | { ok: false; reason: string }

export interface HohmannTransfer {
  /** Burn at r1 onto the transfer ellipse, m/s (signed). */
  dv1: number
  /** Burn at r2 to circularise, m/s (signed). */
  dv2: number
  /** |dv1| + |dv2|, m/s. */
  dvTotal: number
  /** Time of flight, half the transfer ellipse's period, s. */
  tof: number
  /** Semi-major axis of the transfer ellipse, m. */
  aTransfer: number
}

export interface BiEllipticTransfer {
  /** Burn at r1 onto the first ellipse (r1 × rb), m/s (signed). */
  dv1: number
  /** Burn at rb from the first ellipse onto the second (rb × r2), m/s (signed). */
  dv2: number
  /** Burn at r2 to circularise, m/s (signed). */
  dv3: number
  /** |dv1| + |dv2| + |dv3|, m/s. */
  dvTotal: number
  /** Two half-periods, s. */
  tof: number
}

export interface PhasingManoeuvre {
  /** Semi-major axis of the phasing orbit, m. */
  aPhasing: number
  /** Period of the phasing orbit, s. */
  periodPhasing: number
  /** Burn from the circular orbit onto the phasing orbit, m/s (signed). */
  dv1: number
  /** Burn back onto the circular orbit after the last revolution, m/s (signed, = −dv1). */
  dv2: number
  /** |dv1| + |dv2|, m/s. */
  dvTotal: number
  /** Time from the first burn to the second: revolutions × periodPhasing, s. */
  tof: number
}

const isPositive = (x: number): boolean => Number.isFinite(x) && x > 0

function badMu(mu: number): string | null {
  return isPositive(mu) ? null : `gravitational parameter must be a positive finite number, got ${mu}`
}

/** Speed on a circular orbit of radius r (m), m/s. NaN unless r and μ are positive and finite. */
export function circularSpeed(r: number, mu: number = MU_EARTH): number {
  if (!isPositive(r) || !isPositive(mu)) return Number.NaN
  return Math.sqrt(mu / r)
}

/**
 * Δv (m/s) of a pure inclination change of `deltaI` radians at speed `v` (m/s), without changing
 * the speed: 2·v·sin(|Δi|/2). NaN for non-finite or negative speed.
 */
export function planeChangeDv(v: number, deltaI: number): number {
  if (!Number.isFinite(v) || v < 0 || !Number.isFinite(deltaI)) return Number.NaN
  return 2 * v * Math.abs(Math.sin(deltaI / 2))
}

/** Speed (m/s) at radius r on an orbit of semi-major axis a (vis-viva). */
function visViva(r: number, a: number, mu: number): number {
  return Math.sqrt(mu * (2 / r - 1 / a))
}

/**
 * Hohmann transfer between coplanar circular orbits of radii r1 and r2 (m). Raising (r2 > r1)
 * gives two prograde burns; lowering gives two retrograde (negative) burns.
 */
export function hohmann(r1: number, r2: number, mu: number = MU_EARTH): TransferResult<HohmannTransfer> {
  const muErr = badMu(mu)
  if (muErr) return { ok: false, reason: muErr }
  if (!isPositive(r1) || !isPositive(r2)) {
    return { ok: false, reason: `orbit radii must be positive finite numbers, got r1=${r1}, r2=${r2}` }
  }
  const aTransfer = (r1 + r2) / 2
  const dv1 = visViva(r1, aTransfer, mu) - Math.sqrt(mu / r1)
  const dv2 = Math.sqrt(mu / r2) - visViva(r2, aTransfer, mu)
  return {
    ok: true,
    dv1,
    dv2,
    dvTotal: Math.abs(dv1) + Math.abs(dv2),
    tof: Math.PI * Math.sqrt(aTransfer ** 3 / mu),
    aTransfer,
  }
}

/**
 * Bi-elliptic transfer from circular radius r1 to circular radius r2 (m) through an intermediate
 * apsis at radius rb (m): half an ellipse r1 → rb, a burn at rb, half an ellipse rb → r2. Usually
 * rb > max(r1, r2) (three burns: prograde, prograde, retrograde), but any positive rb is computed.
 */
export function biElliptic(
  r1: number,
  rb: number,
  r2: number,
  mu: number = MU_EARTH,
): TransferResult<BiEllipticTransfer> {
  const muErr = badMu(mu)
  if (muErr) return { ok: false, reason: muErr }
  if (!isPositive(r1) || !isPositive(rb) || !isPositive(r2)) {
    return {
      ok: false,
      reason: `orbit radii must be positive finite numbers, got r1=${r1}, rb=${rb}, r2=${r2}`,
    }
  }
  const a1 = (r1 + rb) / 2
  const a2 = (rb + r2) / 2
  const dv1 = visViva(r1, a1, mu) - Math.sqrt(mu / r1)
  const dv2 = visViva(rb, a2, mu) - visViva(rb, a1, mu)
  const dv3 = Math.sqrt(mu / r2) - visViva(r2, a2, mu)
  return {
    ok: true,
    dv1,
    dv2,
    dv3,
    dvTotal: Math.abs(dv1) + Math.abs(dv2) + Math.abs(dv3),
    tof: Math.PI * (Math.sqrt(a1 ** 3 / mu) + Math.sqrt(a2 ** 3 / mu)),
  }
}

/**
 * Co-orbital phasing on a circular orbit of radius `a` (m): move a satellite along its own orbit
 * by `phaseAngleRad` using `revolutions` (k ≥ 1, integer) revolutions of a phasing orbit tangent
 * to the circular orbit at the burn point, then return to the circular orbit at that point.
 *
 * Sign convention: a positive phase angle moves the satellite AHEAD of where it would otherwise
 * be (to catch a target that leads it by that angle): the phasing orbit is smaller and faster
 * (dv1 < 0, retrograde; dv2 > 0). A negative angle makes it fall BEHIND (to let a target that
 * trails it catch up): the phasing orbit is larger and slower (dv1 > 0).
 *
 * With T the circular period and θ the phase angle, the phasing period is
 *   T_ph = T · (1 − θ / (2π·k)),  so  k·T_ph = k·T − θ/n  (n = 2π/T, the mean motion)
 * exactly: the satellite arrives θ/n earlier (θ > 0) or later (θ < 0) than it would have.
 * More revolutions need a smaller period change, so less Δv, at the price of a longer tof.
 *
 * Returns `{ ok: false, reason }` when the request is impossible: θ ≥ 2π·k (the period would be
 * zero or negative), or the phasing orbit's perigee falls below `minPerigeeRadius` (default
 * Rₑ + 100 km; pass another value for another body). Angles are not wrapped: catching up 350°
 * and falling back 10° are different manoeuvres, and the caller chooses.
 */
export function phasing(
  a: number,
  phaseAngleRad: number,
  revolutions: number,
  mu: number = MU_EARTH,
  minPerigeeRadius: number = R_EARTH + 100e3,
): TransferResult<PhasingManoeuvre> {
  const muErr = badMu(mu)
  if (muErr) return { ok: false, reason: muErr }
  if (!isPositive(a)) return { ok: false, reason: `orbit radius must be a positive finite number, got ${a}` }
  if (!Number.isFinite(phaseAngleRad)) {
    return { ok: false, reason: `phase angle must be a finite number of radians, got ${phaseAngleRad}` }
  }
  if (!Number.isInteger(revolutions) || revolutions < 1) {
    return { ok: false, reason: `revolutions must be a whole number ≥ 1, got ${revolutions}` }
  }
  if (!Number.isFinite(minPerigeeRadius)) {
    return { ok: false, reason: `minimum perigee radius must be finite, got ${minPerigeeRadius}` }
  }
  const k = revolutions
  const period = 2 * Math.PI * Math.sqrt(a ** 3 / mu)
  const fraction = 1 - phaseAngleRad / (2 * Math.PI * k)
  if (fraction <= 0) {
    return {
      ok: false,
      reason:
        `a phase gain of ${((phaseAngleRad * 180) / Math.PI).toFixed(1)}° in ${k} revolution(s) ` +
        'would need a phasing period of zero or less; use more revolutions',
    }
  }
  const periodPhasing = period * fraction
  // θ = 0 is the identity manoeuvre: keep it exact rather than a round trip through cbrt.
  const aPhasing = phaseAngleRad === 0 ? a : Math.cbrt(mu * (periodPhasing / (2 * Math.PI)) ** 2)
  // The burn point is one apsis (radius a); the other apsis is at 2·aPhasing − a.
  const otherApsis = 2 * aPhasing - a
  const perigee = Math.min(a, otherApsis)
  if (perigee < minPerigeeRadius) {
    const km = (x: number): string => (x / 1000).toFixed(1)
    return {
      ok: false,
      reason:
        `phasing orbit perigee radius ${km(perigee)} km is below the minimum ${km(minPerigeeRadius)} km; ` +
        'use more revolutions or a smaller phase angle',
    }
  }
  const dv1 = phaseAngleRad === 0 ? 0 : visViva(a, aPhasing, mu) - Math.sqrt(mu / a)
  const dv2 = 0 - dv1 // not -dv1: keeps +0 for the identity manoeuvre
  return {
    ok: true,
    aPhasing,
    periodPhasing,
    dv1,
    dv2,
    dvTotal: 2 * Math.abs(dv1),
    tof: k * periodPhasing,
  }
}
