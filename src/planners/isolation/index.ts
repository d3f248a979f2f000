// The isolation boundary's public surface, for each platform's transport and thread entry:
// Node (src/cli/isolation) and the browser (a Web Worker transport and module loader).
//
// Engine side:  probePlannerModule(start)            → the module's planners, or its problems
//               createIsolatedPlanner({ start, … })  → an EnginePlanner to pass to
//                                                      createSimulation; drive it with
//                                                      sim.stepAsync() / runUntilAsync()
//               GuestTransport / StartGuest           what a platform implements
// Thread side:  startGuest(port, exported, { clock }) with the module's export, loaded there

export { type Guest, type GuestOptions, type GuestPort, modulePlanners, startGuest } from './guest'
export {
  createIsolatedPlanner,
  DEFAULT_PLANNER_TIMEOUT_MS,
  formatDeadline,
  type GuestTransport,
  type IsolatedPlanner,
  type IsolatedPlannerOptions,
  probePlannerModule,
  type StartGuest,
} from './host'
export type { GuestMessage, HostMessage, PlannerManifest } from './protocol'
