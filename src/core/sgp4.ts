// SGP4/SDP4 propagation of two-line element sets and OMM mean elements, through satellite.js 7 (the only file of the
// core that imports it).
//
// Computes: TEME position (m) and velocity (m/s) of a TLE satellite at a UTC instant.
// Reference: Vallado, Crawford, Hujsak & Kelso, "Revisiting Spacetrack Report #3", AIAA 2006-6753,
//   as implemented by satellite.js (WGS-72 constants, 'i' improved mode).
// Accuracy: that of SGP4 itself (~1 km at epoch, growing a few km per day for LEO). The wrapper adds
//   nothing: `propagate(ms)` turns ms into minutes since the TLE epoch with exactly the arithmetic
//   of satellite.js's `propagate(satrec, new Date(ms))` (a calendar date → Julian date → minus the
//   epoch's Julian date), so for integer ms the output is bit-identical to it (that route limits
//   time resolution to ~40 µs, i.e. ~0.3 m along track). `propagateMinutes` takes minutes since
//   epoch directly and has no such rounding.
// TEME ≈ ECI in this sandbox (see frames.ts). satellite.js allocates its result object per call;
// that is the only allocation here.

import { json2satrec, type SatRec, sgp4, twoline2satrec } from 'satellite.js'
import type { ElementSetOrbit, OmmElements } from './spec'

export interface TleOrbit {
  readonly satrec: SatRec
  /** TLE epoch, UTC ms since 1970. */
  readonly epochMs: number
  /**
   * TEME position (m) and velocity (m/s) at UTC `ms`, written at pos[offset..+2] and vel[offset..+2].
   * Returns false (and leaves the outputs untouched) when SGP4 reports an error or decay, or gives
   * no finite position (as for a time of NaN). satellite.js's optional "community" decay check is
   * not applied: it is not part of SGP4.
   */
  propagate(ms: number, pos: Float64Array, vel: Float64Array, offset: number): boolean
  /** As propagate, at `minutes` since the TLE epoch. */
  propagateMinutes(minutes: number, pos: Float64Array, vel: Float64Array, offset: number): boolean
}

const MS_PER_DAY = 86_400_000

/**
 * Julian date of UTC `ms` computed the way satellite.js's `jday(date)` does it: the Gregorian
 * calendar fields (Fliegel & Van Flandern 1968, Explanatory Supplement to the Astronomical Almanac
 * §12.92) fed through Vallado's one-line JD formula, operation for operation. Like that formula it
 * is valid from 1 March 1900 to 28 February 2100 (outside, it is a day off, as satellite.js is).
 */
export function satelliteJsJday(ms: number): number {
  const dayIndex = Math.floor(ms / MS_PER_DAY)
  // Gregorian date from the Julian day number (integer arithmetic, truncating division).
  let l = dayIndex + 2440588 + 68569
  const n = Math.trunc((4 * l) / 146097)
  l -= Math.trunc((146097 * n + 3) / 4)
  let year = Math.trunc((4000 * (l + 1)) / 1461001)
  l = l - Math.trunc((1461 * year) / 4) + 31
  let mon = Math.trunc((80 * l) / 2447)
  const day = l - Math.trunc((2447 * mon) / 80)
  l = Math.trunc(mon / 11)
  mon = mon + 2 - 12 * l
  year = 100 * (n - 49) + year + l
  let rest = ms - dayIndex * MS_PER_DAY
  const hr = Math.floor(rest / 3_600_000)
  rest -= hr * 3_600_000
  const minute = Math.floor(rest / 60_000)
  rest -= minute * 60_000
  const sec = Math.floor(rest / 1000)
  const msec = rest - sec * 1000
  return (
    367.0 * year -
    Math.floor(7 * (year + Math.floor((mon + 9) / 12.0)) * 0.25) +
    Math.floor((275 * mon) / 9.0) +
    day +
    1721013.5 +
    ((msec / 60000 + sec / 60.0 + minute) / 60.0 + hr) / 24.0
  )
}

/** UTC epoch (ms since 1970) of a satrec, from its two-digit year and day of year (full precision). */
export function tleEpochMs(satrec: SatRec): number {
  const yy = satrec.epochyr
  const year = yy < 57 ? 2000 + yy : yy < 100 ? 1900 + yy : yy
  return Date.UTC(year, 0, 1) + (satrec.epochdays - 1) * MS_PER_DAY
}

/**
 * Parse a TLE and initialise SGP4 without judging the result: `satrec.error` is satellite.js's
 * error code (0 when SGP4 could start), `satrec.altp` the mean perigee height in Earth radii.
 */
export function parseTle(line1: string, line2: string): SatRec {
  return twoline2satrec(line1, line2)
}

/**
 * Parse a TLE and initialise SGP4. Throws an Error naming the problem when satellite.js cannot
 * initialise the element set (unparseable numbers, eccentricity out of range, …).
 */
export function createTleOrbit(line1: string, line2: string): TleOrbit {
  return orbitOf(parseTle(line1, line2), 'TLE')
}

/**
 * Initialise SGP4 from OMM mean elements (satellite.js's json2satrec, improved mode). The OMM
 * epoch keeps its full precision: its states differ slightly from those of the same elements
 * rounded into a TLE. Throws as createTleOrbit does.
 */
export function createOmmOrbit(omm: OmmElements): TleOrbit {
  return orbitOf(parseOmm(omm), 'OMM')
}

/** As parseTle, for OMM mean elements (satellite.js's json2satrec, improved mode). */
export function parseOmm(omm: OmmElements): SatRec {
  return json2satrec({ ...omm })
}

/** The SGP4 orbit of either element-set form. */
export function createElementSetOrbit(orbit: ElementSetOrbit): TleOrbit {
  return orbit.kind === 'tle' ? createTleOrbit(orbit.line1, orbit.line2) : createOmmOrbit(orbit.omm)
}

function orbitOf(satrec: SatRec, what: string): TleOrbit {
  if (satrec.error !== 0)
    throw new Error(`SGP4 cannot initialise this ${what} (satellite.js error ${satrec.error})`)
  if (!Number.isFinite(satrec.no) || !Number.isFinite(satrec.ecco) || !Number.isFinite(satrec.jdsatepoch)) {
    throw new Error(`SGP4 cannot initialise this ${what} (unparseable mean motion, eccentricity or epoch)`)
  }
  const propagateMinutes = (minutes: number, pos: Float64Array, vel: Float64Array, offset: number) => {
    const pv = sgp4(satrec, minutes)
    if (pv === null) return false
    const p = pv.position
    const v = pv.velocity
    if (!Number.isFinite(p.x) || !Number.isFinite(p.y) || !Number.isFinite(p.z)) return false
    pos[offset] = p.x * 1000
    pos[offset + 1] = p.y * 1000
    pos[offset + 2] = p.z * 1000
    vel[offset] = v.x * 1000
    vel[offset + 1] = v.y * 1000
    vel[offset + 2] = v.z * 1000
    return true
  }
  return {
    satrec,
    epochMs: tleEpochMs(satrec),
    propagateMinutes,
    propagate(ms, pos, vel, offset) {
      return propagateMinutes((satelliteJsJday(ms) - satrec.jdsatepoch) * 1440, pos, vel, offset)
    },
  }
}
