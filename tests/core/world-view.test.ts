// The WorldView planners receive, checked against the engine it pictures: the satellite, station
// and task fields against the engine state and the scenario, and the prediction helpers
// (positions, visibility windows, imaging) against what the engine then really does.

import { describe, expect, it } from 'vitest'
import { createSimulation } from '../../src/core'
import { isVisible } from '../../src/core/engine/geometry-pass'
import { makeSpec, TEST_BUS } from '../support/spec-fixture'

describe('the world view', () => {
  it('carries the scenario constants', () => {
    const spec = makeSpec()
    const v = createSimulation(spec).view()
    expect([v.timeS, v.epochMs, v.stepS, v.durationS, v.plannerCadenceS, v.failureHealth, v.j2]).toEqual([
      0,
      spec.epochMs,
      spec.stepS,
      spec.durationS,
      spec.plannerCadenceS,
      spec.components.failureHealth,
      spec.j2,
    ])
    expect(v.trigger).toBe('inspection')
  })

  it('pictures each satellite as the engine holds it', () => {
    const spec = makeSpec({
      events: [
        { type: 'failure', atS: 60, satellite: 'P1-S2', component: 'thruster' },
        { type: 'failure', atS: 60, satellite: 'P1-S3', component: 'battery' },
      ],
    })
    const sim = createSimulation(spec)
    // Before any step: the initial charge.
    expect(sim.view().satellites[0].soc).toBeCloseTo(TEST_BUS.initialSoc, 12)
    sim.runUntil(900)
    const s = sim.state()
    const v = sim.view()
    expect(v.satellites.map((x) => x.id)).toEqual(spec.satellites.map((x) => x.id))
    for (const [k, sat] of v.satellites.entries()) {
      expect(sat.index).toBe(k)
      expect(sat.positionEciM).toEqual(Array.from(s.pos.subarray(3 * k, 3 * k + 3)))
      expect(sat.velocityEciMS).toEqual(Array.from(s.vel.subarray(3 * k, 3 * k + 3)))
      expect([sat.latRad, sat.lonRad, sat.altM]).toEqual(Array.from(s.geo.subarray(3 * k, 3 * k + 3)))
      expect(sat.propellantKg).toBe(s.propellantKg[k])
      expect(sat.massKg).toBe(TEST_BUS.dryMassKg + s.propellantKg[k])
      expect(sat.storageUsedBits).toBe(s.storageBits[k])
      expect(sat.sunlit).toBe(s.sunlit[k] === 1)
      // State of charge against the battery's capacity (health 1: no battery wear here).
      if (!sat.failed) expect(sat.soc).toBeCloseTo(s.energyJ[k] / TEST_BUS.batteryCapacityJ, 12)
      // A circular 550 km orbit: the osculating semi-major axis within J2's few kilometres.
      expect(Math.abs(sat.elements.a - (6378137 + 550e3))).toBeLessThan(15e3)
      expect([sat.role, sat.mode, sat.isTle, sat.retired]).toEqual(['active', 'raw', false, false])
      expect(sat.plane).toBe(spec.satellites[k].plane)
      expect(sat.slot).toBe(spec.satellites[k].slot)
    }
    expect(v.satellites.slice(0, 4).map((x) => [x.thrusterOk, x.failed, x.status])).toEqual([
      [true, false, 'nominal'],
      [false, false, 'nominal'],
      [true, true, 'failed'],
      [true, false, 'nominal'],
    ])
    // A failed battery leaves no capacity: its state of charge reads 0.
    expect(v.satellites[2].soc).toBe(0)
  })

  it('shows station outages with their end, and tasks with who captured them when', () => {
    const spec = makeSpec({
      events: [{ type: 'stationOutage', atS: 600, station: 'fairbanks', durationS: 1800 }],
    })
    const sim = createSimulation(spec)
    sim.runUntil(900)
    expect(sim.view().stations.map((x) => [x.id, x.index, x.inOutage, x.outageEndsS])).toEqual([
      ['svalbard', 0, false, null],
      ['hartebeesthoek', 1, false, null],
      ['fairbanks', 2, true, 2400],
    ])
    sim.runUntil(6 * 3600)
    expect(sim.view().stations[2]).toMatchObject({ inOutage: false, outageEndsS: null })
    const captured = sim.events().filter((e) => e.type === 'taskCaptured')
    expect(captured.length).toBeGreaterThan(0)
    for (const t of sim.view().tasks) {
      const c = captured.find((e) => e.task === t.id)
      expect([t.capturedBy, t.capturedAtS]).toEqual(c ? [c.satellite, c.t] : [null, null])
      expect(t.index).toBe(spec.tasks.findIndex((x) => x.id === t.id))
    }
  })

  it('lists conjunction warnings without the debris position the engine keeps hidden', () => {
    const spec = makeSpec({
      events: [
        {
          type: 'conjunction',
          atS: 300,
          satellite: 'P1-S1',
          tcaS: 4000,
          missDistanceM: 50,
          hardBodyRadiusM: 10,
        },
      ],
    })
    const sim = createSimulation(spec)
    sim.runUntil(600)
    expect(sim.view().conjunctions).toEqual([
      { satellite: 'P1-S1', warnedAtS: 300, tcaS: 4000, predictedMissM: 50, hardBodyRadiusM: 10 },
    ])
  })
})

