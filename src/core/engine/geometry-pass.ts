// The per-step geometry pass over every satellite: ECI → ECEF, eclipse, and visibility from
// every station. This is the hot loop of the engine: no allocation, no trigonometry per
// satellite (the Earth rotation's cos/sin are computed once per step), and the elevation mask is
// checked on squared quantities so no square root or arcsine is needed. Visibility is tested
// against each station's local vertical in Earth-fixed coordinates, so the satellite's geodetic
// latitude and height are not needed here: geodetic.ts computes them when something reads them.

import { R_EARTH } from '../constants'
import { type SimState, stationWords } from './state'
import { cellList } from './station-cells'
import type { World } from './world'

const R2 = R_EARTH * R_EARTH
/** Read once: an imported name is a getter call per use under tsx's CommonJS transform. */
const candidateList = cellList

export interface GeometryStepResult {
  /** New satellite–station passes that began this step. */
  newContacts: number
  /** Working satellites in eclipse this step. */
  eclipsed: number
  /** Stations (in service) that see at least one working satellite this step. */
  stationsInContact: number
  /** Working satellites that entered Earth's shadow this step. */
  eclipseEntries: number
  /**
   * Satellites seen by a station now or at the previous pass (touched[0 .. touchedCount), in
   * index order): the only ones whose contact windows can open, go on or close (access.ts).
   */
  touched: Int32Array
  touchedCount: number
  /** Satellites whose sunlit flag changed in this pass (flipped[0 .. flippedCount), in order). */
  flipped: Int32Array
  flippedCount: number
}

/** Whether station j saw satellite k at the last geometry pass. */
export function isVisible(visible: Uint32Array, stations: number, k: number, j: number): boolean {
  return ((visible[k * stationWords(stations) + (j >> 5)] >>> (j & 31)) & 1) === 1
}

let seen = new Uint8Array(0)
function seenScratch(ns: number): Uint8Array {
  if (seen.length !== ns) seen = new Uint8Array(ns)
  return seen
}

let wordsNow = new Uint32Array(0)
function wordScratch(words: number): Uint32Array {
  if (wordsNow.length !== words) wordsNow = new Uint32Array(words)
  return wordsNow
}

let down = new Uint8Array(0)
function stationDownScratch(ns: number): Uint8Array {
  if (down.length !== ns) down = new Uint8Array(ns)
  return down
}

const result: GeometryStepResult = {
  newContacts: 0,
  eclipsed: 0,
  stationsInContact: 0,
  eclipseEntries: 0,
  touched: new Int32Array(0),
  touchedCount: 0,
  flipped: new Int32Array(0),
  flippedCount: 0,
}

/**
 * Updates ecef, sunlit and visible for all satellites from `pos` (and marks geo stale). `sun` is the unit Sun
 * direction in ECI; `gmst` Earth's rotation angle. Stations in an outage see nothing.
 * Also finds, per station, the visible satellite with the most stored data (`bestSat`, -1 when
 * none): the default downlink choice. Returns a module-level object (overwritten next call).
 */
