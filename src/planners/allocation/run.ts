// One call of an allocation planner, whatever its ordering rule: build the problem, decide modes,
// solve, and turn the plan into decisions with plain-language rationales.
//
// Rolling horizon: with `replan` the plan covers `horizonH` hours, but only captures due within the
// commit window (commitH, at least two planner cadences) are sent as assignments; the rest of the
// plan is tentative and is worked out again at the next call, so new tasks, failures and alerts
// can still change it. Without `replan` the first call plans the whole run, sends everything and
// every later call returns nothing: the static plan the comparisons hold the others against.
//
// Pure: a function of the view and the parameters.

import type { AssignTaskDecision, Decision } from '../../core/decisions'
import { formatElapsed } from '../../core/events'
import type { WorldView } from '../../core/view'
import { edgeDecisions } from './edge-mode'
import type { AllocationParams } from './params'
import { type AllocationProblem, buildProblem, planValue, slotsFor } from './problem'

/** What a rationale may use about one assignment. */
export interface Assignment {
  problem: AllocationProblem
  row: number
  /** Satellite column in problem.sats. */
  sat: number
  /** Capture time, s after epoch. */
  atS: number
  /** The whole plan in a few words: "9 of 12 tasks, priority 41 of 55". */
  summary: string
  /** Satellite the task leaves, if it was assigned elsewhere. */
  from: string | null
}

export interface AllocationRule {
  solve(p: AllocationProblem): Int32Array
  explain(a: Assignment): string
}

/** The triggers that make a replanning strategy look again at once. */
export const ALLOCATION_TRIGGERS = ['taskBurst', 'satelliteFailed', 'alert', 'stationOutageStart'] as const

export function planAllocation(view: WorldView, params: AllocationParams, rule: AllocationRule): Decision[] {
  const isStatic = !params.replan
  if (isStatic && view.timeS > view.stepS) return []
  const problem = buildProblem(view, params, isStatic)
  const modes = edgeDecisions(view, problem, params.edge)
  problem.edge = modes.edge
  problem.slots = slotsFor(problem, modes.edge)
  const plan = rule.solve(problem)
  const commitEnd = isStatic
    ? Number.POSITIVE_INFINITY
    : view.timeS + Math.max(params.commitH * 3600, 2 * view.plannerCadenceS + view.stepS)
  const cols = problem.sats.length
  const width = cols * problem.blocks
  const out: Decision[] = [...modes.decisions]
  const summary = planSummary(problem, plan)
  for (let i = 0; i < plan.length; i++) {
    const col = plan[i]
    if (col < 0) continue
    const c = Math.floor(col / problem.blocks)
    const task = problem.tasks[i]
    const sat = problem.sats[c]
    if (task.assignedTo === sat.id) continue
    const atS = problem.optS[i * width + col]
    // Waiting for a later pass of this satellite, or not due yet: tentative, decided later.
    if (atS !== problem.firstS[i * cols + c]) continue
    if (atS > commitEnd && problem.committed[i] < 0) continue
    const d: AssignTaskDecision = {
      kind: 'assignTask',
      satellite: sat.id,
      task: task.id,
      rationale: rule.explain({ problem, row: i, sat: c, atS, summary, from: task.assignedTo }),
    }
    out.push(d)
  }
  return out
}

/** "T+02:14:00 (in 1.2 h)". */
export function when(p: AllocationProblem, atS: number): string {
  return `${formatElapsed(atS)} (in ${((atS - p.nowS) / 3600).toFixed(1)} h)`
}

/** " (moved from P1-S2)" or "". */
export function moved(a: Assignment): string {
  return a.from ? ` (moved from ${a.from})` : ''
}

/** "9 of 12 tasks, priority 41 of 55" for a plan. */
export function planSummary(p: AllocationProblem, plan: Int32Array): string {
  let total = 0
  let served = 0
  for (let i = 0; i < plan.length; i++) {
    total += p.tasks[i].priority
    if (plan[i] >= 0) served++
  }
  return `${served} of ${plan.length} tasks, priority ${planValue(p, plan)} of ${total}`
}
