// The bounds of a plan message's imaging opportunities (core/limits.ts, docs/agent-protocol.md):
// at most MAX_OPPORTUNITY_CHECKS canImage tests — a task is scanned whole or not at all, and one
// that would need more than what is left stops the scan — and at most MAX_OPPORTUNITIES entries;
// tasks are scanned by priority, then deadline, and a cut says `complete: false` with
// `tasksScanned` the tasks looked at. Hand-made views, so each count is worked out here.

import { describe, expect, it } from 'vitest'
import { MAX_OPPORTUNITIES, MAX_OPPORTUNITY_CHECKS } from '../../src/core'
import { imagingOpportunities } from '../../src/planners/agent'
import { type OpportunityTask, opportunityView } from './opportunity-view'

const never = () => false

// A call at 600 s with the next at 1260 s, a 60 s step: samples 600, 660, … 1260 (12). A task
// open from 720 s is tested at the 10 samples 720 … 1260.
const CALL = { timeS: 600, stepS: 60, plannerCadenceS: 660 }
const TEN_SAMPLES = { windowStartS: 720, windowEndS: 5000 }

/** A scan of `tasks` by `satellites` satellites that never see a target: what it looked at. */
function scan(satellites: number, tasks: OpportunityTask[]) {
  const { view, asked } = opportunityView({ ...CALL, satellites, tasks, sees: never })
  const o = imagingOpportunities(view)
  return {
    scanned: o.tasksScanned,
    complete: o.complete,
    tests: asked.length,
    asked: [...new Set(asked.map((a) => a.q))],
  }
}

describe('the bound on canImage tests', () => {
  it('scans tasks while their tests fit, up to the bound exactly, then stops and says so', () => {
    // 1000 satellites × 10 samples: 10 000 tests a task, so four tasks fill the bound.
    expect(MAX_OPPORTUNITY_CHECKS).toBe(40_000)
    expect(scan(1000, Array(5).fill(TEN_SAMPLES))).toEqual({
      scanned: 4,
      complete: false,
      tests: MAX_OPPORTUNITY_CHECKS,
      asked: [0, 1, 2, 3],
    })
  })

  it('is complete when every task fits', () => {
    expect(scan(1000, Array(4).fill(TEN_SAMPLES))).toMatchObject({ scanned: 4, complete: true })
  })

  it('leaves out a task that would not fit whole, even as the first', () => {
    expect(scan(4001, [TEN_SAMPLES])).toEqual({ scanned: 0, complete: false, tests: 0, asked: [] })
  })
})

describe('the order tasks are scanned in', () => {
  it('is by priority, highest first, then by deadline, earliest first', () => {
    // 4000 satellites × 10 samples: the bound lets exactly one task in; which one was scanned?
    const [low, high] = [2, 3].map((priority) => ({ ...TEN_SAMPLES, priority }))
    expect(scan(4000, [low, high])).toMatchObject({ scanned: 1, asked: [1] })
    const [late, early] = [9000, 3000].map((windowEndS) => ({ ...TEN_SAMPLES, windowEndS }))
    expect(scan(4000, [late, early])).toMatchObject({ scanned: 1, asked: [1] })
  })
})

describe('the bound on entries', () => {
  // Each task is in view of every satellite at one sample (600 s): one entry per satellite.
  const oneSample = { windowStartS: 600, windowEndS: 630 }
  const byPriority = (n: number) => Array.from({ length: n }, (_, q) => ({ ...oneSample, priority: n - q }))

  it('stops a task part-way when the list is full, and says so', () => {
    // 150 satellites: 13 tasks make 1950 entries, the 14th (and last) fills the list at 2000.
    expect(MAX_OPPORTUNITIES).toBe(2000)
    const { view } = opportunityView({ ...CALL, satellites: 150, tasks: byPriority(14), sees: () => true })
    const o = imagingOpportunities(view)
    expect(o.imaging).toHaveLength(MAX_OPPORTUNITIES)
    expect(o.complete).toBe(false)
    expect(o.tasksScanned).toBe(14)
    // The highest-priority tasks whole, then the last one's first 50 satellites.
    expect(o.imaging.filter((x) => x.task === 13).map((x) => x.satellite)).toEqual(
      Array.from({ length: 50 }, (_, k) => k),
    )
  })

  it('scans no further task once the list is full', () => {
    // 100 satellites: 20 tasks fill the list exactly; the 21st is not scanned.
    const { view, asked } = opportunityView({
      ...CALL,
      satellites: 100,
      tasks: byPriority(21),
      sees: () => true,
    })
    const o = imagingOpportunities(view)
    expect(o.imaging).toHaveLength(MAX_OPPORTUNITIES)
    expect(o.tasksScanned).toBe(20)
    expect(o.complete).toBe(false)
    expect(asked.some((a) => a.q === 20)).toBe(false)
  })
})