export function geometryPass(
  world: World,
  s: SimState,
  gmst: number,
  sun: Float64Array,
  bestSat: Int32Array,
  bestBits: Float64Array,
): GeometryStepResult {
  const n = world.satCount
  const ns = world.stations.length
  const pos = s.pos
  const ecef = s.ecef
  const frames = world.stationFrames
  const sinMask = world.sinMask
  const visible = s.visible
  const words = stationWords(ns)
  const upDot = world.stationUpDot
  const cells = world.stationCells
  const candStart = cells.start
  const candidates = cells.stations
  const maskNow = wordScratch(words)
  const stationDown = stationDownScratch(ns)
  for (let j = 0; j < ns; j++) stationDown[j] = !Number.isNaN(s.outageEndS[j]) ? 1 : 0
  const stationSeen = seenScratch(ns)
  stationSeen.fill(0)
  const c = Math.cos(gmst)
  const sn = Math.sin(gmst)
  const sx = sun[0]
  const sy = sun[1]
  const sz = sun[2]
  bestSat.fill(-1)
  bestBits.fill(0)
  const { storageBits: storage, sunlit, failed, safe } = s
  s.geoFresh = false
  let newContacts = 0
  let eclipsed = 0
  let eclipseEntries = 0
  if (result.touched.length !== n) {
    result.touched = new Int32Array(n)
    result.flipped = new Int32Array(n)
  }
  const { touched, flipped } = result
  let touchedCount = 0
  let flippedCount = 0
  for (let k = 0; k < n; k++) {
    const o = 3 * k
    const x = pos[o]
    const y = pos[o + 1]
    const z = pos[o + 2]
    // Earth-fixed frame: rotate by −GMST about z.
    const ex = c * x + sn * y
    const ey = -sn * x + c * y
    ecef[o] = ex
    ecef[o + 1] = ey
    ecef[o + 2] = z
    // Cylindrical shadow: behind Earth along −Sun and within one Earth radius of the axis.
    const along = x * sx + y * sy + z * sz
    const r2 = x * x + y * y + z * z
    // As 0/1 numbers, not branches: in a scattered fleet, shadow or not is a coin toss per
    // satellite, and a mispredicted branch costs more than the arithmetic.
    const shadow = Number(along < 0) & Number(r2 - along * along < R2)
    const wasLit = sunlit[k]
    const dead = failed[k] !== 0
    const counted = shadow & Number(!dead)
    eclipsed += counted
    eclipseEntries += counted & wasLit
    const lit = 1 - shadow
    if (lit !== wasLit) flipped[flippedCount++] = k
    sunlit[k] = lit
    const vo = k * words
    if (dead) {
      // A dead satellite talks to nobody; clearing here keeps the pass counts honest.
      let had = 0
      for (let w = 0; w < words; w++) {
        had |= visible[vo + w]
        visible[vo + w] = 0
      }
      if (had !== 0) touched[touchedCount++] = k
      continue
    }
    // Only a satellite with data and power competes for a station's antenna this step.
    const bits = safe[k] === 0 ? storage[k] : 0
    // The first word of the mask in a local (all of it with up to 32 stations), the rest in scratch.
    let mask0 = 0
    for (let w = 1; w < words; w++) maskNow[w] = 0
    // Coarse cone test: only the stations near this satellite's direction cell, for its radius.
    const list = candidateList(cells, r2, ex, ey, z)
    for (let i = candStart[list], end = candStart[list + 1]; i < end; i++) {
      const j = candidates[i]
      const f = 6 * j
      // Height above the station's horizon plane: (sat − station)·up = sat·up − station·up.
      const up = ex * frames[f + 3] + ey * frames[f + 4] + z * frames[f + 5] - upDot[j]
      const m = sinMask[j]
      const dx = ex - frames[f]
      const dy = ey - frames[f + 1]
      const dz = z - frames[f + 2]
      const mm = m * m * (dx * dx + dy * dy + dz * dz)
      // sin(elevation) = up / |d| ≥ m, written without the root (sign-aware for negative masks).
      // As 0/1 numbers, not branches: in a scattered fleet, whether a candidate station sees the
      // satellite is a coin toss (the mask's sign is a station's, and predictable).
      const see = m >= 0 ? Number(up > 0) & Number(up * up >= mm) : Number(up >= 0 || up * up <= mm)
      const bit = see & (1 - stationDown[j])
      if (j < 32) mask0 |= bit << j
      else maskNow[j >> 5] |= bit << (j & 31)
      stationSeen[j] |= bit
      // Taken rarely (seen, with more data than the best so far), so rarely mispredicted.
      if ((bit & Number(bits > bestBits[j])) !== 0) {
        bestBits[j] = bits
        bestSat[j] = k
      }
    }
    maskNow[0] = mask0
    let inView = 0
    for (let w = 0; w < words; w++) {
      const mask = maskNow[w]
      const old = visible[vo + w]
      inView |= mask | old
      if (mask !== old) {
        // Passes that began this step: bits set now and not before.
        let rising = (mask & ~old) >>> 0
        while (rising !== 0) {
          newContacts++
          rising &= rising - 1
        }
        visible[vo + w] = mask
      }
    }
    // Written always, counted only when in view (touchedCount ≤ k < n, so the slot exists): in a
    // scattered fleet, whether a satellite is in some station's view is another coin toss.
    touched[touchedCount] = k
    touchedCount += Number(inView !== 0)
  }
  result.touchedCount = touchedCount
  result.flippedCount = flippedCount
  result.newContacts = newContacts
  result.eclipsed = eclipsed
  let stationsInContact = 0
  for (let j = 0; j < ns; j++) stationsInContact += stationSeen[j]
  result.stationsInContact = stationsInContact
  result.eclipseEntries = eclipseEntries
  return result
}
