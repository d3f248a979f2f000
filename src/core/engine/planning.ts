// Calling planners and containing them. A planner is untrusted: if it throws, returns
// something that is not a list of decisions, or overruns its time budget, its output is
// discarded with a logged fault; each decision is validated on its own, and only valid ones
// change the world. Maintenance planners run first so their alerts inform the others.

import type { Decision, PlannerKind } from '../decisions'
import { preview } from '../preview'
import { COMPONENT_NAMES } from '../spec'
import type { Ctx, EnginePlanner } from './context'
import { burnRefusal, deltaVMagnitude, propellantFor } from './maneuver'
import { STATUS_ALERT } from './state'
import { buildView, predictVisible } from './view-builder'

const KIND_ORDER: Record<PlannerKind, number> = { maintenance: 0, trajectory: 1, allocation: 2 }

export function orderPlanners(planners: EnginePlanner[]): EnginePlanner[] {
  return [...planners].sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || (a.id < b.id ? -1 : 1))
}

/** Runs the planners due now: all on the cadence, or those subscribed to events logged since. */
export function runDuePlanners(ctx: Ctx, cadenceDue: boolean, firstNewEvent: number): void {
  for (const p of ctx.planners) {
    let trigger: string | null = cadenceDue ? 'cadence' : null
    if (!trigger && p.triggers?.length) {
      for (let e = firstNewEvent; e < ctx.s.events.length; e++) {
        if (p.triggers.includes(ctx.s.events[e].type)) {
          trigger = ctx.s.events[e].type
          break
        }
      }
    }
    if (trigger) callPlanner(ctx, p, trigger)
  }
}

function fault(ctx: Ctx, p: EnginePlanner, message: string, satellite?: string): void {
  ctx.s.acc.plannerFaults++
  ctx.log({ t: ctx.s.t, type: 'plannerFault', planner: p.id, satellite, message: `${p.id}: ${message}` })
}

export function callPlanner(ctx: Ctx, p: EnginePlanner, trigger: string): void {
  const { s } = ctx
  const view = buildView(ctx, p.id, trigger)
  s.plannerSeen[p.id] = s.events.length
  const t0 = ctx.clock?.() ?? 0
  let out: unknown
  try {
    out = p.plan(view)
  } catch (err) {
    fault(
      ctx,
      p,
      `threw ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}; output discarded`,
    )
    return
  } finally {
    if (ctx.clock) s.acc.plannerTimeMs += ctx.clock() - t0
  }
  if (ctx.clock) {
    const took = ctx.clock() - t0
    if (took > ctx.budgetMs) {
      fault(ctx, p, `overran its ${ctx.budgetMs} ms budget (${took.toFixed(0)} ms); output discarded`)
      return
    }
  }
  if (!Array.isArray(out)) {
    fault(ctx, p, `returned ${out === null ? 'null' : typeof out} instead of a list of decisions`)
    return
  }
  for (const d of out) {
    const why = validateDecision(ctx, d, p)
    if (why)
      fault(ctx, p, `rejected decision: ${why}`, typeof d?.satellite === 'string' ? d.satellite : undefined)
    else applyDecision(ctx, d as Decision, p)
  }
  s.plannerSeen[p.id] = s.events.length
}

const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x)

