// The built-in maintenance planners. Adding one: a new file in this folder plus one line here.

import type { AnyPlanner } from '../planner'
import { cusumPlanner } from './cusum'
import { thresholdPlanner } from './threshold'
import { trendPlanner } from './trend'

export const MAINTENANCE_PLANNERS: AnyPlanner[] = [thresholdPlanner, trendPlanner, cusumPlanner]
