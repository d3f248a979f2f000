// The access log: every contact window (satellite × station) and every eclipse interval per
// satellite, followed from the geometry pass's own visibility bits and sunlit flags, so a window
// is exactly what the `contacts` metric counts (one window per rising edge, those under way at the
// epoch included). Times are at step resolution: a window runs from the first to the last step at which
// the pair was visible; its maximum elevation is the highest sampled one.
//
// The state is plain typed arrays and flat number lists, so snapshots copy it with the rest and
// a restore rewinds it. After the first observation no allocation happens except when a window or
// an interval closes (one push of a few numbers) or more windows are open at once than ever before
// (the slot pool doubles).

import type { GeometryStepResult } from './geometry-pass'
import {
  type AccessState,
  CLIPPED_END,
  CLIPPED_START,
  ECLIPSE_FIELDS,
  growSlots,
  SLOT_FIELDS,
  WINDOW_FIELDS,
} from './run-records'
import { type SimState, stationWords } from './state'
import type { World } from './world'

/** Read once: an imported name is a getter call per use under tsx's CommonJS transform. */
const SF = SLOT_FIELDS

export interface ContactWindow {
  satellite: string
  station: string
  startS: number
  endS: number
  maxElevationDeg: number
  maxElevationS: number
  /** In progress at the start of the run (it began earlier). */
  clippedStart: boolean
  /** Still in progress when the report was made. */
  clippedEnd: boolean
}

export interface EclipseInterval {
  satellite: string
  startS: number
  endS: number
  clippedStart: boolean
  clippedEnd: boolean
}

export interface AccessReport {
  contacts: ContactWindow[]
  eclipses: EclipseInterval[]
}

/**
 * Two sines of elevation closer than this may have their arcsines in either order (rounding);
 * farther apart, the larger sine's arcsine is surely the larger: asin' ≥ 1 and asin is accurate
 * to an ulp (2.2e-16 at π/2), so a difference of 1e-9 in the sine outweighs any rounding.
 */
const SURELY = 1e-9

/** Highest elevation so far of the open window in slot `slot` (rad), its arcsine taken if deferred. */
function maxElevationOf(slots: Float64Array, slot: number): number {
  const q = slot * SF
  const el = slots[q + 1]
  return Number.isNaN(el) ? Math.asin(slots[q + 2]) : el
}

/** Satellite k's open window with station j (null when none), as the report would show it. */
export function openWindow(
  a: AccessState,
  ns: number,
  k: number,
  j: number,
): { start: number; maxEl: number; maxT: number; flags: number } | null {
  const words = stationWords(ns)
  if (((a.openBits[k * words + (j >> 5)] >>> (j & 31)) & 1) === 0) return null
  const slot = a.slotOf[k * ns + j]
  const q = slot * SF
  return {
    start: a.slots[q],
    maxEl: maxElevationOf(a.slots, slot),
    maxT: a.slots[q + 3],
    flags: a.slotFlags[slot],
  }
}

/**
 * Follows the visibility bits and sunlit flags the geometry pass `g` just wrote at time s.t. Only
 * the satellites it names are visited: those seen now or at the previous pass (the ones with
 * windows open), and those whose sunlit flag changed. Of those, only pairs in view now or with a
 * window open (set bits, lowest first, so windows close in satellite then station order). An open
 * window lives in a slot of a small pool, not in arrays over every pair. The arcsine of a
 * window's highest elevation is deferred while its sine surely grows (a rising pass) and taken
 * where the order is in doubt or the window closes, so every window gets the value and the time
 * the step-by-step arcsine would give.
 */
