// A planner for engine tests: it returns what the test gives it, once, at a chosen step (or on
// every call), so a test can put any decision — valid or hostile — in front of the engine.

import type { EnginePlanner, PlannerKind, Simulation, WorldView } from '../../src/core'

export function probePlanner(
  kind: PlannerKind,
  decide: (view: WorldView) => unknown,
  options: { atS?: number; id?: string } = {},
): EnginePlanner {
  const atS = options.atS ?? 30
  return {
    id: options.id ?? `${kind}/probe`,
    kind,
    plan: (view) =>
      (view.timeS === atS ? decide(view) : []) as ReturnType<NonNullable<EnginePlanner['plan']>>,
  }
}

/** The engine's plannerFault events, as { planner, message }. */
export function faults(sim: Simulation): { planner: string | undefined; message: string }[] {
  return sim
    .events()
    .filter((e) => e.type === 'plannerFault')
    .map((e) => ({ planner: e.planner, message: e.message ?? '' }))
}
