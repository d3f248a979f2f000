// Orbit sampling for the scene: loops, models, the ground track, burn recovery and the subset of
// loops drawn for big constellations.

import { describe, expect, it } from 'vitest'
import { createSimulation, DEG, type KeplerElements, OMEGA_EARTH, R_EARTH } from '../../src/core'
import { elementsToState, orbitalPeriod } from '../../src/core/kepler'
import { KeplerSet } from '../../src/core/kepler-set'
import { createTleOrbit } from '../../src/core/sgp4'
import { gmstRad } from '../../src/core/time'
import {
  driftElements,
  emptyElements,
  estimateElements,
  FleetOrbits,
  ORBIT_SAMPLES,
  orbitSubset,
  PositionHistory,
  sampleGroundTrack,
  sampleOrbitLoop,
  samplePropagatedLoop,
} from '../../src/scene/orbits'
import { makeSpec, TEST_BUS } from '../support/spec-fixture'

const ISS_1 = '1 25544U 98067A   26079.50000000  .00016717  00000-0  10270-3 0  9005'
const ISS_2 = '2 25544  51.6416 247.4627 0006703 130.5360 325.0288 15.49815453 30000'

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
    const orbits = new FleetOrbits(spec, ids)
    const pos = sim.state().pos
    const p = new Float64Array(3)
    for (let k = 0; k < ids.length; k++) {
      expect(orbits.positionM(k, sim.time(), p, 0)).toBe(true)
      const miss = Math.hypot(p[0] - pos[3 * k], p[1] - pos[3 * k + 1], p[2] - pos[3 * k + 2])
      expect(miss).toBeLessThan(1e-3)
    }
    expect(orbits.periodS(0)).toBeCloseTo(orbitalPeriod(R_EARTH + 550e3), 6)
    expect(Array.from(orbits.plane.slice(0, 5))).toEqual([0, 0, 0, 0, 1])
    expect(orbits.maxOffNadirRad[0]).toBe(TEST_BUS.maxOffNadirRad)
  })

  it('drifts the node the way the engine does (J2), or not at all (two-body)', () => {
    const spec = makeSpec()
    const ids = spec.satellites.map((s) => s.id)
    const j2 = new FleetOrbits(spec, ids)
    const plain = new FleetOrbits({ ...spec, j2: false }, ids)
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
    // driftElements reproduces the model's elements from the epoch elements.
    const c = emptyElements()
    driftElements((spec.satellites[0].orbit as { elements: KeplerElements }).elements, day, true, c)
    expect(c.raan).toBeCloseTo(((a.raan % (2 * Math.PI)) + 2 * Math.PI) % (2 * Math.PI), 9)
  })

  it('propagates TLE satellites with SGP4 and gives their osculating elements', () => {
    const spec = makeSpec({
      satellites: [
        {
          id: 'ISS',
          role: 'active',
          bus: TEST_BUS,
          orbit: { kind: 'tle', name: 'ISS', line1: ISS_1, line2: ISS_2 },
        },
      ],
    })
    const orbits = new FleetOrbits(spec, ['ISS'])
    expect(orbits.has(0)).toBe(true)
    expect(orbits.canRebase(0)).toBe(false)
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

  it('has no model for an id the scenario does not know', () => {
    const spec = makeSpec()
    const orbits = new FleetOrbits(spec, ['nope'])
    expect(orbits.has(0)).toBe(false)
    expect(orbits.positionM(0, 0, new Float64Array(3), 0)).toBe(false)
    expect(sampleGroundTrack(orbits, 0, 0, 5000, 8, 1, new Float32Array(51))).toBe(0)
  })
})

