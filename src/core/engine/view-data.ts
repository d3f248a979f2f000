// The plain-data half of a planner's WorldView: everything a planner may read about now, as
// fresh copies (never the engine's own objects), so a planner that writes into what it got
// changes nothing. The same data, structured-cloned, is what an isolated planner's thread
// receives; there `viewFromData` rebuilds the identical WorldView with the same core code.

import type { SimEvent } from '../events'
import type { WorldView } from '../view'
import type { Ctx } from './context'
import { elementsFromState } from './propagator'
import { STATUS_NAMES } from './state'

/** Event types a spacecraft operator could not know about: kept out of planners' sight. */
const HIDDEN: ReadonlySet<SimEvent['type']> = new Set(['degradationOnset'])

/** The telemetry ring the view's `telemetry()` reads (the engine's state, or a guest's copy). */
export interface TelemetryRing {
  telemetryCount: number
  telemetryT: Float64Array
  telemetryV: Float32Array
}

/** What changes from call to call; the scenario's constants come from the World. */
export type ViewData = Pick<
  WorldView,
  | 'timeS'
  | 'trigger'
  | 'satellites'
  | 'stations'
  | 'tasks'
  | 'conjunctions'
  | 'alerts'
  | 'bookings'
  | 'recentEvents'
>

/**
 * Telemetry samples `first`..`count-1` (t: one per sample, v: satCount·3 per sample): an
 * isolated planner's thread keeps its own ring and is sent only what it has not seen.
 */
export interface TelemetryDelta {
  count: number
  first: number
  t: Float64Array
  v: Float32Array
}

/** ViewData plus what an isolated thread needs to answer predictions exactly as the engine would. */
export interface PortableViewData extends ViewData {
  /** The propagator's mutable elements (Propagator.save()). */
  kepler: Float64Array
  telemetry: TelemetryDelta
}

export function socOf(ctx: Ctx, k: number): number {
  const bus = ctx.world.sats[k].bus
  const cap = bus.batteryCapacityJ * ctx.s.health[k * 3 + 1]
  return cap > 0 ? ctx.s.energyJ[k] / cap : 0
}

function copyEvent(e: SimEvent): SimEvent {
  return e.data ? { ...e, data: { ...e.data } } : { ...e }
}

/** Fresh plain data for one planner call; shares no object with the engine. */
export function viewData(ctx: Ctx, plannerId: string, trigger: string): ViewData {
  const { world, s } = ctx
  const st = ctx.tmp6
  const seen = s.plannerSeen[plannerId] ?? 0
  const satellites = world.sats.map((sat, k) => {
    const o = 3 * k
    for (let j = 0; j < 3; j++) {
      st[j] = s.pos[o + j]
      st[3 + j] = s.vel[o + j]
    }
    const pending = s.pending.filter((p) => p.satellite === sat.id)
    return {
      index: k,
      id: sat.id,
      role: sat.role === 'spare' && s.promoted[k] === 0 ? ('spare' as const) : ('active' as const),
      status: STATUS_NAMES[s.status[k]],
      failed: s.failed[k] !== 0,
      retired: s.retired[k] !== 0,
      elements: elementsFromState(st),
      isTle: ctx.prop.isTle(k),
      plane: sat.plane,
      slot: sat.slot,
      positionEciM: [s.pos[o], s.pos[o + 1], s.pos[o + 2]] as [number, number, number],
      velocityEciMS: [s.vel[o], s.vel[o + 1], s.vel[o + 2]] as [number, number, number],
      latRad: s.geo[o],
      lonRad: s.geo[o + 1],
      altM: s.geo[o + 2],
      sunlit: s.sunlit[k] !== 0,
      soc: socOf(ctx, k),
      storageUsedBits: s.storageBits[k],
      propellantKg: s.propellantKg[k],
      massKg: sat.bus.dryMassKg + s.propellantKg[k],
      thrusterOk: s.thrusterOk[k] !== 0,
      mode: s.edgeMode[k] !== 0 ? ('edge' as const) : ('raw' as const),
      bus: { ...sat.bus },
      pendingManeuvers: pending.length,
      pending: pending.map((p) => ({ atS: p.atS, purpose: p.purpose, replaces: p.replaces ?? null })),
    }
  })
  const stations = world.stations.map((sta, j) => {
    const end = s.outageEndS[j]
    return { ...sta, index: j, inOutage: !Number.isNaN(end), outageEndsS: !Number.isNaN(end) ? end : null }
  })
  const tasks = []
  for (let q = 0; q < s.knownTasks; q++) {
    const rec = s.tasks[q]
    const spec = world.tasks[q]
    tasks.push({
      ...spec,
      target: { ...spec.target },
      index: q,
      state: rec.state,
      assignedTo: rec.assignedTo >= 0 ? world.sats[rec.assignedTo].id : null,
      capturedBy: rec.capturedBy >= 0 ? world.sats[rec.capturedBy].id : null,
      capturedAtS: rec.capturedBy >= 0 ? rec.capturedAtS : null,
    })
  }
  const recentEvents: SimEvent[] = []
  for (let e = seen; e < s.events.length; e++)
    if (!HIDDEN.has(s.events[e].type)) recentEvents.push(copyEvent(s.events[e]))
  return {
    timeS: s.t,
    trigger,
    satellites,
    stations,
    tasks,
    conjunctions: s.conjunctions.map(({ debrisAtTca: _hidden, ...c }) => ({ ...c })),
    alerts: s.alerts.map((a) => ({ ...a })),
    bookings: s.bookings
      .filter((b) => b.endS >= s.t)
      .map((b) => ({
        satellite: world.sats[b.satellite].id,
        station: world.stations[b.station].id,
        startS: b.startS,
        endS: b.endS,
      })),
    recentEvents,
  }
}

/**
 * ViewData plus the propagator's elements and the telemetry samples from `known` on (what the
 * receiving thread already holds; 0 for a fresh thread), for a planner behind a boundary.
 */
export function portableViewData(
  ctx: Ctx,
  plannerId: string,
  trigger: string,
  known: number,
): PortableViewData {
  const { s, world } = ctx
  const count = s.telemetryCount
  const w = world.telemetryWindow
  // A thread that holds more samples than exist (the engine was restored to an earlier time)
  // gets the whole window again.
  const first = Math.max(known <= count ? known : 0, count - w, 0)
  const stride = world.satCount * 3
  const t = new Float64Array(count - first)
  const v = new Float32Array((count - first) * stride)
  for (let i = first; i < count; i++) {
    const slot = i % w
    t[i - first] = s.telemetryT[slot]
    v.set(s.telemetryV.subarray(slot * stride, (slot + 1) * stride), (i - first) * stride)
  }
  return {
    ...viewData(ctx, plannerId, trigger),
    kepler: ctx.prop.save(),
    telemetry: { count, first, t, v },
  }
}

/** Writes a delta into a ring of the same window (the guest's side of portableViewData). */
export function applyTelemetryDelta(ring: TelemetryRing, d: TelemetryDelta, satCount: number): void {
  const w = ring.telemetryT.length
  const stride = satCount * 3
  for (let i = d.first; i < d.count; i++) {
    const slot = i % w
    ring.telemetryT[slot] = d.t[i - d.first]
    ring.telemetryV.set(d.v.subarray((i - d.first) * stride, (i - d.first + 1) * stride), slot * stride)
  }
  ring.telemetryCount = d.count
}
