// The coarse cone test may only ever let too many stations through, never too few: every
// station that sees a point by the exact elevation test must be in that point's candidate list.
// Points are drawn where a wrong bound would show: near each radius class's outer edge and near
// the stations' horizons, from the equator to the poles, and on the edges and corners of the
// cube's cells, where rounding decides which cell a direction falls in.

import { describe, expect, it } from 'vitest'
import { DEG, R_EARTH } from '../../src/core'
import { buildStationCells, CELLS, CLASS_RADII, cellList } from '../../src/core/engine/station-cells'
import { elevationRad, stationFrame } from '../../src/core/geometry'
import { createRng } from '../../src/core/rng'

const lats = [-89.9, -75, -52, -30, -8, 0, 12, 33, 48, 64, 81, 89.9]
const masks = [0, 0.2, 5, 30, -3]
/** The bound's margin below the mask, rad (the geodetic horizon tilts at most 0.2°). */
const MARGIN = 0.5 * DEG
/**
 * The largest cell's angular radius: the cells at a face's centre span 1/8 in gnomonic u and v,
 * and their centre is atan(√2/16) = 5.05° from their corner at the face's centre.
 */
const RHO_MAX = Math.atan(Math.SQRT2 / 16) + 1e-6

describe('station cells (coarse cone test)', () => {
  it('keep every station that sees a point by the exact test', () => {
    const ns = lats.length * masks.length
    const frames = new Float64Array(6 * ns)
    const sinMask = new Float64Array(ns)
    const maskRad: number[] = []
    let j = 0
    for (const lat of lats) {
      for (const m of masks) {
        stationFrame(lat * DEG, ((37 * j) % 360) * DEG, (j % 4) * 1500, frames, 6 * j)
        sinMask[j] = Math.sin(m * DEG)
        maskRad.push(m * DEG)
        j++
      }
    }
    const cells = buildStationCells(frames, sinMask)
    const rng = createRng(11)
    const edges = [1.0, 1.04, 1.08, 1.12, 1.16, 1.2, 1.3, 1.5, 2, 3, 6, 7]
    const missed: string[] = []
    const farther: string[] = []
    let seen = 0
    let offered = 0
    let leoPoints = 0
    for (let n = 0; n < 60000; n++) {
      // Near a station: up to 90° away, so horizons are crossed in every direction.
      const st = Math.floor(rng.next() * ns)
      const edge = edges[Math.floor(rng.next() * edges.length)]
      // Just inside or outside a class edge, or anywhere in the 0.04 Rₑ below it.
      const r = R_EARTH * (n % 2 === 0 ? edge - 0.002 * rng.next() + 0.0005 : edge - 0.04 * rng.next())
      const sx = frames[6 * st]
      const sy = frames[6 * st + 1]
      const sz = frames[6 * st + 2]
      const dir = [
        sx + (rng.next() - 0.5) * 2 * R_EARTH,
        sy + (rng.next() - 0.5) * 2 * R_EARTH,
        sz + (rng.next() - 0.5) * 2 * R_EARTH,
      ]
      // Every third point snapped to a cell edge (a coordinate at a multiple of 1/8 of the
      // largest) and every ninth to a cube edge (two coordinates equal in size).
      if (n % 3 === 0) {
        const big = Math.max(...dir.map(Math.abs))
        const c = 1 + Math.floor(rng.next() * 2)
        dir[c] = (Math.round((dir[c] / big) * 8) / 8) * big
        if (n % 9 === 0) dir[0] = Math.sign(dir[0] || 1) * Math.max(Math.abs(dir[1]), Math.abs(dir[2]))
      }
      const len = Math.hypot(dir[0], dir[1], dir[2])
      const x = (dir[0] / len) * r
      const y = (dir[1] / len) * r
      const z = (dir[2] / len) * r
      const list = cellList(cells, x * x + y * y + z * z, x, y, z)
      const candidates = new Set(cells.stations.subarray(cells.start[list], cells.start[list + 1]))
      if (edge <= 1.08) {
        offered += candidates.size
        leoPoints++
      }
      // And no candidate lies farther than the design lets it: the reach λ at the class's outer
      // radius, plus the point's and the station's distance from the cell's centre.
      const c = Math.floor(list / CELLS)
      for (const k of c < CLASS_RADII.length ? candidates : []) {
        if (maskRad[k] < 0) continue
        const rs = Math.hypot(frames[6 * k], frames[6 * k + 1], frames[6 * k + 2])
        const lambda = Math.acos((rs * Math.cos(MARGIN)) / (CLASS_RADII[c] * R_EARTH)) + MARGIN
        const cos = (frames[6 * k] * x + frames[6 * k + 1] * y + frames[6 * k + 2] * z) / (rs * r)
        const apart = Math.acos(Math.min(1, cos))
        if (apart > lambda + 2 * RHO_MAX)
          farther.push(`station ${k} ${((apart - lambda) / DEG).toFixed(2)}° past λ`)
      }
      for (let k = 0; k < ns; k++) {
        if (elevationRad(frames, 6 * k, x, y, z) < maskRad[k]) continue
        seen++
        if (!candidates.has(k)) missed.push(`station ${k} point r=${(r / R_EARTH).toFixed(4)} Rₑ`)
      }
    }
    expect(missed.slice(0, 5)).toEqual([])
    expect(farther.slice(0, 5)).toEqual([])
    expect(seen).toBeGreaterThan(10000)
    // And it is a real filter: in LEO well under all the stations (a fifth have negative masks
    // and are always offered, so at least 12 of the 60).
    expect(offered / leoPoints).toBeLessThan(0.4 * ns)
  })

  it('give every position an existing list: the centre, cube edges and corners, and far out', () => {
    const frames = new Float64Array(6)
    stationFrame(10 * DEG, 20 * DEG, 0, frames, 0)
    const cells = buildStationCells(frames, new Float64Array([0]))
    const lists = cells.start.length - 1
    const bad: string[] = []
    // Radii every 0.001 Rₑ from the centre to 8 Rₑ cross every bin, the last class's outer edge
    // and the table's end; directions on a face, an edge and a corner of the cube, both signs.
    for (let i = 0; i <= 8000; i++) {
      const r = (i / 1000) * R_EARTH
      for (const [a, b, c] of [
        [1, 0.3, -0.2],
        [-1, 1, 0.5],
        [1, -1, -1],
        [0, 0, -1],
      ]) {
        const len = Math.hypot(a, b, c)
        const [x, y, z] = [(a / len) * r, (b / len) * r, (c / len) * r]
        const list = cellList(cells, x * x + y * y + z * z, x, y, z)
        if (!(Number.isInteger(list) && list >= 0 && list < lists)) bad.push(`r=${i / 1000} Rₑ: ${list}`)
      }
    }
    expect(bad.slice(0, 5)).toEqual([])
  })
})