describe('the prediction helpers', () => {
  it('predictPosition is where the engine puts the satellite (no burns in between)', () => {
    const sim = createSimulation(makeSpec())
    sim.runUntil(600)
    const v = sim.view()
    const out = new Float64Array(3)
    const returned = v.predictPosition(4, 2400, out)
    expect(returned).toBe(out)
    const asArray = v.predictPosition(4, 2400)
    expect(asArray).toEqual(Array.from(out))
    sim.runUntil(2400)
    const p = sim.state().pos.subarray(12, 15)
    expect(Math.hypot(out[0] - p[0], out[1] - p[1], out[2] - p[2])).toBeLessThan(1e-3)
    // …and predicting changed nothing: the engine is where it would have been anyway.
    const plain = createSimulation(makeSpec())
    plain.runUntil(2400)
    expect(Array.from(plain.state().pos)).toEqual(Array.from(sim.state().pos))
  })

  it('visibilityWindows covers exactly the steps at which the engine sees the satellite', () => {
    const spec = makeSpec({ durationS: 4 * 3600 })
    const sim = createSimulation(spec)
    const v = sim.view()
    const ns = sim.world.stations.length
    const windows = sim.world.sats.map((_, k) =>
      [0, 1, 2].map((j) => v.visibilityWindows(k, j, 0, spec.durationS)),
    )
    const inWindow = (k: number, j: number, t: number) => windows[k][j].some(([a, b]) => t >= a && t <= b)
    let visibleSteps = 0
    while (sim.step()) {
      const t = sim.time()
      for (let k = 0; k < sim.world.satCount; k++)
        for (let j = 0; j < ns; j++) {
          const seen = isVisible(sim.state().visible, ns, k, j)
          expect(inWindow(k, j, t), `${k}/${j} at ${t}`).toBe(seen)
          if (seen) visibleSteps++
        }
    }
    expect(visibleSteps).toBeGreaterThan(50)
    // Coarser sampling: window edges on that grid, within the default-step windows.
    const coarse = v.visibilityWindows(0, 1, 0, spec.durationS, 300)
    expect(coarse.length).toBeGreaterThan(0)
    for (const [a, b] of coarse) {
      expect(a % 300).toBe(0)
      expect(b % 300 === 0 || b === spec.durationS).toBe(true)
      expect(inWindow(0, 1, a) && inWindow(0, 1, b)).toBe(true)
    }
  })

  it('canImage says yes for the satellite and time of every capture', () => {
    const spec = makeSpec()
    const sim = createSimulation(spec)
    const v = sim.view()
    sim.runUntil(spec.durationS)
    const captured = sim.events().filter((e) => e.type === 'taskCaptured')
    expect(captured.length).toBeGreaterThan(0)
    for (const e of captured) {
      const k = sim.world.satIndex.get(e.satellite!)!
      const q = spec.tasks.findIndex((x) => x.id === e.task)
      expect(v.canImage(k, q, e.t)).toBe(true)
      // Half an orbit later the target is on the far side of the Earth.
      expect(v.canImage(k, q, e.t + 2870)).toBe(false)
    }
  })
})
