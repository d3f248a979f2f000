// A hand-made view for the allocation model's unit tests (no engine): satellites either hover
// over a fixed ground point (so whether they can image a target is the same at every step, and a
// test can derive first opportunities and station time by hand) or fly circular Keplerian orbits
// (so the opportunity predictor's coarse pre-filter meets real ground tracks). predictPosition
// answers in ECI like the engine's, logging every time it is asked; firstByExact is the
// step-by-step reference the predictor must equal.

import {
  type BusSpec,
  DEG,
  MU_EARTH,
  type SatelliteView,
  type TaskView,
  type WorldView,
} from '../../src/core'
import { geodeticToEcef } from '../../src/core/frames'
import { targetInFootprint } from '../../src/core/geometry'
import { gmstRad } from '../../src/core/time'
import { TEST_BUS } from '../support/spec-fixture'

export const EPOCH_MS = Date.UTC(2026, 2, 20)

export interface GroundSat {
  id?: string
  /** Hovers at this geocentric latitude / longitude (deg) … */
  over?: { latDeg: number; lonDeg: number }
  /** … or flies this circular orbit (argument of latitude u0 at t = 0). */
  orbit?: { incDeg: number; raanDeg: number; u0Deg: number }
  /** Orbit or hover radius, m (default 550 km above the equatorial radius). */
  radiusM?: number
  edit?: Partial<SatelliteView>
  bus?: Partial<BusSpec>
}

export interface GroundTask {
  latDeg: number
  lonDeg: number
  windowStartS?: number
  windowEndS?: number
  edit?: Partial<TaskView>
}

export interface GroundStation {
  latDeg: number
  lonDeg: number
  minElevationDeg?: number
  inOutage?: boolean
  outageEndsS?: number | null
}

export interface GroundViewOptions {
  timeS?: number
  stepS?: number
  durationS?: number
  sats: GroundSat[]
  tasks?: GroundTask[]
  stations?: GroundStation[]
}

const RADIUS_M = 6378137 + 550e3

/** ECI position of satellite `s` at tS, written to out[0..2]. */
function eci(s: GroundSat, tS: number, out: Float64Array | number[]): void {
  const r = s.radiusM ?? RADIUS_M
  if (s.orbit) {
    const u = s.orbit.u0Deg * DEG + Math.sqrt(MU_EARTH / r ** 3) * tS
    const [i, o] = [s.orbit.incDeg * DEG, s.orbit.raanDeg * DEG]
    out[0] = r * (Math.cos(u) * Math.cos(o) - Math.sin(u) * Math.sin(o) * Math.cos(i))
    out[1] = r * (Math.cos(u) * Math.sin(o) + Math.sin(u) * Math.cos(o) * Math.cos(i))
    out[2] = r * Math.sin(u) * Math.sin(i)
    return
  }
  const { latDeg, lonDeg } = s.over ?? { latDeg: 0, lonDeg: 0 }
  const e0 = r * Math.cos(latDeg * DEG) * Math.cos(lonDeg * DEG)
  const e1 = r * Math.cos(latDeg * DEG) * Math.sin(lonDeg * DEG)
  // ECEF → ECI: rotate back by the Greenwich sidereal angle.
  const g = gmstRad(EPOCH_MS + tS * 1000)
  out[0] = Math.cos(g) * e0 - Math.sin(g) * e1
  out[1] = Math.sin(g) * e0 + Math.cos(g) * e1
  out[2] = r * Math.sin(latDeg * DEG)
}

export function groundView(o: GroundViewOptions): { view: WorldView; asked: number[] } {
  const asked: number[] = []
  const timeS = o.timeS ?? 0
  const satellites = o.sats.map((s, k) => {
    const position = [0, 0, 0] as [number, number, number]
    eci(s, timeS, position)
    return {
      index: k,
      id: s.id ?? `S${k}`,
      failed: false,
      retired: false,
      pendingManeuvers: 0,
      soc: 0.9,
      mode: 'raw',
      storageUsedBits: 0,
      positionEciM: position,
      elements: { a: s.radiusM ?? RADIUS_M, e: 0 },
      bus: { ...TEST_BUS, ...s.bus },
      ...s.edit,
    } as SatelliteView
  })
  const tasks = (o.tasks ?? []).map(
    (t, q) =>
      ({
        index: q,
        id: `T${q}`,
        kind: 'image',
        target: { latRad: t.latDeg * DEG, lonRad: t.lonDeg * DEG },
        windowStartS: t.windowStartS ?? 0,
        windowEndS: t.windowEndS ?? 86_400,
        priority: 1,
        dataBits: 1e9,
        state: 'pending',
        assignedTo: null,
        capturedBy: null,
        capturedAtS: null,
        ...t.edit,
      }) as TaskView,
  )
  const stations = (o.stations ?? []).map((st, j) => ({
    index: j,
    id: `G${j}`,
    name: `G${j}`,
    latRad: st.latDeg * DEG,
    lonRad: st.lonDeg * DEG,
    altM: 0,
    minElevationRad: (st.minElevationDeg ?? 5) * DEG,
    inOutage: st.inOutage ?? false,
    outageEndsS: st.outageEndsS ?? null,
  }))
  const view = {
    timeS,
    epochMs: EPOCH_MS,
    stepS: o.stepS ?? 30,
    durationS: o.durationS ?? 86_400,
    satellites,
    stations,
    tasks,
    predictPosition(k: number, tS: number, out: Float64Array = new Float64Array(3)) {
      asked.push(tS)
      eci(o.sats[k], tS, out)
      return out
    },
  }
  return { view: view as unknown as WorldView, asked }
}

/**
 * The reference: the first step in [from, to] inside task q's window at which satellite k sees
 * its target (targetInFootprint after rotating by GMST, like the engine's canImage), or NaN.
 */
export function firstByExact(view: WorldView, k: number, q: number, from: number, to: number): number {
  const task = view.tasks[q]
  const sat = view.satellites[k]
  const tgt = new Float64Array(3)
  geodeticToEcef(task.target.latRad, task.target.lonRad, 0, tgt, 0)
  const p = new Float64Array(3)
  const step = view.stepS
  const start = Math.max(Math.ceil(from / step) * step, Math.ceil(task.windowStartS / step) * step)
  const end = Math.min(to, task.windowEndS, view.durationS)
  for (let t = start; t <= end; t += step) {
    view.predictPosition(k, t, p)
    const g = gmstRad(view.epochMs + t * 1000)
    const x = Math.cos(g) * p[0] + Math.sin(g) * p[1]
    const y = -Math.sin(g) * p[0] + Math.cos(g) * p[1]
    if (targetInFootprint(x, y, p[2], tgt[0], tgt[1], tgt[2], Math.cos(sat.bus.maxOffNadirRad))) return t
  }
  return Number.NaN
}
