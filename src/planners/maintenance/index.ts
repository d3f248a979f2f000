// The built-in maintenance planners. Adding one: a new file in this folder plus one line here.

import type { AnyPlanner } from '../planner'

export const MAINTENANCE_PLANNERS: AnyPlanner[] = []
