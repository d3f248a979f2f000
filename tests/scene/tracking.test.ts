// The scene's orbit models follow the engine through a burn and back, seeing positions only.

import { describe, expect, it } from 'vitest'
import { createSimulation } from '../../src/core'
import { FleetOrbits, orbitSubset } from '../../src/scene/orbits'
import { deinterpolate, interpolationAlpha, OrbitTracker } from '../../src/scene/tracking'
import { makeSpec } from '../support/spec-fixture'

function run() {
  const spec = makeSpec({ durationS: 4 * 3600 })
  const ids = spec.satellites.map((s) => s.id)
  const sim = createSimulation(spec)
  const refusal = sim.scheduleManeuver({
    kind: 'maneuver',
    satellite: 'P1-S2',
    atS: 1800,
    dv: { frame: 'rtn', r: 0, t: 40, n: 0 },
    purpose: 'other',
    rationale: 'test: raise apogee by about 140 km',
  })
  expect(refusal).toBeNull()
  const orbits = new FleetOrbits(spec, ids)
  const tracker = new OrbitTracker(orbits)
  const watch = orbitSubset(orbits.plane, ids.length, 200)
  const km = new Float32Array(3 * ids.length)
  const model = new Float64Array(3)
  /** Step to tS showing a frame every 30 s (the scenario step), as the worker would. */
  const showUntil = (tS: number, selected: number) => {
    while (sim.time() < tS) {
      sim.step()
      const pos = sim.state().pos
      for (let i = 0; i < km.length; i++) km[i] = pos[i] / 1000
      tracker.observe(sim.time(), km, ids.length, watch, selected)
    }
  }
  const modelMiss = (k: number) => {
    orbits.positionM(k, sim.time(), model, 0)
    const p = sim.state().pos
    return Math.hypot(model[0] - p[3 * k], model[1] - p[3 * k + 1], model[2] - p[3 * k + 2])
  }
  return { sim, orbits, tracker, showUntil, modelMiss, k: ids.indexOf('P1-S2') }
}

describe('OrbitTracker', () => {
  it('leaves models alone while nothing burns', () => {
    const { tracker, showUntil, modelMiss } = run()
    showUntil(1500, 1)
    expect(tracker.version).toBe(0)
    expect(modelMiss(1)).toBeLessThan(1)
  })

  it('refits the selected satellite right after its burn and then follows it', () => {
    const { tracker, showUntil, modelMiss, orbits, k } = run()
    showUntil(1800 + 30, k)
    expect(tracker.version).toBe(0) // the frame with the burn: no earlier position after it yet
    // A 40 m/s burn moves the satellite off its old orbit by the tolerance within minutes.
    showUntil(1800 + 300, k)
    expect(tracker.version).toBeGreaterThan(0)
    expect(orbits.isRebased(k)).toBe(true)
    // Fits that straddle the burn are refined as soon as a remembered position postdates it;
    // from then on one fit holds for hours.
    showUntil(1800 + 900, k)
    const v = tracker.version
    showUntil(1800 + 3 * 3600 * 0.5, k)
    expect(tracker.version).toBe(v)
    expect(modelMiss(k)).toBeLessThan(2000)
  })

  it('catches a burn of an unselected satellite at the next periodic check', () => {
    const { tracker, showUntil, modelMiss, k } = run()
    showUntil(1800 + 600, -1)
    expect(tracker.version).toBeGreaterThan(0)
    expect(modelMiss(k)).toBeLessThan(2000)
  })

  it('goes back to the scenario orbit after a seek to before the burn', () => {
    const { sim, tracker, showUntil, orbits, modelMiss, k } = run()
    const before = sim.snapshot()
    showUntil(2400, k)
    expect(orbits.isRebased(k)).toBe(true)
    sim.restore(before)
    const km = new Float32Array(sim.state().pos.length)
    for (let i = 0; i < km.length; i++) km[i] = sim.state().pos[i] / 1000
    tracker.observe(sim.time(), km, km.length / 3, new Int32Array(0), k)
    expect(orbits.isRebased(k)).toBe(false)
    expect(modelMiss(k)).toBeLessThan(1)
  })
})

describe('interpolated frames (the worker blends two engine steps while playing)', () => {
  it('finds the blend factor from the time and the step', () => {
    expect(interpolationAlpha(90, 30, true)).toBe(0)
    expect(interpolationAlpha(100, 30, true)).toBeCloseTo(1 / 3, 12)
    expect(interpolationAlpha(100, 30, false)).toBe(0)
  })

  it('moves a chord point back onto the arc', () => {
    const r = 7e6
    const theta = 0.04
    for (const alpha of [0.25, 0.5, 0.8]) {
      const p0 = [r, 0, 0]
      const p1 = [r * Math.cos(theta), r * Math.sin(theta), 0]
      const p = Float64Array.from([0, 1, 2].map((c) => p0[c] + (p1[c] - p0[c]) * alpha))
      expect(r - Math.hypot(p[0], p[1], p[2])).toBeGreaterThan(100)
      deinterpolate(p, alpha, theta)
      expect(Math.abs(Math.hypot(p[0], p[1], p[2]) - r)).toBeLessThan(0.5)
    }
  })

  it('keeps models and refits a burn from blended positions as precisely as from exact ones', () => {
    const spec = makeSpec({ durationS: 4 * 3600, stepS: 60 })
    const ids = spec.satellites.map((s) => s.id)
    const sim = createSimulation(spec)
    sim.scheduleManeuver({
      kind: 'maneuver',
      satellite: 'P1-S2',
      atS: 1800,
      dv: { frame: 'rtn', r: 0, t: 40, n: 0 },
      purpose: 'other',
      rationale: 'test',
    })
    const k = ids.indexOf('P1-S2')
    const orbits = new FleetOrbits(spec, ids)
    const tracker = new OrbitTracker(orbits)
    const watch = orbitSubset(orbits.plane, ids.length, 200)
    let prev = Float64Array.from(sim.state().pos)
    const km = new Float32Array(prev.length)
    // Frames 7 times per 60 s step, blending the previous and the current step like the worker.
    while (sim.time() < 3 * 3600) {
      prev = Float64Array.from(sim.state().pos)
      sim.step()
      const cur = sim.state().pos
      for (const alpha of [0.1, 0.25, 0.4, 0.55, 0.7, 0.85, 0.97]) {
        for (let i = 0; i < km.length; i++) km[i] = (prev[i] + (cur[i] - prev[i]) * alpha) / 1000
        tracker.observe(sim.time() - 60 * (1 - alpha), km, ids.length, watch, k, true)
      }
      if (sim.time() === 1500) expect(tracker.version).toBe(0)
    }
    expect(orbits.isRebased(k)).toBe(true)
    const m = new Float64Array(3)
    orbits.positionM(k, sim.time(), m, 0)
    const p = sim.state().pos
    expect(Math.hypot(m[0] - p[3 * k], m[1] - p[3 * k + 1], m[2] - p[3 * k + 2])).toBeLessThan(5000)
    const v = tracker.version
    // The fit holds: another hour brings no refit of the satellite.
    while (sim.time() < 4 * 3600 - 60) {
      sim.step()
      const cur = sim.state().pos
      for (let i = 0; i < km.length; i++) km[i] = cur[i] / 1000
      tracker.observe(sim.time(), km, ids.length, watch, k, true)
    }
    expect(tracker.version - v).toBeLessThanOrEqual(1)
  })
})