export function trackAccess(world: World, s: SimState, g: GeometryStepResult): void {
  const a = s.access
  if (a === null) return
  const ns = world.stations.length
  const t = s.t
  const flagsNow = Number.isNaN(a.lastT) ? CLIPPED_START : 0
  const last = a.lastT
  const frames = world.stationFrames
  const words = stationWords(ns)
  const { visible, ecef, sunlit } = s
  const { openBits, slotOf } = a
  let slots = a.slots
  const { touched, touchedCount, flipped, flippedCount } = g
  for (let i = 0; i < touchedCount; i++) {
    const k = touched[i]
    const o = 3 * k
    for (let w = 0; w < words; w++) {
      const vw = k * words + w
      const vis = visible[vw]
      const open = openBits[vw]
      let todo = vis | open
      if (todo === 0) continue
      openBits[vw] = vis
      while (todo !== 0) {
        const low = todo & -todo
        todo ^= low
        const j = (w << 5) + 31 - Math.clz32(low)
        const p = k * ns + j
        if ((vis & low) === 0) {
          const slot = slotOf[p]
          const q = slot * SF
          a.windows.push(k, j, slots[q], last, maxElevationOf(slots, slot), slots[q + 3], a.slotFlags[slot])
          a.free[a.freeCount++] = slot
          continue
        }
        const f = 6 * j
        const dx = ecef[o] - frames[f]
        const dy = ecef[o + 1] - frames[f + 1]
        const dz = ecef[o + 2] - frames[f + 2]
        const up = dx * frames[f + 3] + dy * frames[f + 4] + dz * frames[f + 5]
        const sinEl = Math.min(1, Math.max(-1, up / Math.sqrt(dx * dx + dy * dy + dz * dz)))
        if ((open & low) === 0) {
          if (a.freeCount === 0) {
            growSlots(a)
            slots = a.slots
          }
          const slot = a.free[--a.freeCount]
          slotOf[p] = slot
          const q = slot * SF
          slots[q] = t
          slots[q + 1] = Number.NaN
          slots[q + 2] = sinEl
          slots[q + 3] = t
          a.slotFlags[slot] = flagsNow
          continue
        }
        const q = slotOf[p] * SF
        if (sinEl > slots[q + 2] + SURELY) {
          slots[q + 1] = Number.NaN
          slots[q + 2] = sinEl
          slots[q + 3] = t
        } else if (sinEl >= slots[q + 2] - SURELY) {
          const el = Math.asin(sinEl)
          if (el > maxElevationOf(slots, slotOf[p])) {
            slots[q + 1] = el
            slots[q + 2] = sinEl
            slots[q + 3] = t
          }
        }
      }
    }
  }
  for (let i = 0; i < flippedCount; i++) {
    const k = flipped[i]
    const dark = sunlit[k] === 0
    const inEclipse = !Number.isNaN(a.eclipseStart[k])
    if (dark && !inEclipse) {
      a.eclipseStart[k] = t
      a.eclipseFlags[k] = flagsNow
    } else if (!dark && inEclipse) {
      a.eclipses.push(k, a.eclipseStart[k], last, a.eclipseFlags[k])
      a.eclipseStart[k] = Number.NaN
    }
  }
  a.lastT = t
}

const r = (x: number, digits: number): number => {
  const f = 10 ** digits
  return Math.round(x * f) / f
}

/**
 * Every window and interval so far, closed ones and those still open (ending now, clipped).
 * Contacts in time order (then satellite, then station order); eclipses per satellite in time order.
 * Undefined when the run keeps no access log (SimulationOptions.accessLog false).
 */
export function accessReport(world: World, s: SimState): AccessReport | undefined {
  const a = s.access
  if (a === null) return undefined
  const ns = world.stations.length
  const flat = [...a.windows]
  for (let k = 0; k < world.satCount; k++) {
    for (let j = 0; j < ns; j++) {
      const w = openWindow(a, ns, k, j)
      if (w) flat.push(k, j, w.start, s.t, w.maxEl, w.maxT, w.flags | CLIPPED_END)
    }
  }
  const order: number[] = []
  for (let w = 0; w < flat.length; w += WINDOW_FIELDS) order.push(w)
  order.sort((x, y) => flat[x + 2] - flat[y + 2] || flat[x] - flat[y] || flat[x + 1] - flat[y + 1])
  const contacts = order.map(
    (w): ContactWindow => ({
      satellite: world.sats[flat[w]].id,
      station: world.stations[flat[w + 1]].id,
      startS: flat[w + 2],
      endS: flat[w + 3],
      maxElevationDeg: r((flat[w + 4] * 180) / Math.PI, 3),
      maxElevationS: flat[w + 5],
      clippedStart: (flat[w + 6] & CLIPPED_START) !== 0,
      clippedEnd: (flat[w + 6] & CLIPPED_END) !== 0,
    }),
  )
  const dark = [...a.eclipses]
  for (let k = 0; k < a.eclipseStart.length; k++) {
    if (!Number.isNaN(a.eclipseStart[k]))
      dark.push(k, a.eclipseStart[k], s.t, a.eclipseFlags[k] | CLIPPED_END)
  }
  // Each satellite's intervals are already in time order here (one closes before the next opens,
  // and its open one comes last), so a stable sort by satellite alone keeps them in time order.
  const byOrder: number[] = []
  for (let e = 0; e < dark.length; e += ECLIPSE_FIELDS) byOrder.push(e)
  byOrder.sort((x, y) => dark[x] - dark[y])
  const eclipses = byOrder.map(
    (e): EclipseInterval => ({
      satellite: world.sats[dark[e]].id,
      startS: dark[e + 1],
      endS: dark[e + 2],
      clippedStart: (dark[e + 3] & CLIPPED_START) !== 0,
      clippedEnd: (dark[e + 3] & CLIPPED_END) !== 0,
    }),
  )
  return { contacts, eclipses }
}
