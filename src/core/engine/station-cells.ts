// A coarse cone test for the geometry pass: which stations could possibly see a satellite, from
// the direction of its position and its radius, so the exact elevation test runs on the one or
// two stations near it instead of on every station whose latitude is near.
//
// Why it is safe: a satellite at radius r is above elevation m of a station at radius Rs only
// within the Earth-central angle λ = acos(Rs·cos m / r) − m of it (the station–satellite–centre
// triangle), and λ grows with r. The exact test uses the geodetic horizon, which tilts at most
// 0.2° from the geocentric one, so every station with a mask m ≥ 0 is bounded with m = −0.5°
// (a margin over the tilt). Directions are binned in cells of a cube's faces (gnomonic: the
// cell a direction falls in takes a division and no trigonometry); every point of a cell lies
// within ρ of the cell's centre direction (ρ: the angle to its farthest corner, the farthest
// point of a cell whose edges are great-circle arcs), so a station is a candidate for a cell
// when its direction is within λ + ρ of the centre. Rounding (a direction that lands in the
// neighbouring cell, a radius a hair past its bin) moves the bound by some 1e-13 rad, far inside
// the 0.3° the margin keeps over the tilt, so the test needs no slack of its own. Radii are
// grouped into classes (λ taken at the class's outer radius); beyond the last class, and for
// stations with a negative mask, every station is a candidate.

import { R_EARTH } from '../constants'

/** Cells per edge of a cube face. */
const N = 16
/** Cells per radius class (a candidate list's index is class · CELLS + cell). */
export const CELLS = 6 * N * N
/** Outer radius of each class, in Earth radii. */
export const CLASS_RADII = [1.04, 1.08, 1.12, 1.16, 1.2, 1.3, 1.5, 2, 3, 6]
const CLASS_R2 = CLASS_RADII.map((f) => (f * R_EARTH) ** 2)
const MARGIN = 0.5 * (Math.PI / 180)
const INV_RE2 = 1 / (R_EARTH * R_EARTH)
/**
 * Bins of squared radius per Earth radius². A satellite whose squared radius lies a rounding error
 * above its bin's upper edge is still bounded: that shifts λ by some 1e-13 rad, far inside the
 * 0.3° the margin keeps over the horizon's tilt.
 */
const BINS_PER_RE2 = 32

export interface StationCells {
  /**
   * The radius class of each bin of squared radius (BINS_PER_RE2 bins per Earth radius², from
   * one): the first class whose outer radius reaches the bin's upper edge; the last bin, and any
   * beyond the outermost class, in the "all" class.
   */
  classOfBin: Uint8Array
  /**
   * Candidate lists, one per (class, face, cell), in CSR form: stations[start[i] .. start[i + 1]).
   * Station indices in 16 bits while they fit (a fixed cost of some 170 kB at 20 stations, not 340).
   */
  start: Int32Array
  stations: Uint16Array | Int32Array
}

/** Index of the candidate list for a satellite at squared radius r2 and ECEF position x, y, z. */
export function cellList(cells: StationCells, r2: number, x: number, y: number, z: number): number {
  // The class from a table by squared radius: satellites of a scattered fleet differ in class
  // from one to the next, and a search over the classes would cost a mispredicted branch each.
  let bin = Math.floor((r2 * INV_RE2 - 1) * BINS_PER_RE2)
  if (!(bin >= 0)) bin = 0
  else if (bin >= cells.classOfBin.length) bin = cells.classOfBin.length - 1
  const c = cells.classOfBin[bin]
  const ax = x < 0 ? -x : x
  const ay = y < 0 ? -y : y
  const az = z < 0 ? -z : z
  let face: number
  let big: number
  let u: number
  let v: number
  if (ax >= ay && ax >= az) {
    face = x >= 0 ? 0 : 1
    big = ax
    u = y
    v = z
  } else if (ay >= az) {
    face = y >= 0 ? 2 : 3
    big = ay
    u = x
    v = z
  } else {
    face = z >= 0 ? 4 : 5
    big = az
    u = x
    v = y
  }
  // |u|, |v| ≤ big, and big · fl(8 / big) rounds to at most 8, so u · scale ≥ −N/2 and the
  // indices are never negative; u = big gives N, the last cell's far edge, kept in the last cell.
  const scale = big > 0 ? N / 2 / big : 0
  let iu = Math.floor(u * scale + N / 2)
  let iv = Math.floor(v * scale + N / 2)
  if (iu >= N) iu = N - 1
  if (iv >= N) iv = N - 1
  return c * CELLS + face * N * N + iv * N + iu
}

