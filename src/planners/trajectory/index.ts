// The built-in trajectory planners. Adding one: a new file in this folder plus one line here.

import type { AnyPlanner } from '../planner'

export const TRAJECTORY_PLANNERS: AnyPlanner[] = []
