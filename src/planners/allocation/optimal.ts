// allocation/optimal: the exact optimum of each horizon's allocation problem (problem.ts states the
// model, solvers.ts the objective). "Optimal" means: among all ways of giving the open tasks to
// (satellite, capacity block) pairs that respect the model's constraints — a predicted pass inside
// the task's window, the horizon and the block; at most the pair's capture slots; tasks the engine
// already holds a satellite to are served first — the one with the highest total priority, the
// earliest captures breaking ties. Exact for that model (solved as a linear assignment between
// tasks and slot columns, verified against brute force in tests), and only for it: it is not
// optimal over the whole run (later tasks and later horizons are unknown), and the model
// simplifies storage, downlink contention and power as problem.ts lists.

import type { Planner } from '../planner'
import { type AllocationParams, allocationParams } from './params'
import { ALLOCATION_TRIGGERS, moved, planAllocation, when } from './run'
import { solveOptimal } from './solvers'

export const optimal: Planner<AllocationParams> = {
  id: 'allocation/optimal',
  kind: 'allocation',
  label: 'Optimal assignment',
  description:
    'Solves each planning horizon exactly: of all the ways to share the tasks among the satellites ' +
    '(each task on a satellite that passes over it in time, no satellite beyond its storage, downlink ' +
    'and capture budget), it picks the one with the highest total priority, as a linear assignment ' +
    'problem. It can give an urgent task to a later satellite so that an earlier one stays free for a ' +
    'task nobody else can reach. Exact for its simplified model, one horizon at a time; re-plans on ' +
    'every cadence and on events (replan: false plans once at the start).',
  params: allocationParams,
  triggers: ALLOCATION_TRIGGERS,
  plan: (view, params) =>
    planAllocation(view, params, {
      solve: solveOptimal,
      explain: (a) => {
        const t = a.problem.tasks[a.row]
        const h = ((a.problem.endS - a.problem.nowS) / 3600).toFixed(0)
        const sat = a.problem.sats[a.sat].id
        return (
          `${t.id} (priority ${t.priority}) → ${sat}${moved(a)} at ${when(a.problem, a.atS)}: ` +
          `part of the best assignment for the next ${h} h (${a.summary}).`
        )
      },
    }),
}
