// Predicts, for every (task, satellite) pair and every capacity block (blocks of `blockS` seconds
// from the epoch), the first engine step in the block at which the satellite could image the
// task's target, and how much ground-station time each satellite can expect.
//
// Why not call view.canImage for every pair and every step: that is tasks × satellites × steps
// propagations. Instead each satellite is propagated once per coarse sample (view.predictPosition);
// a sample interval is a candidate for a target only if the target lies within the footprint's
// Earth central angle (plus a bound on how far the ground track strays from the great-circle arc
// between the interval's ends) of that arc: a latitude band first, on targets sorted by latitude,
// then two dot products (along and across the arc). Only candidates are checked step by step,
// with the same geometry as canImage (targetInFootprint after rotating by GMST), so the result is
// exact at the engine's step resolution: a pass is never missed and never invented.
//
// Pure: reads the view, allocates its own scratch, keeps nothing.

import { OMEGA_EARTH } from '../../core/constants'
import { geodeticToEcef, WGS84_B } from '../../core/frames'
import { sinElevation, stationFrame, targetInFootprint } from '../../core/geometry'
import { gmstRad } from '../../core/time'
import type { SatelliteView, TaskView, WorldView } from '../../core/view'

/** Extra central angle allowed for the ellipsoid and eccentric or approximate elements, rad. */
const SAFETY_RAD = 0.5 * (Math.PI / 180)

export interface Opportunities {
  /**
   * rows × sats × blocks, row-major (entry (i, c, b) at (i·sats + c)·blocks + b): the first step
   * (s after epoch) in block b at which satellite c can image task i; NaN if none.
   */
  firstS: Float64Array
  /** Index (from the epoch) of the first block, and the number of blocks spanned. */
  firstBlock: number
  blocks: number
  /**
   * Per satellite: predicted seconds of station time it can expect, from stations not in a known
   * outage, each station's time shared equally among the satellites it sees at once.
   */
  contactS: Float64Array
  /** The coarse sample spacing actually used (a whole number of engine steps), s. */
  sampleS: number
}

/** Earth central angle (rad) from the sub-satellite point to the edge of the imaging footprint. */
export function footprintHalfAngle(radiusM: number, maxOffNadirRad: number): number {
  const x = (radiusM * Math.sin(maxOffNadirRad)) / WGS84_B
  if (x >= 1) return Math.PI / 2 - Math.asin(Math.min(1, WGS84_B / radiusM))
  return Math.asin(x) - maxOffNadirRad
}

/**
 * Earth central angle (rad) from a station within which a satellite at radius `radiusM` can be
 * above the station's elevation mask: geocentric, with the polar radius and a degree of margin so
 * it never excludes a satellite the exact (geodetic) test would accept.
 */
export function visibilityHalfAngle(radiusM: number, minElevationRad: number): number {
  const x = (WGS84_B * Math.cos(minElevationRad)) / radiusM
  const angle = x >= 1 ? 0 : Math.acos(x) - minElevationRad
  return Math.min(Math.PI, Math.max(0, angle) + Math.PI / 180)
}

/**
 * Opportunities of `tasks` (rows) for `sats` (columns) at engine steps in [fromS, toS], per block
 * of `blockS` seconds (Infinity: one block). `sampleS` is rounded to a whole number of steps.
 */
