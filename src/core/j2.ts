// Secular first-order effect of Earth's oblateness (J2) on the classical elements.
//
// Computes: the mean rates of the node, the argument of perigee and the mean anomaly,
//   with p = a(1 − e²), n = √(μ/a³):
//     dΩ/dt = −(3/2)·n·J2·(Rₑ/p)²·cos i
//     dω/dt =  (3/4)·n·J2·(Rₑ/p)²·(4 − 5 sin² i)
//     dM/dt =  n·[1 + (3/4)·J2·(Rₑ/p)²·√(1 − e²)·(2 − 3 sin² i)]
// Reference: Vallado, "Fundamentals of Astrodynamics and Applications", 4th ed., Eq. 9-41
//   (node and perigee) and §9.6 (mean anomaly); Curtis, Eq. 4.52 and 4.53.
// Accuracy: first order in J2; it omits short-period terms (a LEO position oscillates by a few km
//   about the secular motion) and treats the given elements as mean elements. Node rates agree
//   with published values (sun-synchronous 0.9856°/day, ISS −4.95°/day) to < 0.001°/day.

import { J2, MU_EARTH, R_EARTH } from './constants'

export interface J2Rates {
  /** Node regression rate dΩ/dt, rad/s. */
  raanDot: number
  /** Apsidal rotation rate dω/dt, rad/s. */
  argpDot: number
  /** Mean anomaly rate including the two-body mean motion n, rad/s. */
  meanAnomalyDot: number
}

/** Secular first-order J2 rates (rad/s) for semi-major axis a (m), eccentricity e, inclination i. */
export function j2SecularRates(a: number, e: number, i: number): J2Rates {
  const out = new Float64Array(3)
  j2SecularRatesInto(a, e, i, out, 0)
  return { raanDot: out[0], argpDot: out[1], meanAnomalyDot: out[2] }
}

/**
 * Allocation-free form of {@link j2SecularRates}: writes dΩ/dt, dω/dt, dM/dt (rad/s, the last one
 * including n) at out[offset .. offset+2].
 */
export function j2SecularRatesInto(a: number, e: number, i: number, out: Float64Array, offset: number): void {
  const n = Math.sqrt(MU_EARTH / (a * a * a))
  const oneMinusE2 = 1 - e * e
  const p = a * oneMinusE2
  const rp = R_EARTH / p
  const k = 0.75 * n * J2 * rp * rp
  const ci = Math.cos(i)
  const si2 = 1 - ci * ci
  out[offset] = -2 * k * ci
  out[offset + 1] = k * (4 - 5 * si2)
  out[offset + 2] = n + k * Math.sqrt(oneMinusE2) * (2 - 3 * si2)
}
