// The built-in allocation planners. Adding one: a new file in this folder plus one line here.

import type { AnyPlanner } from '../planner'

export const ALLOCATION_PLANNERS: AnyPlanner[] = []
