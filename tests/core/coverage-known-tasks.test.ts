// Coverage averages, over the samples, the share of the known tasks under a working satellite's
// footprint. A sample taken while no task is known yet says nothing about coverage and is not
// counted; a run that never knows a task has no coverage figure at all (null, not 0 or NaN).

import { describe, expect, it } from 'vitest'
import { createSimulation } from '../../src/core'
import { makeSpec } from '../support/spec-fixture'

describe('coverage and the tasks known so far', () => {
  it('is null in a run without tasks, though the run is sampled', () => {
    const sim = createSimulation(makeSpec({ durationS: 1800, tasks: [] }))
    sim.runUntil(1800)
    expect(sim.series().t.length).toBeGreaterThan(1)
    expect(sim.metrics().coveragePct).toBeNull()
  })

  it('counts only the samples from the moment a burst makes tasks known', () => {
    const tasks = makeSpec().tasks
    const sim = createSimulation(
      makeSpec({ durationS: 3600, tasks: [], events: [{ type: 'taskBurst', atS: 1800, tasks }] }),
    )
    sim.runUntil(1200)
    expect(sim.metrics().coveragePct).toBeNull()
    sim.runUntil(3600)
    const known = sim.series().t.filter((t) => t >= 1800)
    expect(known.length).toBeGreaterThan(0)
    expect(sim.state().acc.coverageSamples).toBe(known.length)
    const pct = sim.metrics().coveragePct
    expect(Number.isFinite(pct)).toBe(true)
    expect(pct).toBeGreaterThanOrEqual(0)
    expect(pct).toBeLessThanOrEqual(100)
  })
})
