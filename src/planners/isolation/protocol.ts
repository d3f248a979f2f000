// The messages between an isolation host (the engine's side) and a guest (the thread that runs a
// user's planner module). Plain structured-clone data only, so the same messages cross a Node
// worker_threads port and a browser Web Worker port.
//
// The conversation:
//   guest → host   'loaded' (the module's planners, described) or 'loadFailed' (why not); once
//   host  → guest  'init'   (which planner, the scenario, its parameters); once per thread
//   guest → host   'ready'  (empty `problems` when the parameters are valid)
//   host  → guest  'wake'   (a call is coming; optional)      ┐
//   host  → guest  'plan'   (one call's view data)            ┐ repeated, one call at a time
//   guest → host   'planned' (the decisions read, or a throw) ┘
//   guest → host   'stray'  (an error outside any call: a timer, an unawaited promise)
// A hang, a crash, running out of memory or process.exit are not messages: the host's deadline
// and its transport's exit notice (see host.ts, GuestTransport) tell those.

import type { PlannerKind, PortableViewData, ReadDecisions, ScenarioSpec, SimEventType } from '../../core'

/** What a module's planner is, for registries, pickers and parameter forms. */
export interface PlannerManifest {
  id: string
  kind: PlannerKind
  label: string
  description: string
  triggers: SimEventType[]
  /** The params schema as JSON Schema (zod's toJSONSchema), or null when it cannot be shown. */
  paramsJsonSchema: unknown
  /** What the schema makes of `{}` (the defaults), or null when `{}` is not valid. */
  defaultParams: unknown
}

export type HostMessage =
  | {
      type: 'init'
      plannerId: string
      /** The scenario (SI units), to build the same World and propagator as the engine. */
      spec: ScenarioSpec
      /** Telemetry samples per channel the engine keeps (SimulationOptions.telemetryWindow). */
      telemetryWindow: number
      /** The strategy's raw parameters for this planner; the guest validates them. */
      params: unknown
    }
  | { type: 'plan'; call: number; data: PortableViewData }
  /** A 'plan' follows at once: a guest that can receive synchronously waits for it awake. */
  | { type: 'wake' }

export type GuestMessage =
  | { type: 'loaded'; planners: PlannerManifest[] }
  | { type: 'loadFailed'; problems: string[] }
  | { type: 'ready'; problems: string[] }
  /** `ms`: time inside plan(); `rebuildMs`: time to rebuild the view first (for benchmarks). */
  | { type: 'planned'; call: number; ok: true; read: ReadDecisions; ms: number; rebuildMs: number }
  | { type: 'planned'; call: number; ok: false; error: string; ms: number; rebuildMs: number }
  | { type: 'stray'; message: string }