export function predictOpportunities(
  view: WorldView,
  tasks: readonly TaskView[],
  sats: readonly SatelliteView[],
  fromS: number,
  toS: number,
  sampleS: number,
  blockS = Number.POSITIVE_INFINITY,
): Opportunities {
  const rows = tasks.length
  const cols = sats.length
  const step = view.stepS
  const ratio = Math.max(1, Math.round(sampleS / step))
  const S = ratio * step
  const first = Math.ceil(fromS / step - 1e-9) * step
  const last = Math.min(toS, view.durationS)
  const blockOf = (t: number) => (Number.isFinite(blockS) ? Math.floor(t / blockS + 1e-9) : 0)
  const firstBlock = blockOf(first)
  const nb = last >= first ? blockOf(last) - firstBlock + 1 : 1
  const firstS = new Float64Array(rows * cols * nb).fill(Number.NaN)
  const contactS = new Float64Array(cols)
  const empty = { firstS, contactS, sampleS: S, firstBlock, blocks: nb }
  if (cols === 0 || last < first) return empty

  // Targets: ECEF (for the exact test), unit vectors and geocentric latitude (for the filter).
  const tgt = new Float64Array(3 * rows)
  const unit = new Float64Array(3 * rows)
  const lat = new Float64Array(rows)
  const lo = new Float64Array(rows)
  const hi = new Float64Array(rows)
  for (let i = 0; i < rows; i++) {
    const t = tasks[i]
    geodeticToEcef(t.target.latRad, t.target.lonRad, 0, tgt, 3 * i)
    const r = norm3(tgt[3 * i], tgt[3 * i + 1], tgt[3 * i + 2])
    for (let d = 0; d < 3; d++) unit[3 * i + d] = tgt[3 * i + d] / r
    lat[i] = Math.asin(unit[3 * i + 2])
    lo[i] = Math.max(first, Math.ceil(t.windowStartS / step - 1e-9) * step)
    hi[i] = Math.min(last, t.windowEndS)
  }
  const byLat = Int32Array.from({ length: rows }, (_, i) => i).sort((x, y) => lat[x] - lat[y] || x - y)
  const sortedLat = Float64Array.from(byLat, (i) => lat[i])

  // Stations usable for downlink at a time: not in an outage that is known to last past it.
  const ns = view.stations.length
  const frames = new Float64Array(6 * ns)
  const sinMask = new Float64Array(ns)
  const stationUnit = new Float64Array(3 * ns)
  const blockedUntil = new Float64Array(ns).fill(Number.NEGATIVE_INFINITY)
  view.stations.forEach((st, j) => {
    stationFrame(st.latRad, st.lonRad, st.altM, frames, 6 * j)
    const r = norm3(frames[6 * j], frames[6 * j + 1], frames[6 * j + 2])
    for (let d = 0; d < 3; d++) stationUnit[3 * j + d] = frames[6 * j + d] / r
    sinMask[j] = Math.sin(st.minElevationRad)
    if (st.inOutage) blockedUntil[j] = st.outageEndsS ?? Number.POSITIVE_INFINITY
  })

  // Coarse samples at multiples of S; sample t covers the steps in (t − S, t].
  const t0 = Math.ceil(first / S - 1e-9) * S
  const nSamples = Math.floor((last - t0) / S + 1e-9) + 2
  const cosG = new Float64Array(nSamples)
  const sinG = new Float64Array(nSamples)
  for (let j = 0; j < nSamples; j++) {
    const g = gmstRad(view.epochMs + (t0 + j * S) * 1000)
    cosG[j] = Math.cos(g)
    sinG[j] = Math.sin(g)
  }
  const stepEcef = new Float64Array(3 * ratio)
  const stepReady = new Uint8Array(ratio)

  const p = new Float64Array(3)
  const ecefAt = (k: number, tS: number, out: Float64Array, o: number, c?: number, s?: number): void => {
    view.predictPosition(k, tS, p)
    let cg = c
    let sg = s
    if (cg === undefined || sg === undefined) {
      const g = gmstRad(view.epochMs + tS * 1000)
      cg = Math.cos(g)
      sg = Math.sin(g)
    }
    out[o] = cg * p[0] + sg * p[1]
    out[o + 1] = -sg * p[0] + cg * p[1]
    out[o + 2] = p[2]
  }

  const here = new Float64Array(3)
  const cosVisible = new Float64Array(ns)
  // sees[(sample·stations + station)·cols + c]: station sees satellite c at the sample.
  const sees = new Uint8Array(nSamples * ns * cols)
  const inView = new Int32Array(nSamples * ns)
  // Over one sample the ground track stays within 2·ω⊕·S of the great-circle arc between its ends
  // (the inertial track is a great circle; Earth turns by ω⊕·S under it).
  const drift = 2 * OMEGA_EARTH * S + SAFETY_RAD
  for (let c = 0; c < cols; c++) {
    const sat = sats[c]
    const k = sat.index
    const cosOff = Math.cos(sat.bus.maxOffNadirRad)
    const rMax = Math.max(
      sat.elements.a * (1 + Math.min(Math.max(sat.elements.e, 0), 0.99)),
      norm3(sat.positionEciM[0], sat.positionEciM[1], sat.positionEciM[2]),
    )
    const reach = footprintHalfAngle(rMax, sat.bus.maxOffNadirRad) + drift
    // A station can only see the satellite within this Earth central angle of its sub-point.
    for (let st = 0; st < ns; st++)
      cosVisible[st] = Math.cos(visibilityHalfAngle(rMax, view.stations[st].minElevationRad))
    const sinReach = Math.sin(Math.min(reach, Math.PI / 2))
    // Sub-satellite unit vector at the start of the current sample interval.
    ecefAt(k, t0 - S, here, 0)
    let ax = 0
    let ay = 0
    let az = 0
    {
      const r = norm3(here[0], here[1], here[2])
      ax = here[0] / r
      ay = here[1] / r
      az = here[2] / r
    }
    let remaining = rows * nb
    for (let j = 0; j < nSamples; j++) {
      const t = t0 + j * S
      if (t - S >= last) break
      ecefAt(k, t, here, 0, cosG[j], sinG[j])
      const r = norm3(here[0], here[1], here[2])
      const bx = here[0] / r
      const by = here[1] / r
      const bz = here[2] / r
      // Which stations see it (for the downlink share, below): a cheap angle test, then the mask.
      for (let st = 0; st < ns; st++) {
        const o = 3 * st
        if (blockedUntil[st] >= t) continue
        if (bx * stationUnit[o] + by * stationUnit[o + 1] + bz * stationUnit[o + 2] < cosVisible[st]) continue
        if (sinElevation(frames, 6 * st, here[0], here[1], here[2]) >= sinMask[st]) {
          sees[(j * ns + st) * cols + c] = 1
          inView[j * ns + st]++
        }
      }
      if (remaining > 0) {
        // The arc a→b: midpoint m, half-length h, unit normal n (when the arc is not degenerate).
        const cosAB = ax * bx + ay * by + az * bz
        const mLen = norm3(ax + bx, ay + by, az + bz)
        const wide = cosAB < 0 || mLen < 1e-9
        const mx = (ax + bx) / mLen
        const my = (ay + by) / mLen
        const mz = (az + bz) / mLen
        const h = Math.acos(Math.max(-1, Math.min(1, cosAB))) / 2
        let nx = ay * bz - az * by
        let ny = az * bx - ax * bz
        let nz = ax * by - ay * bx
        const nLen = norm3(nx, ny, nz)
        const planar = nLen > 1e-12
        if (planar) {
          nx /= nLen
          ny /= nLen
          nz /= nLen
        }
        const cosAlong = Math.cos(Math.min(h + reach, Math.PI))
        // Latitudes the arc spans: its ends, or its vertex (the point nearest a pole) when the
        // vertex lies on the arc.
        let latHi = Math.asin(Math.max(az, bz))
        let latLo = Math.asin(Math.min(az, bz))
        if (planar) {
          const vLen = norm3(-nz * nx, -nz * ny, 1 - nz * nz)
          if (vLen > 1e-12) {
            const along = (-nz * nx * mx - nz * ny * my + (1 - nz * nz) * mz) / vLen
            const vLat = Math.asin(Math.min(1, (1 - nz * nz) / vLen))
            const cosH = Math.cos(h)
            if (along >= cosH) latHi = vLat
            if (-along >= cosH) latLo = -vLat
          }
        }
        const from = wide ? 0 : lowerBound(sortedLat, latLo - reach)
        const to = wide ? Number.POSITIVE_INFINITY : latHi + reach
        stepReady.fill(0)
        for (let x = from; x < rows && sortedLat[x] <= to; x++) {
          const i = byLat[x]
          if (hi[i] < lo[i] || hi[i] <= t - S || lo[i] > t) continue
          const g = 3 * i
          if (!wide) {
            const tx = unit[g]
            const ty = unit[g + 1]
            const tz = unit[g + 2]
            if (tx * mx + ty * my + tz * mz < cosAlong) continue
            if (planar && Math.abs(tx * nx + ty * ny + tz * nz) > sinReach) continue
          }
          // Candidate: check every step of (t − S, t] inside the task's span, earliest first, in
          // blocks whose first opportunity is still unknown.
          const row = (i * cols + c) * nb - firstBlock
          for (let m = ratio - 1; m >= 0; m--) {
            const ts = t - m * step
            if (ts < lo[i] || ts > hi[i] || !Number.isNaN(firstS[row + blockOf(ts)])) continue
            const o = 3 * m
            if (stepReady[m] === 0) {
              ecefAt(k, ts, stepEcef, o)
              stepReady[m] = 1
            }
            if (
              targetInFootprint(
                stepEcef[o],
                stepEcef[o + 1],
                stepEcef[o + 2],
                tgt[g],
                tgt[g + 1],
                tgt[g + 2],
                cosOff,
              )
            ) {
              firstS[row + blockOf(ts)] = ts
              remaining--
            }
          }
        }
      }
      ax = bx
      ay = by
      az = bz
    }
  }
  // Downlink time: a sample stands for its steps in (t − S, t] inside the span; a station shares
  // it equally among the satellites it sees (it serves one at a time), and a satellite gets at
  // most the whole sample however many stations see it.
  for (let j = 0; j < nSamples; j++) {
    const t = t0 + j * S
    const steps = Math.floor((Math.min(t, last) - Math.max(t - S + step, first)) / step + 1e-9) + 1
    if (steps <= 0) continue
    for (let c = 0; c < cols; c++) {
      let share = 0
      for (let st = 0; st < ns; st++) {
        if (sees[(j * ns + st) * cols + c] === 1) share += 1 / inView[j * ns + st]
      }
      contactS[c] += Math.min(1, share) * steps * step
    }
  }
  return empty
}

/** |(x, y, z)|. Not Math.hypot: V8's builtin allocates on every call, and this is the hot loop. */
function norm3(x: number, y: number, z: number): number {
  return Math.sqrt(x * x + y * y + z * z)
}

/** First index whose value is ≥ x in an ascending array. */
function lowerBound(a: Float64Array, x: number): number {
  let l = 0
  let h = a.length
  while (l < h) {
    const m = (l + h) >>> 1
    if (a[m] < x) l = m + 1
    else h = m
  }
  return l
}
