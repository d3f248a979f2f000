// Time scales for the core: Julian dates and Greenwich mean sidereal time.
//
// Computes: the Julian date of a UTC instant (ms since 1970) and GMST by the IAU-1982 polynomial.
// Reference: Vallado, "Fundamentals of Astrodynamics and Applications", 4th ed., Eq. 3-45 and
//   Example 3-5 (GMST); Astronomical Almanac (JD of the Unix epoch = 2440587.5).
// Accuracy: UT1 is taken equal to UTC (|UT1 − UTC| < 0.9 s, i.e. < 0.004° of Earth rotation) and
//   leap seconds are ignored, as usual for a toy. GMST is evaluated from milliseconds relative to
//   J2000 rather than from a Julian date, so no precision is lost to the large JD magnitude:
//   the rounding error is below 1e-10 rad for dates within centuries of 2000.

import { TWO_PI } from './constants'
import { wrapTwoPi } from './kepler'

/** Milliseconds per day. */
const MS_PER_DAY = 86_400_000
/** Julian date of 1970-01-01T00:00:00Z. */
export const JD_UNIX_EPOCH = 2440587.5
/** Julian date of J2000.0 (2000-01-01T12:00:00). */
export const JD_J2000 = 2451545
/** UTC milliseconds of J2000.0 (2000-01-01T12:00:00Z, UT1 ≈ UTC). */
export const MS_J2000 = 946_728_000_000
/** Milliseconds per Julian century. */
const MS_PER_CENTURY = 36525 * MS_PER_DAY

/** Julian date of a UTC instant given in milliseconds since 1970-01-01T00:00:00Z. */
export function julianDate(ms: number): number {
  return ms / MS_PER_DAY + JD_UNIX_EPOCH
}

/** Julian centuries of 36525 days since J2000.0 (UT1 ≈ UTC). */
export function centuriesSinceJ2000(ms: number): number {
  return (ms - MS_J2000) / MS_PER_CENTURY
}

/**
 * Greenwich mean sidereal time, rad in [0, 2π), by the IAU-1982 expression (Vallado Eq. 3-45):
 * GMST = 67310.54841 s + (876600 h + 8640184.812866 s)·T + 0.093104 s·T² − 6.2e-6 s·T³,
 * with T in Julian centuries of UT1 since J2000 (here UT1 ≈ UTC).
 */
export function gmstRad(ms: number): number {
  const t = centuriesSinceJ2000(ms)
  // The term 876600 h·T equals (days since J2000)·86400 s; only its fraction of a day matters
  // modulo 86400 s, so take that fraction directly instead of a huge number of seconds.
  const days = (ms - MS_J2000) / MS_PER_DAY
  const dayFrac = days - Math.floor(days)
  const sec = (67310.54841 + 8640184.812866 * t + (0.093104 - 6.2e-6 * t) * t * t + dayFrac * 86400) % 86400
  // sec is in (−86400, 86400) (negative before J2000): wrapTwoPi brings the angle into [0, 2π),
  // including a value a hair below 0 that would round to 2π if lifted by a full turn.
  return wrapTwoPi((sec / 86400) * TWO_PI)
}
