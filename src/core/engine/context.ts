// What every part of a running engine shares: the static world, the mutable state, the
// propagator, the strategy's planners and a logger. Passed explicitly, never global.

import type { Decision, PlannerKind } from '../decisions'
import type { SimEvent, SimEventType } from '../events'
import type { StrategySpec } from '../spec'
import type { WorldView } from '../view'
import type { PortableViewData, ReadDecisions } from './planner-io'
import type { Propagator } from './propagator'
import type { SimState } from './state'
import type { World } from './world'

/**
 * A planner as the engine sees it: parameters already bound, output still untrusted. Either
 * `plan` (in-process, synchronous: built-ins) or `isolated` (behind a boundary, awaited by
 * stepAsync/runUntilAsync: a user's module).
 */
export interface EnginePlanner {
  id: string
  kind: PlannerKind
  /** Event types that call this planner at once, besides the cadence. */
  triggers?: readonly SimEventType[]
  plan?(view: WorldView): Decision[]
  isolated?: IsolatedCall
}

/** What a call to a planner came to; plain data, the same for both kinds of planner. */
export type PlanOutcome =
  | { ok: true; read: ReadDecisions; ms?: number }
  /** `disable`: the planner is not called again in this run (its thread is gone). */
  | { ok: false; fault: string; disable: boolean; ms?: number }

/** A planner behind an isolation boundary (src/planners/isolation/host.ts makes these). */
export interface IsolatedCall {
  /** Telemetry samples the isolated side already holds (0 for a fresh one). */
  telemetryKnown(): number
  /**
   * Calls the planner with a view's data at sim time `timeS`. Never rejects: a hang, a crash or
   * a throw is an outcome with `ok: false`, and `ms` is the time spent inside plan().
   */
  call(timeS: number, data: PortableViewData): Promise<PlanOutcome>
  /**
   * Says a call is coming, before the view is packed, so the other side can wake up while the
   * engine packs (a sleeping thread takes tens of microseconds to run again). Optional; it
   * changes no result.
   */
  prepare?(): void
}

export interface SimulationOptions {
  /** The strategy's planners (from the registry); none means onboard defaults only. */
  planners?: EnginePlanner[]
  /** Overrides the scenario's seed. */
  seed?: number
  /**
   * Wall clock in ms, to measure in-process planner calls for the report's `timing` section.
   * Measured only: no verdict depends on it (an isolated planner's deadline is its host's).
   */
  clock?: () => number
  /** Telemetry samples kept per channel. Default 288 (a day at 5-minute sampling). */
  telemetryWindow?: number
  /** Also sample each satellite's state of charge, propellant and status with the metrics. */
  satelliteSeries?: boolean
  /**
   * Keep every contact window and eclipse interval for the report (default true). The browser's
   * live engines and compare jobs turn it off: nothing reads it there, and snapshots would copy
   * a log that grows with the run.
   */
  accessLog?: boolean
}

export interface Ctx {
  world: World
  s: SimState
  prop: Propagator
  strategy: StrategySpec
  planners: EnginePlanner[]
  clock: (() => number) | undefined
  /** Milliseconds per call, per planner id, in call order (not part of snapshots). */
  timing: Map<string, number[]>
  log: (e: SimEvent) => void
  /** Scratch for one satellite's state (x y z vx vy vz). */
  tmp6: Float64Array
}
