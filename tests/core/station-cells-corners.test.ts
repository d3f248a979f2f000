// The coarse cone test where its bound is tightest. A cell's reach is its centre's distance to the
// station plus the cell's angular radius ρ, and ρ must be the distance to the cell's FARTHEST
// point: the cells at a cube face's corners are skewed (their corners lie 1.8° to 3.0° from the
// centre), so a radius taken from a nearer corner would leave a satellite in the far corner
// without a station that sees it. The random points of station-cells.test.ts land there too
// rarely, so here every cell's farthest corner is visited on purpose, with a station placed
// just inside that satellite's horizon on the side away from the cell's centre.
//
// Radii are just inside 1.5 Rₑ, a class's outer radius that falls on a bin edge, so the class's
// λ is taken at the satellite's own radius and only the bound's 0.5° margin is spare.

import { describe, expect, it } from 'vitest'
import { DEG, R_EARTH } from '../../src/core'
import { WGS84_E2 } from '../../src/core/constants'
import {
  buildStationCells,
  CELLS,
  CLASS_RADII,
  cellList,
  type StationCells,
} from '../../src/core/engine/station-cells'
import { elevationRad, stationFrame } from '../../src/core/geometry'

type Vec = [number, number, number]
const N = 16
const unit = (v: Vec): Vec => {
  const l = Math.hypot(...v)
  return [v[0] / l, v[1] / l, v[2] / l]
}
const dot = (a: Vec, b: Vec) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2]
/** A direction on cube face `face` (axis ⌊face/2⌋, sign by parity) at gnomonic (u, v). */
const onFace = (face: number, u: number, v: number): Vec => {
  const s = face % 2 === 0 ? 1 : -1
  const axis = Math.floor(face / 2)
  const rest = [u, v]
  return unit([0, 1, 2].map((q) => (q === axis ? s : rest.shift()!)) as Vec)
}
const grid = (i: number) => (2 * i) / N - 1

/** A station on the ellipsoid (altitude 0) whose geocentric direction is `d`. */
function stationAt(d: Vec, frames: Float64Array, j: number) {
  // On the ellipsoid's surface tan(geocentric lat) = (1 − e²) tan(geodetic lat).
  const lat = Math.atan2(d[2], (1 - WGS84_E2) * Math.hypot(d[0], d[1]))
  stationFrame(lat, Math.atan2(d[1], d[0]), 0, frames, 6 * j)
}

function candidatesOf(cells: StationCells, p: Vec, r: number): { list: number; stations: Set<number> } {
  const [x, y, z] = [p[0] * r, p[1] * r, p[2] * r]
  const list = cellList(cells, x * x + y * y + z * z, x, y, z)
  return { list, stations: new Set(cells.stations.subarray(cells.start[list], cells.start[list + 1])) }
}

describe('station cells at their tightest', () => {
  it("keep the station of a satellite in each cell's farthest corner", () => {
    const r = 1.5 * R_EARTH * (1 - 1e-9)
    const sats: Vec[] = []
    const frames = new Float64Array(6 * 6 * N * N)
    const probe = new Float64Array(6)
    for (let face = 0; face < 6; face++) {
      for (let iv = 0; iv < N; iv++) {
        for (let iu = 0; iu < N; iu++) {
          const centre = onFace(face, grid(iu + 0.5), grid(iv + 0.5))
          const corners = [0, 1].flatMap((du) =>
            [0, 1].map((dv) => onFace(face, grid(iu + du), grid(iv + dv))),
          )
          const far = corners.reduce((a, b) => (dot(a, centre) <= dot(b, centre) ? a : b))
          // A hair inside the cell, then the great circle from the centre on past it.
          const p = unit([0, 1, 2].map((q) => far[q] + 1e-7 * (centre[q] - far[q])) as Vec)
          const c = dot(p, centre)
          const away = unit([0, 1, 2].map((q) => c * p[q] - centre[q]) as Vec)
          const at = (d: number): Vec =>
            unit([0, 1, 2].map((q) => p[q] * Math.cos(d) + away[q] * Math.sin(d)) as Vec)
          // The farthest station that still sees the satellite above 0°, by bisection.
          let lo = 0
          let hi = Math.PI / 2
          for (let k = 0; k < 50; k++) {
            const mid = (lo + hi) / 2
            stationAt(at(mid), probe, 0)
            if (elevationRad(probe, 0, p[0] * r, p[1] * r, p[2] * r) >= 0) lo = mid
            else hi = mid
          }
          stationAt(at(lo), frames, sats.length)
          sats.push(p)
        }
      }
    }
    const cells = buildStationCells(frames, new Float64Array(sats.length))
    const missed: string[] = []
    sats.forEach((p, j) => {
      expect(elevationRad(frames, 6 * j, p[0] * r, p[1] * r, p[2] * r)).toBeGreaterThanOrEqual(0)
      if (!candidatesOf(cells, p, r).stations.has(j)) missed.push(`cell ${j}: station ${j} not offered`)
    })
    expect(missed.slice(0, 5)).toEqual([])
  })

  it('bound a point just inside a class edge that falls on a bin edge with that class', () => {
    const frames = new Float64Array(6)
    stationFrame(0, 0, 0, frames, 0)
    const cells = buildStationCells(frames, new Float64Array([0]))
    // 1.5², 2², 3² and 6² Rₑ² are whole numbers of 1/32 Rₑ² bins: the bin below each edge ends
    // on it, so the class there is the edge's own, not the next, coarser one.
    for (const f of [1.5, 2, 3, 6]) {
      const { list } = candidatesOf(cells, [1, 0, 0], f * R_EARTH * (1 - 1e-9))
      expect({ f, class: Math.floor(list / CELLS) }).toEqual({ f, class: CLASS_RADII.indexOf(f) })
    }
  })

  it('offer every station to a point beyond the outermost class, however far', () => {
    const frames = new Float64Array(6 * 3)
    stationFrame(0, 0, 0, frames, 0)
    stationFrame(0, Math.PI, 0, frames, 6)
    stationFrame(89 * DEG, 0, 0, frames, 12)
    const cells = buildStationCells(frames, new Float64Array(3))
    for (const f of [6.001, 7, 10, 30, 60]) {
      const { list, stations } = candidatesOf(cells, [1, 0, 0], f * R_EARTH)
      expect({ f, class: Math.floor(list / CELLS), stations: [...stations] }).toEqual({
        f,
        class: CLASS_RADII.length,
        stations: [0, 1, 2],
      })
    }
  })
})
