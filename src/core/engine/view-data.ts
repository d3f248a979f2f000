// The plain-data half of a planner's WorldView: everything a planner may read about now, as
// fresh copies (never the engine's own objects), so a planner that writes into what it got
// changes nothing. The same data, structured-cloned, is what an isolated planner's thread
// receives; there `viewFromData` rebuilds the identical WorldView with the same core code.

import type { SimEvent } from '../events'
import type { Ctx } from './context'
import { freshGeodetic } from './geodetic'
import type { PackedView, PortableViewData, TelemetryDelta, TelemetryRing, ViewData } from './planner-io'
import { elementsFromState } from './propagator'
import { STATUS_NAMES } from './state'
import type { World } from './world'

/** Event types a spacecraft operator could not know about: kept out of planners' sight. */
const HIDDEN: ReadonlySet<SimEvent['type']> = new Set(['degradationOnset'])

export type { PackedView, PortableViewData, TelemetryDelta, TelemetryRing, ViewData }

/** Numbers per satellite in PackedView.sats, in this order. */
const F = {
  status: 0,
  failed: 1,
  retired: 2,
  promoted: 3,
  pos: 4,
  vel: 7,
  geo: 10,
  sunlit: 13,
  soc: 14,
  storage: 15,
  propellant: 16,
  thrusterOk: 17,
  edge: 18,
} as const
const SAT_FIELDS = 19

export function socOf(ctx: Ctx, k: number): number {
  const bus = ctx.world.sats[k].bus
  const cap = bus.batteryCapacityJ * ctx.s.health[k * 3 + 1]
  return cap > 0 ? ctx.s.energyJ[k] / cap : 0
}

function copyEvent(e: SimEvent): SimEvent {
  return e.data ? { ...e, data: { ...e.data } } : { ...e }
}

/** The engine's state now, packed for one planner call; shares no object with the engine. */
export function packView(ctx: Ctx, plannerId: string, trigger: string): PackedView {
  const { world, s } = ctx
  const n = world.satCount
  const sats = new Float64Array(n * SAT_FIELDS)
  const geo = freshGeodetic(s)
  for (let k = 0; k < n; k++) {
    const b = k * SAT_FIELDS
    const o = 3 * k
    sats[b + F.status] = s.status[k]
    sats[b + F.failed] = s.failed[k]
    sats[b + F.retired] = s.retired[k]
    sats[b + F.promoted] = s.promoted[k]
    for (let j = 0; j < 3; j++) {
      sats[b + F.pos + j] = s.pos[o + j]
      sats[b + F.vel + j] = s.vel[o + j]
      sats[b + F.geo + j] = geo[o + j]
    }
    sats[b + F.sunlit] = s.sunlit[k]
    sats[b + F.soc] = socOf(ctx, k)
    sats[b + F.storage] = s.storageBits[k]
    sats[b + F.propellant] = s.propellantKg[k]
    sats[b + F.thrusterOk] = s.thrusterOk[k]
    sats[b + F.edge] = s.edgeMode[k]
  }
  const tasks: PackedView['tasks'] = []
  for (let q = 0; q < s.knownTasks; q++) {
    const r = s.tasks[q]
    tasks.push({
      state: r.state,
      assignedTo: r.assignedTo,
      capturedBy: r.capturedBy,
      capturedAtS: r.capturedAtS,
    })
  }
  const recentEvents: SimEvent[] = []
  for (let e = s.plannerSeen[plannerId] ?? 0; e < s.events.length; e++)
    if (!HIDDEN.has(s.events[e].type)) recentEvents.push(copyEvent(s.events[e]))
  return {
    timeS: s.t,
    trigger,
    sats,
    pending: s.pending.map((p) => ({
      k: world.satIndex.get(p.satellite) ?? -1,
      atS: p.atS,
      purpose: p.purpose,
      replaces: p.replaces ?? null,
    })),
    outageEndS: s.outageEndS.slice(),
    tasks,
    conjunctions: s.conjunctions.map(({ debrisAtTca: _hidden, ...c }) => ({ ...c })),
    alerts: s.alerts.map((a) => ({ ...a })),
    bookings: s.bookings.map((b) => ({
      satellite: world.sats[b.satellite].id,
      station: world.stations[b.station].id,
      startS: b.startS,
      endS: b.endS,
    })),
    recentEvents,
  }
}

