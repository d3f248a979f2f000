// predictOpportunities asked for a span that ends before it starts, blocks apart: a planner called
// at the very end of a run asks from "now" to a horizon already clipped to the run's end. The
// answer must be the empty one (one block, nothing found), not a negative-sized array or a scan
// of a negative number of samples.

import { describe, expect, it } from 'vitest'
import { predictOpportunities } from '../../src/planners/allocation/opportunities'
import { groundView } from './ground-view'

const HERE = { latDeg: 10, lonDeg: 20 }

/** A run of `durationS` with one satellite hovering over HERE and a task there all day. */
const hovering = (durationS: number) =>
  groundView({
    durationS,
    sats: [{ over: HERE }],
    tasks: [{ ...HERE, windowStartS: 0, windowEndS: 86_400 }],
  }).view

describe('predictOpportunities on a reversed span', () => {
  it('answers an end two hours before the start with one empty block', () => {
    const view = hovering(86_400)
    // Blocks of 1800 s: the start is in block 4, the end in block 0.
    const o = predictOpportunities(view, view.tasks, view.satellites, 7200, 0, 120, 1800)
    expect(o.firstBlock).toBe(4)
    expect(o.blocks).toBe(1)
    expect(Array.from(o.firstS)).toEqual([Number.NaN])
    expect(Array.from(o.contactS)).toEqual([0])
  })

  it('answers a run that ended before the span with the same empty block', () => {
    // A run of one hour asked about hours 2 to 3: the end is clipped to 3600 s.
    const view = hovering(3600)
    const o = predictOpportunities(view, view.tasks, view.satellites, 7200, 10_800, 120, 1800)
    expect(o.blocks).toBe(1)
    expect(Array.from(o.firstS)).toEqual([Number.NaN])
  })
})
