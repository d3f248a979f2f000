// The access log: every contact window (satellite × station) and every eclipse interval per
// satellite, followed from the geometry pass's own visibility bits and sunlit flags, so a window
// is exactly what the `contacts` metric counts (one window per rising edge, those under way at the
// epoch included). Times are at step resolution: a window runs from the first to the last step at which
// the pair was visible; its maximum elevation is the highest sampled one.
//
// The state is plain typed arrays and flat number lists, so snapshots copy it with the rest and
// a restore rewinds it. After the first observation no allocation happens except when a window or
// an interval closes (one push of a few numbers).

import { isVisible } from './geometry-pass'
import { CLIPPED_END, CLIPPED_START, ECLIPSE_FIELDS, WINDOW_FIELDS } from './run-records'
import { type SimState, stationWords } from './state'
import type { World } from './world'

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

/** Follows the visibility bits and sunlit flags the geometry pass just wrote at time s.t. */
export function trackAccess(world: World, s: SimState): void {
  const a = s.access
  if (a === null) return
  const n = world.satCount
  const ns = world.stations.length
  const t = s.t
  const first = Number.isNaN(a.lastT)
  const last = a.lastT
  const frames = world.stationFrames
  const words = stationWords(ns)
  for (let k = 0; k < n; k++) {
    const o = 3 * k
    // Most satellites see no station and had no window open: nothing to do for them.
    let inView = a.openCount[k] > 0
    for (let w = 0; w < words && !inView; w++) inView = s.visible[k * words + w] !== 0
    for (let j = 0; inView && j < ns; j++) {
      const p = k * ns + j
      const open = !Number.isNaN(a.openStart[p])
      if (isVisible(s.visible, ns, k, j)) {
        const f = 6 * j
        const dx = s.ecef[o] - frames[f]
        const dy = s.ecef[o + 1] - frames[f + 1]
        const dz = s.ecef[o + 2] - frames[f + 2]
        const up = dx * frames[f + 3] + dy * frames[f + 4] + dz * frames[f + 5]
        const el = Math.asin(Math.min(1, Math.max(-1, up / Math.sqrt(dx * dx + dy * dy + dz * dz))))
        if (!open) {
          a.openCount[k]++
          a.openStart[p] = t
          a.openMaxEl[p] = el
          a.openMaxT[p] = t
          a.openFlags[p] = first ? CLIPPED_START : 0
        } else if (el > a.openMaxEl[p]) {
          a.openMaxEl[p] = el
          a.openMaxT[p] = t
        }
      } else if (open) {
        a.windows.push(k, j, a.openStart[p], last, a.openMaxEl[p], a.openMaxT[p], a.openFlags[p])
        a.openStart[p] = Number.NaN
        a.openCount[k]--
      }
    }
    const dark = s.sunlit[k] === 0
    const inEclipse = !Number.isNaN(a.eclipseStart[k])
    if (dark && !inEclipse) {
      a.eclipseStart[k] = t
      a.eclipseFlags[k] = first ? CLIPPED_START : 0
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
 */
export function accessReport(world: World, s: SimState): AccessReport | undefined {
  const a = s.access
  if (a === null) return undefined
  const ns = world.stations.length
  const flat = [...a.windows]
  for (let p = 0; p < a.openStart.length; p++) {
    if (Number.isNaN(a.openStart[p])) continue
    flat.push(
      Math.floor(p / ns),
      p % ns,
      a.openStart[p],
      s.t,
      a.openMaxEl[p],
      a.openMaxT[p],
      a.openFlags[p] | CLIPPED_END,
    )
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
  const byOrder: number[] = []
  for (let e = 0; e < dark.length; e += ECLIPSE_FIELDS) byOrder.push(e)
  byOrder.sort((x, y) => dark[x] - dark[y] || dark[x + 1] - dark[y + 1])
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