describe('estimateElements', () => {
  /** Positions of one satellite at t1 and t2 from the engine's own propagator. */
  function twoPositions(el: KeplerElements, j2: boolean, t1: number, t2: number) {
    const set = new KeplerSet([el])
    const s = new Float64Array(6)
    set.stateAt(0, t1, j2, s, 0)
    const r1 = Array.from(s.slice(0, 3))
    set.stateAt(0, t2, j2, s, 0)
    const r2 = Array.from(s.slice(0, 3))
    return { r1, r2, truth: set.elementsAt(0, t2, j2) }
  }

  it.each([
    ['circular LEO, J2', { a: R_EARTH + 550e3, e: 0, i: 53 * DEG, raan: 1, argp: 0, m0: 2 }, true, 60],
    [
      'transfer ellipse, J2',
      { a: R_EARTH + 475e3, e: 0.0109, i: 53 * DEG, raan: 4, argp: 1, m0: 3 },
      true,
      120,
    ],
    ['eccentric, two-body', ELLIPSE, false, 300],
    [
      'sun-synchronous, J2, 30 s',
      { a: R_EARTH + 700e3, e: 0.001, i: 98.2 * DEG, raan: 5, argp: 2, m0: 1 },
      true,
      30,
    ],
  ] as [string, KeplerElements, boolean, number][])('recovers %s', (_name, el, j2, gap) => {
    const { r1, r2, truth } = twoPositions(el, j2, 1000, 1000 + gap)
    const out = emptyElements()
    expect(estimateElements(r1, 1000, r2, 1000 + gap, j2, out)).toBe(true)
    expect(Math.abs(out.a - truth.a)).toBeLessThan(5)
    expect(Math.abs(out.e - truth.e)).toBeLessThan(1e-5)
    expect(Math.abs(out.i - truth.i)).toBeLessThan(1e-7)
    // The rebuilt model puts the satellite where the engine does, a whole revolution later.
    const later = 1000 + gap + orbitalPeriod(el.a)
    const set = new KeplerSet([el])
    const s = new Float64Array(6)
    set.stateAt(0, later, j2, s, 0)
    const model = new KeplerSet([el])
    model.rebase(0, out, 1000 + gap)
    const m = new Float64Array(6)
    model.stateAt(0, later, j2, m, 0)
    expect(Math.hypot(m[0] - s[0], m[1] - s[1], m[2] - s[2])).toBeLessThan(200)
  })

  it('works from single-precision km positions as the frames carry them', () => {
    const el: KeplerElements = { a: R_EARTH + 400e3, e: 0, i: 53 * DEG, raan: 0, argp: 0, m0: 0.3 }
    const { r1, r2, truth } = twoPositions(el, true, 0, 90)
    const f32 = (r: number[]) => Array.from(new Float32Array(r.map((v) => v / 1000)), (v) => v * 1000)
    const out = emptyElements()
    expect(estimateElements(f32(r1), 0, f32(r2), 90, true, out)).toBe(true)
    expect(Math.abs(out.a - truth.a)).toBeLessThan(200)
    expect(out.e).toBeLessThan(1e-4)
  })

  it('refuses degenerate input', () => {
    const out = emptyElements()
    expect(estimateElements([7e6, 0, 0], 10, [7e6, 0, 0], 10, true, out)).toBe(false)
    expect(estimateElements([0, 0, 0], 0, [0, 0, 0], 60, true, out)).toBe(false)
  })
})

describe('sampleGroundTrack', () => {
  const spec = makeSpec()
  const ids = spec.satellites.map((s) => s.id)
  const orbits = new FleetOrbits({ ...spec, j2: false }, ids)
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

describe('PositionHistory', () => {
  it('keeps snapshots at least the gap apart and finds one old enough', () => {
    const h = new PositionHistory(60)
    const at = (v: number) => new Float32Array([v, v, v])
    h.push(0, at(0))
    h.push(30, at(30))
    h.push(60, at(60))
    h.push(90, at(90))
    expect(h.before(90, 20, 600)?.tS).toBe(60)
    expect(h.before(70, 20, 600)?.tS).toBe(0)
    expect(h.before(65, 20, 600)?.positions[0]).toBe(0)
    h.push(130, at(130))
    expect(h.before(135, 2, 600)?.tS).toBe(130)
    expect(h.before(135, 20, 600)?.tS).toBe(60)
    expect(h.before(135, 20, 30)).toBeNull()
  })

  it('forgets everything when time goes backwards', () => {
    const h = new PositionHistory(60)
    h.push(100, new Float32Array(3))
    h.push(200, new Float32Array(3))
    h.push(50, new Float32Array([5, 5, 5]))
    expect(h.before(300, 0, 1000)?.tS).toBe(50)
    expect(h.before(300, 251, 1000)).toBeNull()
  })
})
