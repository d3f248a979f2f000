// The commit window of the allocation planners, on the pass fixture (P1-S1 straight over the
// target at T+600 s): a new assignment is sent only when its capture is due within the larger of
// commitH and two planner cadences plus one engine step; a task already assigned that the plan
// moves to another satellite is sent whenever the new capture is due (left alone, it would be
// captured where it is).

import { describe, expect, it } from 'vitest'
import { createSimulation, type ScenarioSpec, type TaskSpec, type WorldView } from '../../src/core'
import { greedyPriority } from '../../src/planners/allocation/greedy-priority'
import { allocationParams } from '../../src/planners/allocation/params'
import { type AllocationRule, planAllocation } from '../../src/planners/allocation/run'
import { lazy } from '../support/lazy'
import { assign, passSpec, TARGET_AT_S } from '../support/pass-fixture'
import { probePlanner } from '../support/probe-planner'

const image = (id: string, target: TaskSpec['target'], windowStartS: number): TaskSpec => ({
  id,
  kind: 'image',
  target,
  windowStartS,
  windowEndS: 3 * 3600,
  priority: 1,
  dataBits: 800e6,
})

/** First step after the view's time at which satellite k can image task q (in its window). */
function firstPass(view: WorldView, k: number, q: number): number {
  const t = view.tasks[q]
  for (let ts = view.timeS + view.stepS; ts <= t.windowEndS; ts += view.stepS) {
    if (ts >= t.windowStartS && view.canImage(k, q, ts)) return ts
  }
  return Number.NaN
}

function viewAt(s: ScenarioSpec, tS: number, planners = [] as ReturnType<typeof probePlanner>[]) {
  const sim = createSimulation(s, undefined, { planners })
  sim.runUntil(tS)
  return sim.view()
}

describe('commit window: two planner cadences plus a step, or commitH if longer', () => {
  // Cadence 120 s, step 30 s: 270 s. Asked at T+330 s, the window ends at T+600 s, when P1-S1
  // is straight over the target; the second task opens one step later.
  // Made by the first test that needs it (tests/support/lazy.ts): passSpec runs the engine.
  const view = lazy(() => {
    const s: ScenarioSpec = {
      ...passSpec({
        tasks: (target) => [image('at-end', target, TARGET_AT_S), image('after', target, TARGET_AT_S + 30)],
      }),
      plannerCadenceS: 120,
    }
    return viewAt(s, 330)
  })
  const sent = (commitH: number) =>
    greedyPriority
      .plan(view(), allocationParams.parse({ commitH }))
      .flatMap((d) => (d.kind === 'assignTask' ? [d.task] : []))

  it('the fixture: P1-S1 first images the tasks when their windows open, at T+600 s and T+630 s', () => {
    expect(view().stepS).toBe(30)
    expect(view().plannerCadenceS).toBe(120)
    expect([firstPass(view(), 0, 0), firstPass(view(), 0, 1)]).toEqual([600, 630])
  })

  it('with commitH 0, sends the capture at the end of the window and holds the one a step later', () => {
    expect(sent(0)).toEqual(['at-end'])
  })

  it('with commitH 0.1 h (360 s, longer than 270 s), sends both', () => {
    expect(sent(0.1)).toEqual(['at-end', 'after'])
  })
})

describe('commit window: moving a task already assigned', () => {
  // P1-S2 flies 3° behind P1-S1. Cadence 60 s: asked at T+330 s, the window ends at T+480 s,
  // before either satellite passes over the target.
  // Made by the first test that needs it (tests/support/lazy.ts): passSpec runs the engine.
  const s = lazy((): ScenarioSpec => ({ ...passSpec({ trailer: true }), plannerCadenceS: 60 }))
  /** A rule that puts every task on the last satellite's first pass. */
  const toLast: AllocationRule = {
    solve: (p) => Int32Array.from(p.tasks, () => (p.sats.length - 1) * p.blocks),
    explain: (a) => `moved from ${a.from}`,
  }
  const params = allocationParams.parse({ commitH: 0 })

  it('sends the move though the new capture is due after the window', () => {
    const view = viewAt(s(), 330, [probePlanner('allocation', () => [assign('img', 'P1-S1')])])
    expect(view.tasks[0].assignedTo).toBe('P1-S1')
    expect(firstPass(view, 0, 0)).toBeGreaterThan(480)
    expect(firstPass(view, 1, 0)).toBeGreaterThan(480)
    expect(planAllocation(view, params, toLast)).toEqual([
      { kind: 'assignTask', satellite: 'P1-S2', task: 'img', rationale: 'moved from P1-S1' },
    ])
  })

  it('holds the same capture back when the task was not assigned yet', () => {
    const view = viewAt(s(), 330)
    expect(view.tasks[0].assignedTo).toBeNull()
    expect(planAllocation(view, params, toLast)).toEqual([])
  })
})
