// Ground-station and ground-target geometry in the Earth-fixed frame.
//
// Computes: a station's ECEF position and local (geodetic) up vector once; the sine of a
//   satellite's elevation seen from it (so a mask test is sinEl ≥ sin(minEl), no asin); the
//   elevation itself and the slant range for display; and whether a ground target lies in a
//   satellite's imaging footprint (above the target's horizon and within the off-nadir limit).
// Reference: Vallado, "Fundamentals of Astrodynamics and Applications", 4th ed., §4.4 (SEZ frame,
//   Alg. 27 "RAZEL"), Montenbruck & Gill, "Satellite Orbits", §6.4.
// Accuracy: exact geometry for the WGS-84 ellipsoid (geodetic up) and a geocentric nadir; no
//   atmospheric refraction (≈ 0.5° at the horizon, irrelevant above a typical 5–10° mask).
//   Everything is allocation-free and inputs are in ECEF metres.

import { WGS84_E2 } from './constants'
import { geodeticToEcef } from './frames'

/** Number of values stationFrame writes: x, y, z (m) then the up unit vector ux, uy, uz. */
export const STATION_FRAME_SIZE = 6

/**
 * Precompute a station's ECEF position (m) and local geodetic up unit vector; writes six numbers
 * at out[offset .. offset+5]: x, y, z, ux, uy, uz.
 */
export function stationFrame(
  latRad: number,
  lonRad: number,
  altM: number,
  out: Float64Array,
  offset: number,
): void {
  geodeticToEcef(latRad, lonRad, altM, out, offset)
  const cp = Math.cos(latRad)
  out[offset + 3] = cp * Math.cos(lonRad)
  out[offset + 4] = cp * Math.sin(lonRad)
  out[offset + 5] = Math.sin(latRad)
}

/**
 * Sine of the elevation of a satellite at ECEF (satX, satY, satZ) m, seen from the station whose
 * frame (from stationFrame) starts at frame[offset]. Visible above a mask when sinEl ≥ sin(mask).
 */
export function sinElevation(
  frame: Float64Array,
  offset: number,
  satX: number,
  satY: number,
  satZ: number,
): number {
  const dx = satX - frame[offset]
  const dy = satY - frame[offset + 1]
  const dz = satZ - frame[offset + 2]
  const range = Math.sqrt(dx * dx + dy * dy + dz * dz)
  if (range === 0) return 1
  return (dx * frame[offset + 3] + dy * frame[offset + 4] + dz * frame[offset + 5]) / range
}

/** Elevation (rad, in [−π/2, π/2]) of a satellite at ECEF (satX, satY, satZ) seen from a station. */
export function elevationRad(
  frame: Float64Array,
  offset: number,
  satX: number,
  satY: number,
  satZ: number,
): number {
  const s = sinElevation(frame, offset, satX, satY, satZ)
  return Math.asin(Math.min(1, Math.max(-1, s)))
}

/** Distance (m) from a station to a satellite at ECEF (satX, satY, satZ). */
export function slantRangeM(
  frame: Float64Array,
  offset: number,
  satX: number,
  satY: number,
  satZ: number,
): number {
  const dx = satX - frame[offset]
  const dy = satY - frame[offset + 1]
  const dz = satZ - frame[offset + 2]
  return Math.sqrt(dx * dx + dy * dy + dz * dz)
}

/**
 * True when the ground target at ECEF (tgtX, tgtY, tgtZ) is above its own horizon as seen toward
 * the satellite (elevation > 0, using the ellipsoid normal, exact for targets on the surface) AND
 * the off-nadir angle — at the satellite, between the geocentric nadir −r̂ and the line of sight
 * to the target — is at most the limit whose cosine is cosMaxOffNadir (limit below 90°).
 */
export function targetInFootprint(
  satX: number,
  satY: number,
  satZ: number,
  tgtX: number,
  tgtY: number,
  tgtZ: number,
  cosMaxOffNadir: number,
): boolean {
  // Line of sight from the target to the satellite.
  const dx = satX - tgtX
  const dy = satY - tgtY
  const dz = satZ - tgtZ
  // Ellipsoid normal at a surface point is ∝ (x, y, z/(1 − e²)).
  if (dx * tgtX + dy * tgtY + (dz * tgtZ) / (1 - WGS84_E2) <= 0) return false
  // cos(off-nadir) = (−r_sat)·(tgt − sat)/(|r_sat|·|tgt − sat|) = r_sat·d/(|r_sat|·|d|).
  const dot = satX * dx + satY * dy + satZ * dz
  if (dot <= 0) return false
  const r2 = satX * satX + satY * satY + satZ * satZ
  const d2 = dx * dx + dy * dy + dz * dz
  return dot >= cosMaxOffNadir * Math.sqrt(r2 * d2)
}
