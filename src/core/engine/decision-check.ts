// Reading and checking what a planner returned. A decision is untrusted data: it is first
// copied field by field into a fresh plain object (each field read once, so a getter cannot
// answer one thing to the check and another to the engine), then checked against the current
// state with every number finite and within a stated range, and every loop counted.

import type { Decision, PlannerKind } from '../decisions'
import { preview } from '../preview'
import { COMPONENT_NAMES } from '../spec'
import type { Ctx, EnginePlanner } from './context'
import { burnRefusal, deltaVMagnitude, propellantFor } from './maneuver'
import type { ReadDecisions } from './planner-io'
import { predictVisible } from './view-builder'

/** Longest rationale accepted, characters. */
export const MAX_RATIONALE_CHARS = 2000
/** Most engine steps a booked contact may span (one day at a 1 s step): its check is counted. */
export const MAX_CONTACT_STEPS = 86_400
/** Largest predicted failure time accepted, in scenario durations past the end. */
const MAX_PREDICTION_DURATIONS = 100

const FIELDS = [
  'kind',
  'satellite',
  'rationale',
  'atS',
  'purpose',
  'replaces',
  'task',
  'station',
  'startS',
  'endS',
  'component',
  'severity',
  'predictedFailureS',
  'retire',
  'mode',
] as const
const DV_FIELDS = ['frame', 'r', 't', 'n', 'x', 'y', 'z'] as const

const primitive = (v: unknown): boolean => v === null || (typeof v !== 'object' && typeof v !== 'function')

/**
 * A plain copy of the known fields of one decision (primitives only, plus `dv`), or throws what
 * reading it threw. Unknown fields are dropped; the copy is what gets checked and applied.
 */
export function copyDecision(d: unknown): Record<string, unknown> | string {
  if (typeof d !== 'object' || d === null) return `expected a decision object, got ${String(d)}`
  const src = d as Record<string, unknown>
  const out: Record<string, unknown> = {}
  for (const key of FIELDS) {
    const v = src[key]
    if (v !== undefined && primitive(v)) out[key] = v
  }
  const dv = src.dv
  if (typeof dv === 'object' && dv !== null) {
    const copy: Record<string, unknown> = {}
    for (const key of DV_FIELDS) {
      const v = (dv as Record<string, unknown>)[key]
      if (v !== undefined && primitive(v)) copy[key] = v
    }
    out.dv = copy
  }
  return out
}

/** Decisions read per call; a longer list is cut here with one fault. */
export const MAX_DECISIONS_PER_CALL = 10_000

export type { ReadDecisions }

/** "TypeError: x is undefined" for an Error, the value's text otherwise; one line, bounded. */
export function describeThrown(err: unknown): string {
  let text: string
  try {
    text = err instanceof Error ? `${err.name}: ${err.message}` : String(err)
  } catch {
    text = 'a value that cannot be shown'
  }
  const line = text.split('\n')[0]
  return line.length > 300 ? `${line.slice(0, 300)}…` : line
}

/** Whether a value looks like a promise (what an async plan() returns). */
export function isThenable(x: unknown): x is PromiseLike<unknown> {
  return (
    (typeof x === 'object' || typeof x === 'function') &&
    x !== null &&
    typeof (x as { then?: unknown }).then === 'function'
  )
}

/** Reads at most MAX_DECISIONS_PER_CALL decisions out of whatever plan() returned. */
export function readDecisions(out: unknown): ReadDecisions {
  try {
    if (!Array.isArray(out)) {
      const what = out === null ? 'null' : isThenable(out) ? 'a promise' : typeof out
      return { ok: false, fault: `returned ${what} instead of a list of decisions` }
    }
    const total = out.length
    const n = Math.min(total, MAX_DECISIONS_PER_CALL)
    const items: (Record<string, unknown> | string)[] = new Array(n)
    for (let i = 0; i < n; i++) {
      try {
        items[i] = copyDecision(out[i])
      } catch (err) {
        items[i] = `reading the decision threw: ${describeThrown(err)}`
      }
    }
    return { ok: true, items, total }
  } catch (err) {
    return { ok: false, fault: `reading its output threw: ${describeThrown(err)}` }
  }
}

const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x)

const ALLOWED: Record<string, PlannerKind[]> = {
  maneuver: ['trajectory'],
  assignTask: ['allocation'],
  downlink: ['allocation'],
  setMode: ['allocation'],
  alert: ['maintenance'],
  note: ['trajectory', 'allocation', 'maintenance'],
}