/** Unit direction of face `face` at face coordinates (u, v) in [−1, 1]. */
function faceDirection(face: number, u: number, v: number): number[] {
  const s = face % 2 === 0 ? 1 : -1
  const d = face < 2 ? [s, u, v] : face < 4 ? [u, s, v] : [u, v, s]
  const len = Math.hypot(d[0], d[1], d[2])
  return d.map((q) => q / len)
}

const angle = (a: number[], b: number[]): number =>
  Math.acos(Math.min(1, Math.max(-1, a[0] * b[0] + a[1] * b[1] + a[2] * b[2])))

/** Candidate lists from station frames (6 per station: ECEF position, up) and mask sines. */
export function buildStationCells(frames: Float64Array, sinMask: Float64Array): StationCells {
  const ns = sinMask.length
  const classes = CLASS_RADII.length + 1
  const radius = Array.from({ length: ns }, (_, j) =>
    Math.hypot(frames[6 * j], frames[6 * j + 1], frames[6 * j + 2]),
  )
  const dirs = radius.map((rs, j) => [0, 1, 2].map((q) => frames[6 * j + q] / rs))
  // Every cell's centre direction and angular radius (the same in every class): the angle from
  // its centre to its farthest corner.
  const at = (i: number) => (2 * i) / N - 1
  const shape = Array.from({ length: CELLS }, (_, cell) => {
    const face = Math.floor(cell / (N * N))
    const iv = Math.floor(cell / N) % N
    const iu = cell % N
    const centre = faceDirection(face, at(iu + 0.5), at(iv + 0.5))
    const corners = [
      [0, 0],
      [1, 0],
      [0, 1],
      [1, 1],
    ].map(([du, dv]) => angle(centre, faceDirection(face, at(iu + du), at(iv + dv))))
    return { centre, rho: Math.max(...corners) }
  })
  const lists: number[][] = []
  for (let c = 0; c < classes; c++) {
    for (let cell = 0; cell < CELLS; cell++) {
      const list: number[] = []
      for (let j = 0; j < ns; j++) {
        if (c === classes - 1 || sinMask[j] < 0) {
          list.push(j)
          continue
        }
        const rc = CLASS_RADII[c] * R_EARTH
        const lambda = Math.acos(Math.min(1, (radius[j] * Math.cos(-MARGIN)) / rc)) + MARGIN
        if (angle(dirs[j], shape[cell].centre) <= lambda + shape[cell].rho) list.push(j)
      }
      lists.push(list)
    }
  }
  const start = new Int32Array(lists.length + 1)
  for (let i = 0; i < lists.length; i++) start[i + 1] = start[i] + lists[i].length
  // One bin more than reach the outermost class: the last bin's upper edge lies past it, so that
  // bin, where cellList clamps every farther satellite, falls in the "all" class.
  const bins = Math.ceil((CLASS_RADII[CLASS_RADII.length - 1] ** 2 - 1) * BINS_PER_RE2) + 1
  const classOfBin = Uint8Array.from({ length: bins }, (_, b) => {
    const upper = (1 + (b + 1) / BINS_PER_RE2) * R_EARTH * R_EARTH
    const c = CLASS_R2.findIndex((r2) => upper <= r2)
    return c < 0 ? CLASS_R2.length : c
  })
  const flat = lists.flat()
  const stations = ns <= 0x10000 ? Uint16Array.from(flat) : Int32Array.from(flat)
  return { classOfBin, start, stations }
}
