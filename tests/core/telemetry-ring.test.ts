// The telemetry ring is cut to what a run can fill: never shorter than the run's samples (a
// planner reading a channel's window sees every sample, as with the full ring), never longer.

import { describe, expect, it } from 'vitest'
import { createSimulation } from '../../src/core'
import { makeSpec } from '../support/spec-fixture'

describe('telemetry ring', () => {
  it('holds every sample of a short run and no more room than that', () => {
    // 100 min sampled every 7 min: 15 samples at the multiples, one closing sample at the end.
    const spec = makeSpec({ durationS: 6000, sampleEveryS: 420, tasks: [] })
    const sim = createSimulation(spec)
    sim.runUntil(spec.durationS)
    const s = sim.state()
    expect(s.telemetryCount).toBe(16)
    expect(sim.world.telemetryWindow).toBe(Math.floor(6000 / 420) + 2)
    expect(s.telemetryCount).toBeLessThanOrEqual(sim.world.telemetryWindow)
    expect(s.telemetryV.length).toBe(sim.world.telemetryWindow * sim.world.satCount * 3)
    const window = sim.view().telemetry(0, 'battery')
    expect(window.t.length).toBe(16)
    expect(window.t[0]).toBe(0)
    expect(window.t[15]).toBe(6000)
  })

  it('keeps the requested window when the run has more samples than that', () => {
    const spec = makeSpec({ durationS: 6000, sampleEveryS: 60, tasks: [] })
    const sim = createSimulation(spec, undefined, { telemetryWindow: 20 })
    sim.runUntil(spec.durationS)
    expect(sim.world.telemetryWindow).toBe(20)
    expect(sim.view().telemetry(0, 'battery').t.length).toBe(20)
  })
})