/** The view's plain data from a PackedView (in the engine, or in an isolated planner's thread). */
export function unpackView(world: World, p: PackedView): ViewData {
  const st = new Float64Array(6)
  const sats = p.sats
  const satellites = world.sats.map((sat, k) => {
    const b = k * SAT_FIELDS
    for (let j = 0; j < 6; j++) st[j] = sats[b + F.pos + j]
    const pending = p.pending.filter((m) => m.k === k)
    return {
      index: k,
      id: sat.id,
      role: sat.role === 'spare' && sats[b + F.promoted] === 0 ? ('spare' as const) : ('active' as const),
      status: STATUS_NAMES[sats[b + F.status]],
      failed: sats[b + F.failed] !== 0,
      retired: sats[b + F.retired] !== 0,
      elements: elementsFromState(st),
      isTle: k >= world.keplerCount,
      plane: sat.plane,
      slot: sat.slot,
      positionEciM: [sats[b + F.pos], sats[b + F.pos + 1], sats[b + F.pos + 2]] as [number, number, number],
      velocityEciMS: [sats[b + F.vel], sats[b + F.vel + 1], sats[b + F.vel + 2]] as [number, number, number],
      latRad: sats[b + F.geo],
      lonRad: sats[b + F.geo + 1],
      altM: sats[b + F.geo + 2],
      sunlit: sats[b + F.sunlit] !== 0,
      soc: sats[b + F.soc],
      storageUsedBits: sats[b + F.storage],
      propellantKg: sats[b + F.propellant],
      massKg: sat.bus.dryMassKg + sats[b + F.propellant],
      thrusterOk: sats[b + F.thrusterOk] !== 0,
      mode: sats[b + F.edge] !== 0 ? ('edge' as const) : ('raw' as const),
      bus: { ...sat.bus },
      pendingManeuvers: pending.length,
      pending: pending.map((m) => ({ atS: m.atS, purpose: m.purpose, replaces: m.replaces })),
    }
  })
  const stations = world.stations.map((sta, j) => {
    const end = p.outageEndS[j]
    return { ...sta, index: j, inOutage: !Number.isNaN(end), outageEndsS: !Number.isNaN(end) ? end : null }
  })
  const tasks = p.tasks.map((r, q) => {
    const spec = world.tasks[q]
    return {
      ...spec,
      target: { ...spec.target },
      index: q,
      state: r.state,
      assignedTo: r.assignedTo >= 0 ? world.sats[r.assignedTo].id : null,
      capturedBy: r.capturedBy >= 0 ? world.sats[r.capturedBy].id : null,
      capturedAtS: r.capturedBy >= 0 ? r.capturedAtS : null,
    }
  })
  return {
    timeS: p.timeS,
    trigger: p.trigger,
    satellites,
    stations,
    tasks,
    conjunctions: p.conjunctions,
    alerts: p.alerts,
    bookings: p.bookings,
    recentEvents: p.recentEvents,
  }
}

/** Fresh plain data for one in-process planner call (the same path as across a boundary). */
export function viewData(ctx: Ctx, plannerId: string, trigger: string): ViewData {
  return unpackView(ctx.world, packView(ctx, plannerId, trigger))
}

/**
 * The packed view plus the propagator's elements and the telemetry samples from `known` on
 * (what the receiving thread already holds; 0 for a fresh thread), for a planner behind a
 * boundary.
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
    ...packView(ctx, plannerId, trigger),
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
