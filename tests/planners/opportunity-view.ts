// A hand-made view for the imaging-opportunity tests: only what imagingOpportunities reads (the
// call's time, step, cadence and run length, the satellites' health, the tasks' state, window and
// priority) and a scripted canImage. Like the engine's canImage it is geometry only (it knows
// nothing of task windows), so a test can see the windows being clipped; every test it answers is
// logged, so a test can count them and see which satellites and times were asked about.

import type { TaskState, WorldView } from '../../src/core'

export interface OpportunityTask {
  windowStartS: number
  windowEndS: number
  /** Default 1. */
  priority?: number
  /** Default 'pending'. */
  state?: TaskState
}

export interface OpportunitySat {
  failed?: boolean
  retired?: boolean
}

export interface OpportunityViewOptions {
  timeS: number
  stepS: number
  plannerCadenceS: number
  /** Default: a day. */
  durationS?: number
  /** A count of healthy satellites, or each satellite's health. */
  satellites: number | OpportunitySat[]
  tasks: OpportunityTask[]
  /** Whether satellite `k` sees task `q`'s target at `tS`. */
  sees: (k: number, q: number, tS: number) => boolean
}

export interface CanImageTest {
  k: number
  q: number
  tS: number
}

export function opportunityView(o: OpportunityViewOptions): { view: WorldView; asked: CanImageTest[] } {
  const asked: CanImageTest[] = []
  const sats =
    typeof o.satellites === 'number'
      ? Array.from({ length: o.satellites }, (): OpportunitySat => ({}))
      : o.satellites
  const view = {
    timeS: o.timeS,
    stepS: o.stepS,
    plannerCadenceS: o.plannerCadenceS,
    durationS: o.durationS ?? 86_400,
    satellites: sats.map((s, k) => ({ index: k, failed: s.failed ?? false, retired: s.retired ?? false })),
    tasks: o.tasks.map((t, q) => ({
      index: q,
      state: t.state ?? 'pending',
      priority: t.priority ?? 1,
      windowStartS: t.windowStartS,
      windowEndS: t.windowEndS,
    })),
    canImage(k: number, q: number, tS: number) {
      asked.push({ k, q, tS })
      return o.sees(k, q, tS)
    },
  }
  return { view: view as unknown as WorldView, asked }
}
