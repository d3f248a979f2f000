// allocation/edf: earliest deadline first. The tasks whose windows close soonest are placed first,
// each on the satellite that passes over it first among those with a capture slot left. Good at
// not letting tasks expire, blind to priority: an urgent request with a long window waits behind
// routine ones that are due sooner.

import { formatElapsed } from '../../core/events'
import type { Planner } from '../planner'
import { type AllocationParams, allocationParams } from './params'
import { ALLOCATION_TRIGGERS, moved, planAllocation, when } from './run'
import { byDeadline, solveOrdered } from './solvers'

export const edf: Planner<AllocationParams> = {
  id: 'allocation/edf',
  kind: 'allocation',
  label: 'Earliest deadline first',
  description:
    'Places the tasks whose windows close soonest first, each on the satellite that will pass over it ' +
    'first and still has room (storage, downlink and a capture budget per block of horizonH hours). ' +
    'Keeps tasks from expiring but ignores priority until deadlines tie. Re-plans on every cadence and on ' +
    'events ' +
    '(replan: false plans once at the start).',
  params: allocationParams,
  triggers: ALLOCATION_TRIGGERS,
  plan: (view, params) =>
    planAllocation(view, params, {
      solve: (p) => solveOrdered(p, byDeadline),
      explain: (a) => {
        const t = a.problem.tasks[a.row]
        const sat = a.problem.sats[a.sat].id
        return (
          `${t.id} (due ${formatElapsed(t.windowEndS)}) → ${sat}${moved(a)}: earliest ` +
          `deadline first, first satellite over the target with room, at ${when(a.problem, a.atS)}.`
        )
      },
    }),
}
