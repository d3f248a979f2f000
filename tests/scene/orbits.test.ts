// Orbit sampling for the scene: loops, models made from the engine's orbit facts, the ground
// track and the subset of loops drawn for big constellations.

import { describe, expect, it } from 'vitest'
import {
  createSimulation,
  DEG,
  type KeplerElements,
  OMEGA_EARTH,
  type OrbitFact,
  R_EARTH,
  type ScenarioSpec,
  type Simulation,
} from '../../src/core'
import { elementsToState, orbitalPeriod } from '../../src/core/kepler'
import { createElementSetOrbit, createTleOrbit } from '../../src/core/sgp4'
import { gmstRad } from '../../src/core/time'
import type { OrbitsRef } from '../../src/scene/contract'
import {
  emptyElements,
  FleetOrbits,
  ORBIT_SAMPLES,
  orbitSubset,
  sampleGroundTrack,
  sampleOrbitLoop,
  samplePropagatedLoop,
} from '../../src/scene/orbits'
import { needsSgp4 } from '../../src/scene/tle-models'
import { makeSpec, TEST_BUS } from '../support/spec-fixture'

/** The orbits an engine holds now, as the worker would send them. */
function bookOf(sim: Simulation, version = 1): OrbitsRef {
  return { version, orbits: sim.world.sats.map((_, k) => sim.orbit(k)) }
}

/** Models of a fresh engine's orbits (what a scene has right after a load). */
function modelsOf(spec: ScenarioSpec, ids = spec.satellites.map((s) => s.id)): FleetOrbits {
  const orbits = new FleetOrbits(spec, ids, createElementSetOrbit)
  orbits.sync(bookOf(createSimulation(spec)))
  return orbits
}

const ISS_1 = '1 25544U 98067A   26079.50000000  .00016717  00000-0  10270-3 0  9005'
const ISS_2 = '2 25544  51.6416 247.4627 0006703 130.5360 325.0288 15.49815453 30000'

/** A scenario of one satellite, the ISS, flying its TLE. */
function issSpec(): ScenarioSpec {
  return makeSpec({
    satellites: [
      {
        id: 'ISS',
        role: 'active',
        bus: TEST_BUS,
        orbit: { kind: 'tle', name: 'ISS', line1: ISS_1, line2: ISS_2 },
      },
    ],
  })
}

const ELLIPSE: KeplerElements = { a: 12_000e3, e: 0.3, i: 63.4 * DEG, raan: 40 * DEG, argp: 270 * DEG, m0: 0 }

describe('sampleOrbitLoop', () => {
  it('puts every sample exactly where elementsToState puts the satellite at M = E − e sin E', () => {
    const n = 64
    const out = new Float32Array(3 * n)
    sampleOrbitLoop(ELLIPSE, n, 1 / R_EARTH, out, 0)
    const state = new Float64Array(6)
    for (let k = 0; k < n; k++) {
      const ea = (2 * Math.PI * k) / n
      elementsToState({ ...ELLIPSE, m0: ea - ELLIPSE.e * Math.sin(ea) }, state, 0)
      for (let c = 0; c < 3; c++) expect(out[3 * k + c] * R_EARTH).toBeCloseTo(state[c], -1)
    }
  })

  it('spans perigee to apogee and stays in the orbit plane', () => {
    const out = new Float32Array(3 * ORBIT_SAMPLES)
    sampleOrbitLoop(ELLIPSE, ORBIT_SAMPLES, 1, out, 0)
    let rMin = Number.POSITIVE_INFINITY
    let rMax = 0
    // Orbit normal: (sin i sin Ω, −sin i cos Ω, cos i).
    const nx = Math.sin(ELLIPSE.i) * Math.sin(ELLIPSE.raan)
    const ny = -Math.sin(ELLIPSE.i) * Math.cos(ELLIPSE.raan)
    const nz = Math.cos(ELLIPSE.i)
    for (let k = 0; k < ORBIT_SAMPLES; k++) {
      const [x, y, z] = [out[3 * k], out[3 * k + 1], out[3 * k + 2]]
      const r = Math.hypot(x, y, z)
      rMin = Math.min(rMin, r)
      rMax = Math.max(rMax, r)
      expect(Math.abs(x * nx + y * ny + z * nz) / r).toBeLessThan(1e-6)
    }
    expect(rMin).toBeCloseTo(ELLIPSE.a * (1 - ELLIPSE.e), -1)
    expect(rMax).toBeCloseTo(ELLIPSE.a * (1 + ELLIPSE.e), -1)
  })
})

