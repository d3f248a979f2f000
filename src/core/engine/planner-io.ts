// The plain-data shapes that cross between the engine and a planner: the view's data (also in
// the packed form sent to an isolated planner's thread) and a planner's output once read.
// Types only, importing nothing of the engine, so every engine file may use them.

import type { TaskView, WorldView } from '../view'

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
 * The same data in a compact form: per-satellite numbers in one Float64Array (objects are
 * made from it on the receiving side, from the World it shares with the engine), plus short
 * lists. Cheap to structured-clone across a thread boundary; both sides unpack it with the
 * same code, so the views are identical.
 */
export interface PackedView {
  timeS: number
  trigger: string
  /** One run of numbers per satellite (view-data.ts says which). */
  sats: Float64Array
  /** Pending burns: satellite index, time, purpose, replaced satellite id. */
  pending: { k: number; atS: number; purpose: string; replaces: string | null }[]
  /** Per station: end of the current outage, NaN when on the air. */
  outageEndS: Float64Array
  /** Per known task: state, satellite indices (−1: none), capture time. */
  tasks: { state: TaskView['state']; assignedTo: number; capturedBy: number; capturedAtS: number }[]
  conjunctions: ViewData['conjunctions']
  alerts: ViewData['alerts']
  bookings: ViewData['bookings']
  recentEvents: ViewData['recentEvents']
}

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

/** PackedView plus what an isolated thread needs to answer predictions exactly as the engine would. */
export interface PortableViewData extends PackedView {
  /** The propagator's mutable elements (Propagator.save()). */
  kepler: Float64Array
  telemetry: TelemetryDelta
}

/**
 * A planner's return value, read: each decision's plain copy, or (a string) why it could not
 * be read. Plain data, so an isolated planner's thread can read its planner's output itself
 * and post this across the boundary.
 */
export type ReadDecisions =
  | { ok: true; items: (Record<string, unknown> | string)[]; total: number }
  | { ok: false; fault: string }
