// What every part of a running engine shares: the static world, the mutable state, the
// propagator, the strategy's planners and a logger. Passed explicitly, never global.

import type { Decision, PlannerKind } from '../decisions'
import type { SimEvent, SimEventType } from '../events'
import type { StrategySpec } from '../spec'
import type { WorldView } from '../view'
import type { Propagator } from './propagator'
import type { SimState } from './state'
import type { World } from './world'

/** A planner as the engine sees it: parameters already bound, output still untrusted. */
export interface EnginePlanner {
  id: string
  kind: PlannerKind
  /** Event types that call this planner at once, besides the cadence. */
  triggers?: readonly SimEventType[]
  plan(view: WorldView): Decision[]
}

export interface SimulationOptions {
  /** The strategy's planners (from the registry); none means onboard defaults only. */
  planners?: EnginePlanner[]
  /** Overrides the scenario's seed. */
  seed?: number
  /** Wall clock in ms, for planner time budgets and planner time; without it budgets are off. */
  clock?: () => number
  /**
   * A planner call longer than this has its output discarded (needs `clock`). Default 2000 ms:
   * a safety net against runaway planners, set well above any built-in planner's time so the
   * machine's load never changes a run's outcome.
   */
  plannerBudgetMs?: number
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
  budgetMs: number
  log: (e: SimEvent) => void
  /** Scratch for one satellite's state (x y z vx vy vz). */
  tmp6: Float64Array
}