describe('FleetOrbits', () => {
  it('agrees with the engine positions of a Walker constellation under J2, hours in', () => {
    const spec = makeSpec({ durationS: 3 * 3600 })
    const sim = createSimulation(spec)
    sim.runUntil(2 * 3600 + 17 * 30)
    const ids = spec.satellites.map((s) => s.id)
    const orbits = modelsOf(spec)
    const pos = sim.state().pos
    const p = new Float64Array(3)
    for (let k = 0; k < ids.length; k++) {
      expect(orbits.positionM(k, sim.time(), p, 0)).toBe(true)
      // The engine's bulk propagation adds angles where stateAt calls cos/sin: round-off apart.
      expect(Math.hypot(p[0] - pos[3 * k], p[1] - pos[3 * k + 1], p[2] - pos[3 * k + 2])).toBeLessThan(1e-6)
    }
    expect(orbits.periodS(0)).toBeCloseTo(orbitalPeriod(R_EARTH + 550e3), 6)
    expect(Array.from(orbits.plane.slice(0, 5))).toEqual([0, 0, 0, 0, 1])
    expect(orbits.maxOffNadirRad[0]).toBe(TEST_BUS.maxOffNadirRad)
  })

  it('drifts the node the way the engine does (J2), or not at all (two-body)', () => {
    const spec = makeSpec()
    const ids = spec.satellites.map((s) => s.id)
    const j2 = modelsOf(spec, ids)
    const plain = modelsOf({ ...spec, j2: false }, ids)
    const a = emptyElements()
    const b = emptyElements()
    const day = 86400
    j2.elementsAt(0, day, a)
    plain.elementsAt(0, day, b)
    // 550 km, 53°: the node regresses about 4.5° per day.
    const raan0 = (spec.satellites[0].orbit as { elements: KeplerElements }).elements.raan
    const drift = ((a.raan - raan0 + Math.PI) % (2 * Math.PI)) - Math.PI
    expect(drift / DEG).toBeLessThan(-4)
    expect(drift / DEG).toBeGreaterThan(-5)
    expect(b.raan).toBe(raan0)
  })

  it('propagates TLE satellites with SGP4 and gives their osculating elements', () => {
    const spec = issSpec()
    const orbits = modelsOf(spec, ['ISS'])
    expect(orbits.has(0)).toBe(true)
    const p = new Float64Array(3)
    expect(orbits.positionM(0, 600, p, 0)).toBe(true)
    const tle = createTleOrbit(ISS_1, ISS_2)
    const q = new Float64Array(3)
    tle.propagate(spec.epochMs + 600_000, q, new Float64Array(3), 0)
    expect(Array.from(p)).toEqual(Array.from(q))
    expect(orbits.isTle(0)).toBe(true)
    // One revolution sampled with SGP4 comes back to (nearly) where it started.
    const loop = new Float32Array(3 * 64)
    expect(samplePropagatedLoop(orbits, 0, 600, 64, 1 / 1000, loop)).toBe(true)
    expect(loop[0] * 1000).toBeCloseTo(p[0], -1)
    const r = Math.hypot(loop[96], loop[97], loop[98])
    expect(r).toBeGreaterThan(6700)
    expect(r).toBeLessThan(6800)
    const el = emptyElements()
    expect(orbits.elementsAt(0, 600, el)).toBe(true)
    expect(el.i / DEG).toBeCloseTo(51.64, 0)
    // SGP4's un-Kozai'd mean motion differs slightly from the TLE's Kozai value.
    expect(orbits.periodS(0) / 60).toBeCloseTo(1440 / 15.49815453, 1)
  })

  it('has no TLE model without an SGP4 factory (the page has not loaded satellite.js yet)', () => {
    const spec = issSpec()
    expect(needsSgp4(spec)).toBe(true)
    expect(needsSgp4(makeSpec())).toBe(false)
    const book = bookOf(createSimulation(spec))
    const without = new FleetOrbits(spec, ['ISS'])
    expect(without.sync(book)).toBe(true)
    expect(without.has(0)).toBe(false)
    expect(without.positionM(0, 600, new Float64Array(3), 0)).toBe(false)
    const made: string[] = []
    const withFactory = new FleetOrbits(spec, ['ISS'], (orbit) => {
      made.push(orbit.name)
      return createElementSetOrbit(orbit)
    })
    withFactory.sync(book)
    expect(made).toEqual(['ISS'])
    expect(withFactory.isTle(0)).toBe(true)
  })

  it('has no model before the first orbits arrive, nor for an orbit it cannot use', () => {
    const spec = makeSpec()
    const orbits = new FleetOrbits(spec, ['P1-S1', 'P1-S2', 'P1-S3'], createElementSetOrbit)
    expect(orbits.has(0)).toBe(false)
    expect(orbits.positionM(0, 0, new Float64Array(3), 0)).toBe(false)
    expect(sampleGroundTrack(orbits, 0, 0, 5000, 8, 1, new Float32Array(51))).toBe(0)
    const good = createSimulation(spec).orbit(0)
    const hyperbolic: OrbitFact = { kind: 'kepler', elements: { ...ELLIPSE, e: 1.5 }, epochS: 0 }
    const badTle: OrbitFact = { kind: 'tle', name: 'X', line1: 'not', line2: 'a tle' }
    expect(orbits.sync({ version: 1, orbits: [good, hyperbolic, badTle] })).toBe(true)
    expect([orbits.has(0), orbits.has(1), orbits.has(2)]).toEqual([true, false, false])
    expect(orbits.periodS(1)).toBeNaN()
  })

  it('follows a new book (a new run) even when it restarts at the same version', () => {
    const spec = makeSpec()
    const orbits = new FleetOrbits(spec, ['P1-S1'])
    const fact = createSimulation(spec).orbit(0)
    expect(orbits.sync({ version: 1, orbits: [undefined] })).toBe(false)
    expect(orbits.has(0)).toBe(false)
    expect(orbits.sync({ version: 1, orbits: [fact] })).toBe(true)
    expect(orbits.has(0)).toBe(true)
  })

  it('follows a burn and a restore the moment the book says so, and only then', () => {
    const spec = makeSpec({ durationS: 3 * 3600 })
    const sim = createSimulation(spec)
    const ids = spec.satellites.map((s) => s.id)
    const before = sim.snapshot()
    const orbits = new FleetOrbits(spec, ids)
    const book = { version: 1, orbits: [...bookOf(sim).orbits] }
    orbits.sync(book)
    // A 1 m/s prograde burn of P1-S2 at 20 min (the 5 km miss of a fitted model would not see it).
    expect(
      sim.scheduleManeuver({
        kind: 'maneuver',
        satellite: 'P1-S2',
        atS: 1200,
        dv: { frame: 'rtn', r: 0, t: 1, n: 0 },
        purpose: 'other',
        rationale: 'test',
      }),
    ).toBeNull()
    sim.runUntil(1230)
    const burned = sim.orbit(1)
    expect(burned.kind === 'kepler' && burned.epochS).toBe(1200)
    // Half an orbit on, the old orbit misses the satellite by kilometres…
    sim.runUntil(1200 + 2700)
    const p = new Float64Array(3)
    const miss = () => {
      orbits.positionM(1, sim.time(), p, 0)
      const pos = sim.state().pos
      return Math.hypot(p[0] - pos[3], p[1] - pos[4], p[2] - pos[5])
    }
    expect(miss()).toBeGreaterThan(1000)
    // …and a book entry without a new version is not taken: the model does not guess.
    book.orbits[1] = burned
    expect(orbits.sync(book)).toBe(false)
    expect(miss()).toBeGreaterThan(1000)
    // A new version: the model is the engine's (to round-off, nanometres), now and orbits later.
    expect(orbits.sync({ version: 2, orbits: book.orbits })).toBe(true)
    expect(orbits.version).toBe(2)
    for (let n = 0; n < 4; n++) {
      expect(miss()).toBeLessThan(1e-6)
      sim.runUntil(sim.time() + 1800)
    }
    // Back before the burn: the scenario's orbit again.
    sim.restore(before)
    const back = { version: 3, orbits: bookOf(sim).orbits }
    expect(orbits.sync(back)).toBe(true)
    const el = emptyElements()
    orbits.elementsAt(1, 600, el)
    const original = (spec.satellites[1].orbit as { elements: KeplerElements }).elements
    expect(el.a).toBe(original.a)
  })
})

