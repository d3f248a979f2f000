// A coarse cone test for the geometry pass: which stations could possibly see a satellite, from
// its geocentric latitude band and its radius, so the exact elevation test runs on a few
// candidate stations instead of all of them.
//
// Why it is safe: a satellite at radius r is above elevation m of a station at radius Rs only
// within the Earth-central angle λ = acos(Rs·cos m / r) − m of it (the station–satellite–centre
// triangle), and λ grows with r. The exact test uses the geodetic horizon, which tilts at most
// 0.2° from the geocentric one, so every station with a mask m ≥ 0 is bounded with m = −0.5°
// (a margin over the tilt). The central angle is at least the difference in geocentric
// latitude, so a station is a candidate for a latitude band when its latitude ± λ meets the
// band. Radii are grouped into classes (λ taken at the class's outer radius); beyond the last
// class, and for stations with a negative mask, every station is a candidate.

import { R_EARTH } from '../constants'

/** Bands of equal width in sin(geocentric latitude) = z / r. */
const BANDS = 64
/** Outer radius of each class, in Earth radii. */
const CLASS_RADII = [1.04, 1.08, 1.12, 1.16, 1.2, 1.3, 1.5, 2, 3, 6]
const CLASS_R2 = CLASS_RADII.map((f) => (f * R_EARTH) ** 2)
const MARGIN = 0.5 * (Math.PI / 180)

export interface StationBands {
  /** Squared outer radius of each class, m²; a satellite beyond the last is in the "all" class. */
  classR2: Float64Array
  /** Candidate lists, one per (class, band), in CSR form: stations[start[i] .. start[i + 1]). */
  start: Int32Array
  stations: Int32Array
}

/** Index of the candidate list for a satellite at squared radius r2 and z/r = zr. */
export function bandList(bands: StationBands, r2: number, zr: number): number {
  const radii = bands.classR2
  let c = 0
  while (c < radii.length && r2 > radii[c]) c++
  let b = Math.floor((zr + 1) * (BANDS / 2))
  if (b < 0) b = 0
  else if (b >= BANDS) b = BANDS - 1
  return c * BANDS + b
}

/** Candidate lists from station frames (6 per station: ECEF position, up) and mask sines. */
export function buildStationBands(frames: Float64Array, sinMask: Float64Array): StationBands {
  const ns = sinMask.length
  const classes = CLASS_RADII.length + 1
  const lists: number[][] = []
  for (let c = 0; c < classes; c++) {
    for (let b = 0; b < BANDS; b++) {
      const lo = Math.asin(Math.max(-1, -1 + (2 * b) / BANDS))
      const hi = Math.asin(Math.min(1, -1 + (2 * (b + 1)) / BANDS))
      const list: number[] = []
      for (let j = 0; j < ns; j++) {
        if (c === classes - 1 || sinMask[j] < 0) {
          list.push(j)
          continue
        }
        const x = frames[6 * j]
        const y = frames[6 * j + 1]
        const z = frames[6 * j + 2]
        const rs = Math.hypot(x, y, z)
        const lat = Math.asin(z / rs)
        const rc = CLASS_RADII[c] * R_EARTH
        const lambda = Math.acos(Math.min(1, (rs * Math.cos(-MARGIN)) / rc)) + MARGIN
        if (lat - lambda <= hi + 1e-9 && lat + lambda >= lo - 1e-9) list.push(j)
      }
      lists.push(list)
    }
  }
  const start = new Int32Array(lists.length + 1)
  for (let i = 0; i < lists.length; i++) start[i + 1] = start[i] + lists[i].length
  return { classR2: Float64Array.from(CLASS_R2), start, stations: Int32Array.from(lists.flat()) }
}
