// Earth's shadow: is a satellite eclipsed?
//
// Computes: the cylindrical shadow model — a satellite is in shadow when it is on the night side
//   (r·ŝ < 0) and closer than Rₑ to the Earth–Sun axis (|r|² − (r·ŝ)² < Rₑ²).
// Reference: Vallado, "Fundamentals of Astrodynamics and Applications", 4th ed., §5.3 (Alg. 34,
//   cylindrical model); Montenbruck & Gill, "Satellite Orbits", §3.4.2.
// Accuracy: ignores the penumbra and the umbra's taper (the true umbra cone narrows by Rₑ over
//   ~1.4 million km) and uses the equatorial radius for a spherical Earth; shadow entry and exit
//   times of a LEO satellite are off by ~10–20 s, which the sandbox accepts. Allocation-free.

import { R_EARTH } from './constants'

const R2 = R_EARTH * R_EARTH

/**
 * True when the satellite at ECI position (x, y, z) m is inside the cylindrical Earth shadow for
 * the Sun direction (sx, sy, sz), which must be a unit vector (e.g. from sunDirectionEci).
 */
export function inCylindricalShadow(
  x: number,
  y: number,
  z: number,
  sx: number,
  sy: number,
  sz: number,
): boolean {
  const d = x * sx + y * sy + z * sz
  if (d >= 0) return false
  return x * x + y * y + z * z - d * d < R2
}