/** Why a decision is invalid right now, or null. Defensive: `d` is whatever a planner returned. */
export function validateDecision(ctx: Ctx, d: unknown, p: EnginePlanner): string | null {
  const { world, s } = ctx
  if (typeof d !== 'object' || d === null) return `expected a decision object, got ${String(d)}`
  const x = d as Record<string, unknown>
  if (typeof x.rationale !== 'string' || x.rationale.trim() === '') return 'a decision must carry a rationale'
  const k = typeof x.satellite === 'string' ? world.satIndex.get(x.satellite) : undefined
  // A note may speak of the whole fleet; every other decision acts on one known satellite.
  if (x.kind === 'note' && x.satellite === undefined) return null
  if (k === undefined) return `unknown satellite ${preview(x.satellite)}`
  const allowed: Record<string, PlannerKind[]> = {
    maneuver: ['trajectory'],
    assignTask: ['allocation'],
    downlink: ['allocation'],
    setMode: ['allocation'],
    alert: ['maintenance'],
    note: ['trajectory', 'allocation', 'maintenance'],
  }
  const kinds = allowed[String(x.kind)]
  if (!kinds) return `unknown decision kind ${preview(x.kind)}`
  if (!kinds.includes(p.kind)) return `a ${p.kind} planner may not make ${String(x.kind)} decisions`
  const id = world.sats[k].id
  switch (x.kind) {
    case 'maneuver': {
      const dv = x.dv as Record<string, unknown> | undefined
      if (!dv || (dv.frame !== 'rtn' && dv.frame !== 'eci')) return 'Δv must have frame "rtn" or "eci"'
      const comps = dv.frame === 'rtn' ? [dv.r, dv.t, dv.n] : [dv.x, dv.y, dv.z]
      if (!comps.every(isNum)) return `Δv components must be finite numbers, got ${preview(comps)}`
      if (!isNum(x.atS) || x.atS < s.t - world.spec.stepS)
        return `burn time ${String(x.atS)} is not now or later`
      const mag = deltaVMagnitude(x.dv as Decision & never)
      // Propellant already promised to this satellite's pending burns counts against it.
      let promised = 0
      for (const m of s.pending) {
        if (m.satellite !== id) continue
        const bus = world.sats[k].bus
        promised += propellantFor(
          deltaVMagnitude(m.dv),
          bus.dryMassKg + s.propellantKg[k] - promised,
          bus.ispS,
        )
      }
      return burnRefusal(ctx, k, mag, promised)
    }
    case 'assignTask': {
      const q = typeof x.task === 'string' ? world.taskIndex.get(x.task) : undefined
      if (q === undefined || q >= s.knownTasks) return `unknown task ${JSON.stringify(x.task)}`
      const st = s.tasks[q].state
      if (st !== 'open' && st !== 'pending') return `task ${String(x.task)} is already ${st}`
      if (s.failed[k] !== 0) return `${id} has failed`
      return null
    }
    case 'downlink': {
      const j = typeof x.station === 'string' ? world.stationIndex.get(x.station) : undefined
      if (j === undefined) return `unknown station ${JSON.stringify(x.station)}`
      if (!isNum(x.startS) || !isNum(x.endS) || x.endS < x.startS) return 'a contact needs startS ≤ endS'
      const scratch = new Float64Array(6)
      for (let t = x.startS; t <= x.endS; t += world.spec.stepS) {
        if (!predictVisible(ctx, k, j, t, scratch))
          return `${id} is not visible from ${world.stations[j].id} at T+${(t / 60).toFixed(1)} min: outside a visibility window`
      }
      return null
    }
    case 'setMode':
      return x.mode === 'edge' || x.mode === 'raw'
        ? null
        : `mode must be "edge" or "raw", got ${String(x.mode)}`
    case 'alert': {
      if (!COMPONENT_NAMES.includes(x.component as never))
        return `unknown component ${JSON.stringify(x.component)}`
      if (x.severity !== 'warning' && x.severity !== 'critical')
        return 'severity must be "warning" or "critical"'
      if (x.predictedFailureS !== undefined && !isNum(x.predictedFailureS))
        return 'predictedFailureS must be a number'
      return null
    }
  }
  return null
}

function applyDecision(ctx: Ctx, d: Decision, p: EnginePlanner): void {
  const { world, s, log } = ctx
  if (d.kind === 'note') {
    log({ t: s.t, type: 'note', satellite: d.satellite, planner: p.id, message: d.rationale })
    return
  }
  const k = world.satIndex.get(d.satellite)!
  switch (d.kind) {
    case 'maneuver':
      s.pending.push({ ...d, dv: { ...d.dv }, planner: p.id })
      s.pending.sort(
        (a, b) => a.atS - b.atS || (a.satellite < b.satellite ? -1 : a.satellite > b.satellite ? 1 : 0),
      )
      break
    case 'assignTask':
      s.tasks[world.taskIndex.get(d.task)!].assignedTo = k
      break
    case 'downlink':
      s.bookings.push({
        satellite: k,
        station: world.stationIndex.get(d.station)!,
        startS: d.startS,
        endS: d.endS,
      })
      break
    case 'setMode':
      s.edgeMode[k] = d.mode === 'edge' ? 1 : 0
      break
    case 'alert': {
      s.alerts.push({
        satellite: d.satellite,
        component: d.component,
        atS: s.t,
        severity: d.severity,
        predictedFailureS: d.predictedFailureS ?? null,
        planner: p.id,
      })
      s.alerted[k] = 1
      if (s.failed[k] === 0) s.status[k] = STATUS_ALERT
      if (d.retire) s.retired[k] = 1
      log({
        t: s.t,
        type: 'alert',
        satellite: d.satellite,
        component: d.component,
        planner: p.id,
        message: d.rationale,
        data: {
          severity: d.severity,
          ...(d.predictedFailureS !== undefined ? { predictedFailureS: d.predictedFailureS } : {}),
        },
      })
      return
    }
  }
  log({
    t: s.t,
    type: 'decision',
    satellite: d.satellite,
    planner: p.id,
    message: d.rationale,
    data: { kind: d.kind },
  })
}
