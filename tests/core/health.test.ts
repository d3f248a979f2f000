// Component health in the engine: an exponential wear profile against its closed form, the
// failure at the first step at or after the analytical crossing, and what a lost satellite takes
// with it (its stored images expire, its assignments are freed), and a failed part's telemetry goes blank.

import { describe, expect, it } from 'vitest'
import { createSimulation } from '../../src/core'
import { contactBooker } from '../support/contact-booker'
import { makeSpec, walker } from '../support/spec-fixture'

describe('component health', () => {
  it('an exponential profile follows 1 − scale·(e^(τ/τ₀) − 1) and fails at the first step past 0.3', () => {
    const tauS = 2 * 3600
    const scale = 0.05
    const onset = 900
    const spec = makeSpec({
      satellites: walker(1, 1, 0, 550, 53),
      groundStations: [],
      tasks: [],
      durationS: 12 * 3600,
      components: { failureHealth: 0.3, noiseSigma: 0 },
      events: [
        {
          type: 'degradation',
          atS: onset,
          satellite: 'P1-S1',
          component: 'battery',
          profile: { kind: 'exponential', tauS, scale },
        },
      ],
    })
    const sim = createSimulation(spec)
    sim.runUntil(spec.durationS)
    // 1 − scale·(e^(τ/τ₀) − 1) = 0.3  ⇔  τ = τ₀·ln(1 + 0.7/scale)
    const crossing = onset + tauS * Math.log(1 + 0.7 / scale)
    const failed = sim.events().find((e) => e.type === 'componentFailed')
    expect(failed?.component).toBe('battery')
    expect(failed!.t).toBe(Math.ceil(crossing / 30) * 30)
    const { t, v } = sim.view().telemetry(0, 'battery')
    let compared = 0
    for (let j = 0; j < t.length; j++) {
      if (t[j] >= failed!.t) expect(v[j]).toBeNaN()
      else {
        const truth = t[j] <= onset ? 1 : 1 - scale * (Math.exp((t[j] - onset) / tauS) - 1)
        // Telemetry is float32: 6 decimals.
        expect(v[j]).toBeCloseTo(truth, 6)
        compared++
      }
    }
    expect(compared).toBeGreaterThan(50)
  })

  it('a lost satellite frees its assignments and its undelivered images expire', () => {
    // Tasks go to the satellite that sees them first (tests/support/contact-booker.ts); with no
    // ground station nothing is delivered. Find the first capture, then lose that satellite
    // one step after it.
    const base = makeSpec({ groundStations: [], durationS: 6 * 3600 })
    const free = createSimulation(base, undefined, { planners: [contactBooker(null)] })
    free.runUntil(base.durationS)
    const first = free.events().find((e) => e.type === 'taskCaptured')!
    const lostAt = first.t + 30
    const spec = {
      ...base,
      events: [
        {
          type: 'failure' as const,
          atS: lostAt,
          satellite: first.satellite!,
          component: 'reactionWheel' as const,
        },
      ],
    }
    const sim = createSimulation(spec, undefined, { planners: [contactBooker(null)] })
    sim.runUntil(lostAt - 30)
    const before = sim.view().tasks
    expect(before.find((t) => t.id === first.task)).toMatchObject({
      state: 'captured',
      capturedBy: first.satellite,
    })
    sim.runUntil(lostAt)
    const after = sim.view().tasks
    for (const [q, t] of after.entries()) {
      if (before[q].capturedBy === first.satellite) expect(t.state).toBe('expired')
      else expect(t.state).toBe(before[q].state)
      if (before[q].assignedTo === first.satellite) expect(t.assignedTo).toBeNull()
      else expect(t.assignedTo).toBe(before[q].assignedTo)
    }
    const k = sim.world.satIndex.get(first.satellite!)!
    expect(sim.view().satellites[k]).toMatchObject({ failed: true, storageUsedBits: 0, status: 'failed' })
    expect(
      sim
        .events()
        .filter((e) => e.type === 'satelliteFailed')
        .map((e) => [e.satellite, e.t]),
    ).toEqual([[first.satellite, lostAt]])
  })
})
