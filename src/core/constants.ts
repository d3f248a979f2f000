// Physical constants, SI units. Values are the ones the project's physics tests are checked
// against (WGS-84 / EGM-96 as used by Vallado, "Fundamentals of Astrodynamics and Applications").

/** Earth's gravitational parameter μ, m³/s² (398600.4418 km³/s²). */
export const MU_EARTH = 3.986004418e14
/** Earth's equatorial radius Rₑ, m (6378.137 km). */
export const R_EARTH = 6378137
/** Second zonal harmonic J2 (dimensionless). */
export const J2 = 1.08263e-3
/** WGS-84 flattening. */
export const WGS84_F = 1 / 298.257223563
/** WGS-84 first eccentricity squared. */
export const WGS84_E2 = WGS84_F * (2 - WGS84_F)
/** Earth's rotation rate, rad/s. */
export const OMEGA_EARTH = 7.292115146706979e-5
/** Sidereal day, s. */
export const SIDEREAL_DAY_S = 86164.0905
/** Astronomical unit, m. */
export const AU = 1.495978707e11
/** Standard gravity, m/s² (for the rocket equation). */
export const G0 = 9.80665

export const DEG = Math.PI / 180
export const TWO_PI = 2 * Math.PI
export const SECONDS_PER_DAY = 86400
