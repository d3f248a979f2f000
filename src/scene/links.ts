// Per-frame geometry of the active downlinks: pure typed-array writes, no allocation, no three.

import type { StationSpec } from '../core/spec'
import { latLonToUnitVector, type Vec3 } from './geo'

/**
 * Earth-fixed positions (scene units) of the stations on the drawn globe: the same spherical
 * mapping as the Earth's texture (geo.ts), at `radius`. 3 values per station.
 */
export function stationPositions(stations: readonly StationSpec[], radius: number): Float32Array {
  const out = new Float32Array(3 * stations.length)
  const v: Vec3 = [0, 0, 0]
  stations.forEach((s, k) => {
    latLonToUnitVector(s.latRad, s.lonRad, v)
    out[3 * k] = v[0] * radius
    out[3 * k + 1] = v[1] * radius
    out[3 * k + 2] = v[2] * radius
  })
  return out
}

/** Earth-fixed points → ECI at Greenwich sidereal angle gmst: r_eci = R_z(gmst)·r_ecef. */
export function ecefToEciPoints(ecef: Float32Array, count: number, gmst: number, out: Float32Array): void {
  const c = Math.cos(gmst)
  const s = Math.sin(gmst)
  for (let k = 0, o = 0; k < count; k++, o += 3) {
    const x = ecef[o]
    const y = ecef[o + 1]
    out[o] = c * x - s * y
    out[o + 1] = s * x + c * y
    out[o + 2] = ecef[o + 2]
  }
}

/**
 * Line-segment pairs (satellite, station) for every satellite whose linkStation is a valid station
 * index, into out (6 values per segment). Satellite positions are km (scaled by unitsPerKm),
 * station positions already in scene units (ECI). Flags each linked station in `active` (1) when
 * given. Returns the number of segments written; stops when out is full.
 */
export function writeLinkSegments(
  positionsKm: ArrayLike<number>,
  linkStation: ArrayLike<number>,
  satCount: number,
  stationEci: Float32Array,
  stationCount: number,
  unitsPerKm: number,
  out: Float32Array,
  active?: Uint8Array,
): number {
  if (active) active.fill(0)
  const max = Math.floor(out.length / 6)
  let n = 0
  for (let k = 0; k < satCount && n < max; k++) {
    const j = linkStation[k]
    if (!(j >= 0 && j < stationCount)) continue
    const o = 6 * n
    const p = 3 * k
    const q = 3 * j
    out[o] = positionsKm[p] * unitsPerKm
    out[o + 1] = positionsKm[p + 1] * unitsPerKm
    out[o + 2] = positionsKm[p + 2] * unitsPerKm
    out[o + 3] = stationEci[q]
    out[o + 4] = stationEci[q + 1]
    out[o + 5] = stationEci[q + 2]
    if (active) active[j] = 1
    n++
  }
  return n
}
