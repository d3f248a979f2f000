// The built-in allocation planners. Adding one: a new file in this folder plus one line here.

import type { AnyPlanner } from '../planner'
import { edf } from './edf'
import { greedyPriority } from './greedy-priority'
import { optimal } from './optimal'

export const ALLOCATION_PLANNERS: AnyPlanner[] = [
  greedyPriority, // by priority, earliest satellite with room: the myopic baseline
  edf, // by deadline, earliest satellite with room
  optimal, // exact optimum of each horizon's assignment problem
]
