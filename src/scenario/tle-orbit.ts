// What SGP4 itself says about a well-formed element set, asked at load time so that an orbit it
// cannot fly is a scenario problem with a path, not a failure halfway through a run. Checks:
// the mean-element perigee is above the stated minimum (an orbit inside the Earth, or a nearly
// parabolic one, fails here first), and SGP4 initialises without a satellite.js error.

import { parseOmm, parseTle } from '../core/sgp4'
import type { OmmElements } from '../core/spec'
import { perigeeProblem } from './perigee'

/** satellite.js's error codes in words (Vallado et al. 2006, sgp4 error codes). */
const SGP4_ERRORS: Record<number, string> = {
  1: 'mean eccentricity out of range (it must be below 1)',
  2: 'mean motion below zero',
  3: 'perturbed eccentricity out of range',
  4: 'semi-latus rectum below zero',
  6: 'the satellite has decayed',
}

/** WGS-72 equatorial radius, km: the unit of satellite.js's perigee height `altp`. */
const SGP4_EARTH_RADIUS_KM = 6378.135

export function tleOrbitProblem(line1: string, line2: string): string | undefined {
  return satrecProblem(parseTle(line1, line2))
}

/** The same checks for OMM mean elements. */
export function ommOrbitProblem(omm: OmmElements): string | undefined {
  return satrecProblem(parseOmm(omm))
}

function satrecProblem(initialised: ReturnType<typeof parseTle>): string | undefined {
  const satrec = initialised as ReturnType<typeof parseTle> & { altp?: number }
  // Filled before SGP4's first propagation, so it can name why an init failed.
  const perigeeKm = (satrec.altp ?? Number.NaN) * SGP4_EARTH_RADIUS_KM
  const low = Number.isFinite(perigeeKm) ? perigeeProblem(perigeeKm) : undefined
  if (low !== undefined) return low
  const code = Number(satrec.error)
  if (code !== 0 || !Number.isFinite(satrec.no) || !Number.isFinite(satrec.ecco)) {
    const why = SGP4_ERRORS[code] ?? 'its mean motion or eccentricity cannot be read'
    return `expected elements SGP4 can propagate, got satellite.js error ${code}: ${why}`
  }
  return undefined
}
