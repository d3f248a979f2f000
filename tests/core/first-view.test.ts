// The first view a planner gets, after the first step of a scenario with nothing scripted: the
// engine starts with no conjunction warnings, no bookings and no queued burns, so the first view
// has none either.

import { describe, expect, it } from 'vitest'
import { createSimulation, type WorldView } from '../../src/core'
import { makeSpec } from '../support/spec-fixture'

describe('the first planner view', () => {
  it('is one step in, with empty conjunctions, bookings and queued burns', () => {
    const views: WorldView[] = []
    const spec = makeSpec({ durationS: 600 })
    const sim = createSimulation(spec, undefined, {
      planners: [
        {
          id: 'allocation/look',
          kind: 'allocation',
          plan: (view) => {
            views.push(view)
            return []
          },
        },
      ],
    })
    sim.runUntil(60)
    const first = views[0]
    expect(first.timeS).toBe(spec.stepS)
    expect(first.conjunctions).toEqual([])
    expect(first.bookings).toEqual([])
    expect(first.satellites.map((s) => [s.status, s.pendingManeuvers, s.pending])).toEqual(
      first.satellites.map(() => ['nominal', 0, []]),
    )
  })
})
