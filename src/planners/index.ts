export type { AnyPlanner, Planner } from './planner'
export { shortName } from './planner'
export { PlannerRegistry, registry } from './registry'
export { plannerProblems } from './plugin-check'
