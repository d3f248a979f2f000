// Builds the read-only WorldView a planner receives: a plain-data picture of now, plus
// prediction helpers that propagate copies and never touch the engine's state.

import type { SimEvent } from '../events'
import { targetInFootprint } from '../geometry'
import type { ComponentName } from '../spec'
import { gmstRad } from '../time'
import type { SatelliteView, StationView, TaskView, WorldView } from '../view'
import type { Ctx } from './context'
import { freshGeodetic } from './geodetic'
import { telemetryWindow } from './health'
import { elementsFromState } from './propagator'
import { STATUS_NAMES } from './state'

/** Event types a spacecraft operator could not know about: kept out of planners' sight. */
const HIDDEN: ReadonlySet<SimEvent['type']> = new Set(['degradationOnset'])

export function satelliteViews(ctx: Ctx): SatelliteView[] {
  const { world, s } = ctx
  const st = ctx.tmp6
  const geo = freshGeodetic(s)
  return world.sats.map((sat, k) => {
    const o = 3 * k
    for (let j = 0; j < 3; j++) {
      st[j] = s.pos[o + j]
      st[3 + j] = s.vel[o + j]
    }
    return {
      index: k,
      id: sat.id,
      role: sat.role === 'spare' && s.promoted[k] === 0 ? 'spare' : 'active',
      status: STATUS_NAMES[s.status[k]],
      failed: s.failed[k] !== 0,
      retired: s.retired[k] !== 0,
      elements: elementsFromState(st),
      isTle: ctx.prop.isTle(k),
      plane: sat.plane,
      slot: sat.slot,
      positionEciM: [s.pos[o], s.pos[o + 1], s.pos[o + 2]],
      velocityEciMS: [s.vel[o], s.vel[o + 1], s.vel[o + 2]],
      latRad: geo[o],
      lonRad: geo[o + 1],
      altM: geo[o + 2],
      sunlit: s.sunlit[k] !== 0,
      soc: socOf(ctx, k),
      storageUsedBits: s.storageBits[k],
      propellantKg: s.propellantKg[k],
      massKg: sat.bus.dryMassKg + s.propellantKg[k],
      thrusterOk: s.thrusterOk[k] !== 0,
      mode: s.edgeMode[k] !== 0 ? 'edge' : 'raw',
      bus: sat.bus,
      pendingManeuvers: s.pending.filter((p) => p.satellite === sat.id).length,
      pending: s.pending
        .filter((p) => p.satellite === sat.id)
        .map((p) => ({ atS: p.atS, purpose: p.purpose, replaces: p.replaces ?? null })),
    }
  })
}

export function socOf(ctx: Ctx, k: number): number {
  const bus = ctx.world.sats[k].bus
  const cap = bus.batteryCapacityJ * ctx.s.health[k * 3 + 1]
  return cap > 0 ? ctx.s.energyJ[k] / cap : 0
}

export function stationViews(ctx: Ctx): StationView[] {
  const { world, s } = ctx
  return world.stations.map((st, j) => {
    const end = s.outageEndS[j]
    return { ...st, index: j, inOutage: !Number.isNaN(end), outageEndsS: !Number.isNaN(end) ? end : null }
  })
}

export function taskViews(ctx: Ctx): TaskView[] {
  const { world, s } = ctx
  const out: TaskView[] = []
  for (let q = 0; q < s.knownTasks; q++) {
    const rec = s.tasks[q]
    out.push({
      ...world.tasks[q],
      index: q,
      state: rec.state,
      assignedTo: rec.assignedTo >= 0 ? world.sats[rec.assignedTo].id : null,
      capturedBy: rec.capturedBy >= 0 ? world.sats[rec.capturedBy].id : null,
      capturedAtS: rec.capturedBy >= 0 ? rec.capturedAtS : null,
    })
  }
  return out
}

/** Satellite k's predicted Earth-fixed position at tS (m), into out[0..2]. */
function predictEcef(ctx: Ctx, k: number, tS: number, out: Float64Array): void {
  ctx.prop.propagateOne(k, tS, out)
  const g = gmstRad(ctx.world.spec.epochMs + tS * 1000)
  const c = Math.cos(g)
  const sn = Math.sin(g)
  const x = out[0]
  const y = out[1]
  out[0] = c * x + sn * y
  out[1] = -sn * x + c * y
}

/** Whether station j sees satellite k at tS (ignoring outages). */
export function predictVisible(ctx: Ctx, k: number, j: number, tS: number, scratch: Float64Array): boolean {
  predictEcef(ctx, k, tS, scratch)
  const f = ctx.world.stationFrames
  const o = 6 * j
  const dx = scratch[0] - f[o]
  const dy = scratch[1] - f[o + 1]
  const dz = scratch[2] - f[o + 2]
  const up = dx * f[o + 3] + dy * f[o + 4] + dz * f[o + 5]
  return up >= ctx.world.sinMask[j] * Math.hypot(dx, dy, dz)
}

export function buildView(ctx: Ctx, plannerId: string, trigger: string): WorldView {
  const { world, s } = ctx
  const seen = s.plannerSeen[plannerId] ?? 0
  const recentEvents = s.events.slice(seen).filter((e) => !HIDDEN.has(e.type))
  const scratch = new Float64Array(6)
  return {
    timeS: s.t,
    epochMs: world.spec.epochMs,
    stepS: world.spec.stepS,
    durationS: world.spec.durationS,
    plannerCadenceS: world.spec.plannerCadenceS,
    failureHealth: world.spec.components.failureHealth,
    j2: world.spec.j2,
    satellites: satelliteViews(ctx),
    stations: stationViews(ctx),
    tasks: taskViews(ctx),
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
    trigger,
    telemetry: (k: number, component: ComponentName) => telemetryWindow(world, s, k, component),
    predictPosition: ((k: number, tS: number, out?: Float64Array) => {
      ctx.prop.propagateOne(k, tS, scratch)
      if (!out) return [scratch[0], scratch[1], scratch[2]]
      out[0] = scratch[0]
      out[1] = scratch[1]
      out[2] = scratch[2]
      return out
    }) as WorldView['predictPosition'],
    visibilityWindows(k, j, fromS, toS, sampleS = world.spec.stepS) {
      const windows: [number, number][] = []
      let open = Number.NaN
      for (let t = fromS; t <= toS; t += sampleS) {
        const see = predictVisible(ctx, k, j, t, scratch)
        if (see && Number.isNaN(open)) open = t
        if (!see && !Number.isNaN(open)) {
          windows.push([open, t - sampleS])
          open = Number.NaN
        }
      }
      if (!Number.isNaN(open)) windows.push([open, toS])
      return windows
    },
    canImage(k, q, tS) {
      predictEcef(ctx, k, tS, scratch)
      const g = 3 * q
      const tg = world.targetEcef
      return targetInFootprint(
        scratch[0],
        scratch[1],
        scratch[2],
        tg[g],
        tg[g + 1],
        tg[g + 2],
        world.cosOffNadir[k],
      )
    },
  }
}
