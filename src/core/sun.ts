// Direction (and distance) of the Sun from the Earth's centre.
//
// Computes: the Astronomical Almanac's low-precision solar coordinates — mean longitude
//   L = 280.460° + 0.9856474°·d, mean anomaly g = 357.528° + 0.9856003°·d, ecliptic longitude
//   λ = L + 1.915°·sin g + 0.020°·sin 2g, latitude 0, mean obliquity ε = 23.439° − 4e-7°·d, with d
//   the days since J2000.0 — rotated from ecliptic to equatorial coordinates of date.
// Reference: The Astronomical Almanac, section C ("Low precision formulas for the Sun");
//   Vallado, "Fundamentals of Astrodynamics and Applications", 4th ed., Alg. 29 and Example 5-1.
// Accuracy: about 0.01° in direction between 1950 and 2050 (the UT/TT difference of ~70 s adds
//   0.0008°); distance to about 1e-4 AU. The result is in mean-equator-of-date coordinates, which
//   differ from the sandbox's ECI (TEME, see frames.ts) by the nutation of the equator (< 0.003°),
//   below the formula's own accuracy.

import { AU, DEG } from './constants'
import { MS_J2000 } from './time'

const MS_PER_DAY = 86_400_000

/** Unit vector from the Earth's centre toward the Sun (ECI of date), at out[offset .. offset+2]. */
export function sunDirectionEci(ms: number, out: Float64Array, offset: number): void {
  const d = (ms - MS_J2000) / MS_PER_DAY
  // Reduce the mean elements first so that large day counts keep full precision.
  const lDeg = (280.46 + 0.9856474 * d) % 360
  const g = ((357.528 + 0.9856003 * d) % 360) * DEG
  const lambda = (lDeg + 1.915 * Math.sin(g) + 0.02 * Math.sin(2 * g)) * DEG
  const eps = (23.439 - 4e-7 * d) * DEG
  const sl = Math.sin(lambda)
  out[offset] = Math.cos(lambda)
  out[offset + 1] = Math.cos(eps) * sl
  out[offset + 2] = Math.sin(eps) * sl
}

/** Earth–Sun distance R = 1.00014 − 0.01671·cos g − 0.00014·cos 2g AU, returned in metres. */
export function sunDistanceM(ms: number): number {
  const d = (ms - MS_J2000) / MS_PER_DAY
  const g = ((357.528 + 0.9856003 * d) % 360) * DEG
  return (1.00014 - 0.01671 * Math.cos(g) - 0.00014 * Math.cos(2 * g)) * AU
}
