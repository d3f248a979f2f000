// Calling planners and containing them. A planner is untrusted: whatever it returns goes
// through one path (`acceptOutput`), in-process or isolated: a throw or a non-list discards the
// call's output with a fault; each decision is copied, checked with bounds and applied only if
// valid; at most MAX_FAULTS_PER_CALL rejections are logged one by one and the rest as one
// summary, so a flood cannot fill the log. Maintenance planners run first so their alerts
// inform the others. No wall-clock time changes what a call computes: time is only measured.

import type { Decision, PlannerKind } from '../decisions'
import { applyDecision } from './apply-decision'
import type { Ctx, EnginePlanner, PlanOutcome } from './context'
import { describeThrown, MAX_DECISIONS_PER_CALL, readDecisions, validateDecision } from './decision-check'
import { buildView } from './view-builder'
import { portableViewData } from './view-data'

/** Rejected decisions logged one by one per call; the rest are summed up in one event. */
export const MAX_FAULTS_PER_CALL = 10

const KIND_ORDER: Record<PlannerKind, number> = { maintenance: 0, trajectory: 1, allocation: 2 }

export function orderPlanners(planners: EnginePlanner[]): EnginePlanner[] {
  return [...planners].sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || (a.id < b.id ? -1 : 1))
}

/** Why a planner is called now (the cadence or an event it subscribed to), or null. */
function triggerOf(ctx: Ctx, p: EnginePlanner, cadenceDue: boolean, firstNewEvent: number): string | null {
  if (ctx.s.plannerDisabled[p.id] !== undefined) return null
  if (cadenceDue) return 'cadence'
  if (!p.triggers?.length) return null
  for (let e = firstNewEvent; e < ctx.s.events.length; e++)
    if (p.triggers.includes(ctx.s.events[e].type)) return ctx.s.events[e].type
  return null
}

/** Runs the planners due now (in-process ones only; see runDuePlannersAsync). */
export function runDuePlanners(ctx: Ctx, cadenceDue: boolean, firstNewEvent: number): void {
  for (const p of ctx.planners) {
    const trigger = triggerOf(ctx, p, cadenceDue, firstNewEvent)
    if (trigger) callPlanner(ctx, p, trigger)
  }
}

/** The same, awaiting isolated planners in turn; the state is untouched while one thinks. */
export async function runDuePlannersAsync(
  ctx: Ctx,
  cadenceDue: boolean,
  firstNewEvent: number,
): Promise<void> {
  for (const p of ctx.planners) {
    const trigger = triggerOf(ctx, p, cadenceDue, firstNewEvent)
    if (!trigger) continue
    if (!p.isolated) {
      callPlanner(ctx, p, trigger)
      continue
    }
    const s = ctx.s
    p.isolated.prepare?.()
    const data = portableViewData(ctx, p.id, trigger, p.isolated.telemetryKnown())
    s.plannerSeen[p.id] = s.events.length
    acceptOutput(ctx, p, await p.isolated.call(s.t, data))
  }
}

function fault(ctx: Ctx, p: EnginePlanner, message: string, satellite?: string): void {
  ctx.s.acc.plannerFaults++
  ctx.log({ t: ctx.s.t, type: 'plannerFault', planner: p.id, satellite, message: `${p.id}: ${message}` })
}

/** Calls an in-process planner on a frozen view and accepts its output. */
export function callPlanner(ctx: Ctx, p: EnginePlanner, trigger: string): void {
  if (!p.plan) throw new Error(`internal: ${p.id} runs isolated; step it with stepAsync()`)
  const { s } = ctx
  const view = buildView(ctx, p.id, trigger)
  s.plannerSeen[p.id] = s.events.length
  const t0 = ctx.clock?.() ?? 0
  let outcome: PlanOutcome
  try {
    outcome = { ok: true, read: readDecisions(p.plan(view)) }
  } catch (err) {
    outcome = { ok: false, fault: `threw: ${describeThrown(err)}`, disable: false }
  }
  if (ctx.clock) outcome.ms = ctx.clock() - t0
  acceptOutput(ctx, p, outcome)
}

/** The one path every planner's output takes: faults, bounded checks, application, timing. */
export function acceptOutput(ctx: Ctx, p: EnginePlanner, outcome: PlanOutcome): void {
  const { s } = ctx
  if (outcome.ms !== undefined) {
    s.acc.plannerTimeMs += outcome.ms
    let list = ctx.timing.get(p.id)
    if (!list) ctx.timing.set(p.id, (list = []))
    list.push(outcome.ms)
  }
  if (!outcome.ok) {
    if (outcome.disable) s.plannerDisabled[p.id] = s.t
    fault(
      ctx,
      p,
      outcome.disable
        ? `${outcome.fault}; disabled for the rest of the run`
        : `${outcome.fault}; output discarded`,
    )
    return
  }
  const read = outcome.read
  if (!read.ok) {
    fault(ctx, p, read.fault)
    return
  }
  let rejected = 0
  for (const d of read.items) {
    const why = typeof d === 'string' ? d : validateDecision(ctx, d, p)
    if (why === null) {
      applyDecision(ctx, d as unknown as Decision, p)
      continue
    }
    rejected++
    if (rejected <= MAX_FAULTS_PER_CALL) {
      const sat = typeof d === 'object' && typeof d.satellite === 'string' ? d.satellite : undefined
      fault(ctx, p, `rejected decision: ${why}`, sat)
    }
  }
  if (rejected > MAX_FAULTS_PER_CALL) {
    const more = rejected - MAX_FAULTS_PER_CALL
    s.acc.plannerFaults += more - 1
    fault(
      ctx,
      p,
      `${more} more decisions rejected in this call (only the first ${MAX_FAULTS_PER_CALL} are logged one by one)`,
    )
  }
  if (read.total > read.items.length)
    fault(ctx, p, `returned ${read.total} decisions; only the first ${MAX_DECISIONS_PER_CALL} were read`)
  s.plannerSeen[p.id] = s.events.length
}
