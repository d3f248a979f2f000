// The planner plugin interface. A planner is a plain module: an id, a kind, words for people,
// a zod schema for its parameters, and a pure `plan(view, params)` that returns decisions.
// It must not mutate the view, keep state between calls, read clocks or draw random numbers:
// the engine validates whatever it returns and is the only one that changes the world.

import type { z } from 'zod'
import type { Decision, PlannerKind, SimEventType, WorldView } from '../core'

export interface Planner<P = unknown> {
  /** Stable id, "<kind>/<name>", e.g. "allocation/greedy-priority". */
  id: string
  kind: PlannerKind
  label: string
  /** One paragraph for the UI: what it does and what to expect of it. */
  description: string
  /** Validates the strategy's parameters for this planner and fills defaults. */
  params: z.ZodType<P>
  /** Event types that call the planner at once, besides the scenario's cadence. */
  triggers?: readonly SimEventType[]
  plan(view: WorldView, params: P): Decision[]
}

/** The short name a scenario file uses for a planner id ("allocation/optimal" → "optimal"). */
export function shortName(id: string): string {
  const slash = id.indexOf('/')
  return slash < 0 ? id : id.slice(slash + 1)
}

/**
 * A planner of any parameter type, for lists and the registry. The registry only ever calls
 * `plan` with what that planner's own `params` schema produced, so the erased type is safe.
 */
// biome-ignore lint/suspicious/noExplicitAny: parameters are erased here and restored by each planner's schema
export type AnyPlanner = Planner<any>
