// A built-in planner offered as a user's module, so the isolation bench runs the same planner
// on both sides of the boundary.
import { greedyPriority } from '../src/planners/allocation/greedy-priority'

export default greedyPriority
