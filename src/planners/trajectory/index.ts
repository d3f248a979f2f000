// The built-in trajectory planners. Adding one: a new file in this folder plus one line here.

import type { AnyPlanner } from '../planner'
import { biEllipticPlanner } from './bi-elliptic'
import { collisionAvoidancePlanner } from './collision-avoidance'
import { hohmannPlanner } from './hohmann'
import { phasingPlanner } from './phasing'

export const TRAJECTORY_PLANNERS: AnyPlanner[] = [
  hohmannPlanner,
  biEllipticPlanner,
  phasingPlanner,
  collisionAvoidancePlanner,
]
