// The engine's public surface. Everything here is pure TypeScript with no DOM, React, three or
// zustand, and runs the same in Node, in tests and in a browser Web Worker.

export {
  type BestInput,
  type BestVerdict,
  eligibleFor,
  honestBest,
  METRIC_REQUIRES,
  METRIC_TOLERANCE,
  type Tolerance,
  toleranceOf,
} from './best'
export * from './constants'
export type * from './decisions'
export { PLANNER_KINDS } from './decisions'
export type { EnginePlanner, IsolatedCall, PlanOutcome, SimulationOptions } from './engine/context'
export {
  describeThrown,
  isThenable,
  MAX_DECISIONS_PER_CALL,
  type ReadDecisions,
  readDecisions,
} from './engine/decision-check'
export { EDGE_COMPRESSION, EDGE_PROCESSING_BPS } from './engine/payload'
export type { OrbitFact } from './engine/propagator'
export type {
  AccessReport,
  ContactWindow,
  EclipseInterval,
  MetricReport,
  ReportOptions,
  SatelliteReport,
  SeriesReport,
  SimReport,
} from './engine/report'
export type { SimSnapshot, Simulation } from './engine/simulation'
export {
  createSimulation,
  DEFAULT_TELEMETRY_WINDOW,
  SimulationError,
  SLOT_TOLERANCE_M,
} from './engine/simulation'
export { STATUS_NAMES } from './engine/state'
export type { PlannerTiming, TimingReport } from './engine/timing'
export type { PortableViewData, TelemetryDelta, ViewData } from './engine/view-data'
export { createViewRebuilder } from './engine/view-rebuild'
export type { SimEvent, SimEventType } from './events'
export { formatElapsed } from './events'
export * from './export'
export * from './limits'
export type { Better, MetricDef, MetricKey, MetricSeries, MetricValues } from './metrics'
export { bestIndex, METRIC_BY_KEY, METRICS, NONDETERMINISTIC_METRICS } from './metrics'
export { deterministicMetrics, type SeedStats, seedStats } from './seed-stats'
export type * from './spec'
export { COMPONENT_NAMES } from './spec'
export type * from './view'
