// allocation/greedy-priority: the simple, myopic baseline. Over the planning horizon it takes the
// tasks in descending priority and gives each to the satellite that passes over it first among
// those with a capture slot left; it never revisits a choice, so an urgent task may take the only
// satellite a later task could have used.

import type { Planner } from '../planner'
import { type AllocationParams, allocationParams } from './params'
import { ALLOCATION_TRIGGERS, moved, planAllocation, when } from './run'
import { byPriority, solveOrdered } from './solvers'

export const greedyPriority: Planner<AllocationParams> = {
  id: 'allocation/greedy-priority',
  kind: 'allocation',
  label: 'Greedy by priority',
  description:
    'Takes the open imaging tasks in order of priority and gives each to the satellite that will pass ' +
    'over it first and still has room (storage, downlink and a capture budget per block of horizonH ' +
    'hours). Fast and easy to follow, but myopic: an early choice can take the only satellite a later ' +
    'task needed. ' +
    'Re-plans on every cadence and when tasks arrive, satellites fail or alerts retire them ' +
    '(replan: false plans once at the start).',
  params: allocationParams,
  triggers: ALLOCATION_TRIGGERS,
  plan: (view, params) =>
    planAllocation(view, params, {
      solve: (p) => solveOrdered(p, byPriority),
      explain: (a) => {
        const t = a.problem.tasks[a.row]
        const sat = a.problem.sats[a.sat].id
        return (
          `${t.id} (priority ${t.priority}) → ${sat}${moved(a)}: highest priority first, ` +
          `first satellite over the target with room, at ${when(a.problem, a.atS)}.`
        )
      },
    }),
}
