// trajectory/collision-avoidance — dodges predicted conjunctions and does nothing else: a small
// along-track burn well before closest approach, a return burn after it (avoidance.ts).
//
// Design choice: a strategy has one trajectory planner, so avoidance has to live beside slot
// recovery somehow. Rather than make this planner secretly do Hohmann slot recovery as well, the
// avoidance is one shared function that every trajectory planner runs first (hohmann,
// bi-elliptic and phasing have `avoidCollisions`, default true). Each planner's name then says
// what it does, the avoidance logic exists once, and a strategy can still switch it off to
// show what a conjunction does unanswered. This planner is the avoidance on its own: the
// choice for a strategy that should dodge debris but never move spares.

import { z } from 'zod'
import type { ManeuverDecision, WorldView } from '../../core'
import type { Planner } from '../planner'
import { aimAboveThreshold, avoidanceFields, planAvoidance } from './avoidance'
import { detectJ2 } from './orbit-model'

export const collisionAvoidanceParams = z
  .strictObject({ ...avoidanceFields })
  .refine(aimAboveThreshold.check, { message: aimAboveThreshold.message, path: ['targetMissKm'] })
export type CollisionAvoidanceParams = z.infer<typeof collisionAvoidanceParams>

export const collisionAvoidancePlanner: Planner<CollisionAvoidanceParams> = {
  id: 'trajectory/collision-avoidance',
  kind: 'trajectory',
  label: 'Collision avoidance',
  description:
    'On a conjunction warning closer than thresholdKm (default 1 km), makes a small prograde burn as ' +
    'early as possible — ideally at least half an orbit before closest approach — so the satellite ' +
    'drifts along its orbit (≈ 3·Δv·Δt) to a miss of at least targetMissKm (default 2 km), then a ' +
    'return burn after the pass that restores its orbit. Moves no spares; the slot-recovery ' +
    'planners run the same avoidance themselves.',
  params: collisionAvoidanceParams,
  triggers: ['conjunctionWarning'],
  plan(view: WorldView, p: CollisionAvoidanceParams): ManeuverDecision[] {
    return planAvoidance(view, detectJ2(view), p)
  },
}
