export type { AnyPlanner, Planner } from './planner'
export { shortName } from './planner'
export { plannerProblems } from './plugin-check'
export { PlannerRegistry, registry } from './registry'