/** Why a (copied) decision is invalid right now, or null. */
export function validateDecision(
  ctx: Ctx,
  x: Record<string, unknown>,
  p: Pick<EnginePlanner, 'kind'>,
): string | null {
  const { world, s } = ctx
  const endS = world.spec.durationS
  if (typeof x.rationale !== 'string' || x.rationale.trim() === '') return 'a decision must carry a rationale'
  if (x.rationale.length > MAX_RATIONALE_CHARS)
    return `a rationale is one line: ${x.rationale.length} characters, the limit is ${MAX_RATIONALE_CHARS}`
  const k = typeof x.satellite === 'string' ? world.satIndex.get(x.satellite) : undefined
  // A note may speak of the whole fleet; every other decision acts on one known satellite.
  if (x.kind === 'note' && x.satellite === undefined) return null
  if (k === undefined) return `unknown satellite ${preview(x.satellite)}`
  const kinds = ALLOWED[String(x.kind)]
  if (!kinds) return `unknown decision kind ${preview(x.kind)}`
  if (!kinds.includes(p.kind)) return `a ${p.kind} planner may not make ${String(x.kind)} decisions`
  const id = world.sats[k].id
  switch (x.kind) {
    case 'maneuver': {
      const dv = x.dv as Record<string, unknown> | undefined
      if (!dv || (dv.frame !== 'rtn' && dv.frame !== 'eci')) return 'Δv must have frame "rtn" or "eci"'
      const comps = dv.frame === 'rtn' ? [dv.r, dv.t, dv.n] : [dv.x, dv.y, dv.z]
      if (!comps.every(isNum)) return `Δv components must be finite numbers, got ${preview(comps)}`
      if (!isNum(x.atS) || x.atS < s.t - world.spec.stepS || x.atS > endS)
        return `burn time ${preview(x.atS)} must lie between now (T+${s.t} s) and the end of the run (T+${endS} s)`
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
      if (q === undefined || q >= s.knownTasks) return `unknown task ${preview(x.task)}`
      const st = s.tasks[q].state
      if (st !== 'open' && st !== 'pending') return `task ${String(x.task)} is already ${st}`
      if (s.failed[k] !== 0) return `${id} has failed`
      return null
    }
    case 'downlink':
      return contactRefusal(ctx, k, x)
    case 'setMode':
      return x.mode === 'edge' || x.mode === 'raw'
        ? null
        : `mode must be "edge" or "raw", got ${preview(x.mode)}`
    case 'alert': {
      if (!COMPONENT_NAMES.includes(x.component as never)) return `unknown component ${preview(x.component)}`
      if (x.severity !== 'warning' && x.severity !== 'critical')
        return 'severity must be "warning" or "critical"'
      const limit = endS * MAX_PREDICTION_DURATIONS
      if (
        x.predictedFailureS !== undefined &&
        (!isNum(x.predictedFailureS) || Math.abs(x.predictedFailureS) > limit)
      )
        return `predictedFailureS must be a number within ±${limit} s, got ${preview(x.predictedFailureS)}`
      if (x.retire !== undefined && typeof x.retire !== 'boolean') return 'retire must be true or false'
      return null
    }
  }
  return null
}

/** A booked contact: inside the run, at most MAX_CONTACT_STEPS long, visible at every step. */
function contactRefusal(ctx: Ctx, k: number, x: Record<string, unknown>): string | null {
  const { world } = ctx
  const j = typeof x.station === 'string' ? world.stationIndex.get(x.station) : undefined
  if (j === undefined) return `unknown station ${preview(x.station)}`
  const endS = world.spec.durationS
  if (!isNum(x.startS) || !isNum(x.endS) || x.endS < x.startS) return 'a contact needs startS ≤ endS'
  if (x.startS < 0 || x.endS > endS)
    return `a contact must lie within the run (T+0 to T+${endS} s), got ${x.startS} to ${x.endS}`
  // A pass already over could carry nothing: say so rather than keep a booking that never runs.
  if (x.endS < ctx.s.t) return `the contact ended at T+${x.endS} s, before now (T+${ctx.s.t} s)`
  const stepS = world.spec.stepS
  const n = Math.floor((x.endS - x.startS) / stepS)
  if (n > MAX_CONTACT_STEPS)
    return `a contact may span at most ${MAX_CONTACT_STEPS} steps, this one spans ${n}`
  const scratch = new Float64Array(6)
  for (let i = 0; i <= n; i++) {
    const t = x.startS + i * stepS
    if (!predictVisible(ctx, k, j, t, scratch))
      return `${world.sats[k].id} is not visible from ${world.stations[j].id} at T+${(t / 60).toFixed(1)} min: outside a visibility window`
  }
  return null
}
