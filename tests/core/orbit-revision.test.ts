// The engine counts orbit changes (Simulation.orbitRevision, propagator.ts): a display keeps its
// drawn orbits until the count moves, so it must move with every executed burn and every restore
// that brings other elements back, and stay put otherwise (a scheduled burn that has not fired, a
// restore to the orbits already flown, a plain step).

import { describe, expect, it } from 'vitest'
import { createSimulation, type ManeuverDecision } from '../../src/core'
import { makeSpec, walker } from '../support/spec-fixture'

const burn = (satellite: string, atS: number): ManeuverDecision => ({
  kind: 'maneuver',
  satellite,
  atS,
  dv: { frame: 'rtn', r: 0, t: 1, n: 0 },
  purpose: 'other',
  rationale: 'test',
})

describe('the orbit revision', () => {
  it('moves once per executed burn, and only when the burn fires', () => {
    const sim = createSimulation(makeSpec({ satellites: walker(3, 1, 0, 550, 53), tasks: [] }))
    const r0 = sim.orbitRevision()
    expect(typeof r0).toBe('number')
    expect(sim.scheduleManeuver(burn('P1-S1', 600))).toBeNull()
    expect(sim.scheduleManeuver(burn('P1-S2', 1200))).toBeNull()
    sim.runUntil(570)
    expect(sim.orbitRevision()).toBe(r0)
    sim.runUntil(630)
    expect(sim.orbitRevision()).toBe(r0 + 1)
    sim.runUntil(1800)
    expect(sim.orbitRevision()).toBe(r0 + 2)
  })

  it('moves on a restore that brings back other orbits, not on one that keeps them', () => {
    const sim = createSimulation(makeSpec({ satellites: walker(3, 1, 0, 550, 53), tasks: [] }))
    const before = sim.snapshot()
    expect(sim.scheduleManeuver(burn('P1-S3', 300))).toBeNull()
    sim.runUntil(900)
    const r1 = sim.orbitRevision()
    const after = sim.snapshot()
    // Back to the orbits as they were before the burn: a change.
    sim.restore(before)
    const r2 = sim.orbitRevision()
    expect(r2).toBeGreaterThan(r1)
    // Restored again to the same orbits (the state differs, the elements do not): no change.
    sim.runUntil(600)
    sim.restore(before)
    expect(sim.orbitRevision()).toBe(r2)
    // Forward to the burned orbits: a change again.
    sim.restore(after)
    expect(sim.orbitRevision()).toBeGreaterThan(r2)
  })
})