describe('sampleGroundTrack', () => {
  const spec = makeSpec()
  const ids = spec.satellites.map((s) => s.id)
  const orbits = modelsOf({ ...spec, j2: false }, ids)
  const period = orbits.periodS(0)
  const half = 64
  const out = new Float32Array(3 * (2 * half + 1))
  const t = 1234
  const n = sampleGroundTrack(orbits, 0, t, period, half, 1.003, out)

  it('has 2·half + 1 points on the requested sphere', () => {
    expect(n).toBe(2 * half + 1)
    for (let j = 0; j < n; j++)
      expect(Math.hypot(out[3 * j], out[3 * j + 1], out[3 * j + 2])).toBeCloseTo(1.003, 5)
  })

  it('passes under the satellite now', () => {
    const p = new Float64Array(3)
    orbits.positionM(0, t, p, 0)
    const g = gmstRad(spec.epochMs + t * 1000)
    const x = Math.cos(g) * p[0] + Math.sin(g) * p[1]
    const y = -Math.sin(g) * p[0] + Math.cos(g) * p[1]
    const r = Math.hypot(x, y, p[2])
    const m = 3 * half
    expect(out[m] / 1.003).toBeCloseTo(x / r, 5)
    expect(out[m + 1] / 1.003).toBeCloseTo(y / r, 5)
    expect(out[m + 2] / 1.003).toBeCloseTo(p[2] / r, 5)
  })

  it('shifts west by the Earth rotation over one revolution', () => {
    const lon = (j: number) => Math.atan2(out[3 * j + 1], out[3 * j])
    const lat = (j: number) => Math.asin(out[3 * j + 2] / 1.003)
    const m = half
    const end = 2 * half
    expect(lat(end)).toBeCloseTo(lat(m), 5)
    let dLon = lon(end) - lon(m)
    dLon = ((dLon + 3 * Math.PI) % (2 * Math.PI)) - Math.PI
    expect(dLon).toBeCloseTo(-OMEGA_EARTH * period, 3)
  })
})

describe('orbitSubset', () => {
  it('draws every loop up to the cap', () => {
    expect(Array.from(orbitSubset(new Int32Array(5).fill(-1), 5, 200))).toEqual([0, 1, 2, 3, 4])
  })

  it('draws one loop per Walker plane beyond it, and none without planes', () => {
    const plane = Int32Array.from({ length: 1000 }, (_, k) => Math.floor(k / 40))
    expect(Array.from(orbitSubset(plane, 1000, 200))).toEqual(Array.from({ length: 25 }, (_, p) => 40 * p))
    expect(orbitSubset(new Int32Array(1000).fill(-1), 1000, 200).length).toBe(0)
    expect(
      orbitSubset(
        Int32Array.from({ length: 1000 }, (_, k) => k),
        1000,
        200,
      ).length,
    ).toBe(200)
  })
})
