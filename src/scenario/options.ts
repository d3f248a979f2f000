// What a caller may tell the loader beyond the text itself.

/** Planner ids by kind, as a scenario's strategies name them ("greedy-priority"). */
export interface KnownPlanners {
  trajectory: readonly string[]
  allocation: readonly string[]
  maintenance: readonly string[]
}

export interface LoadOptions {
  /**
   * When given, a strategy naming a planner not listed here is an error. The registry lives in
   * src/planners, which this module may not import, so the CLI and the app pass it in.
   */
  knownPlanners?: KnownPlanners
}
