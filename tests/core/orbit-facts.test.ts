// What the engine says each orbit is (Simulation.orbit, propagator.ts orbitOf): the fact a
// display draws an orbit from, sent to the page instead of positions. A Keplerian satellite's
// fact is its elements and the time they hold at (the epoch, or its last burn); an element-set
// satellite's is the TLE or OMM it flies on, as the scenario gave it. Each call gives a new
// object: a reader that changes it changes nothing in the run.

import { describe, expect, it } from 'vitest'
import { createSimulation, MU_EARTH, type SatelliteSpec } from '../../src/core'
import { elementsToState, meanMotion } from '../../src/core/kepler'
import { SINKER, SINKING_1, SINKING_2 } from '../support/sinking-tle'
import { makeSpec, TEST_BUS, walker } from '../support/spec-fixture'

const KEPLER = walker(2, 1, 0, 550, 53)
const TLE: SatelliteSpec = { ...SINKER, id: 'T' }
// The same ISS-like elements as the sinking TLE, as an OMM record (a milder drag term).
const OMM: SatelliteSpec = {
  id: 'O',
  role: 'active',
  bus: TEST_BUS,
  orbit: {
    kind: 'omm',
    name: 'OMM-SAT',
    omm: {
      OBJECT_NAME: 'OMM-SAT',
      OBJECT_ID: '1998-067A',
      NORAD_CAT_ID: 25544,
      EPOCH: '2026-03-20T00:00:00.000000',
      MEAN_MOTION: 15.5,
      ECCENTRICITY: 0.0006703,
      INCLINATION: 51.6416,
      RA_OF_ASC_NODE: 247.4627,
      ARG_OF_PERICENTER: 130.536,
      MEAN_ANOMALY: 325.0288,
      BSTAR: 0.0001,
      MEAN_MOTION_DOT: 0.00016717,
      MEAN_MOTION_DDOT: 0,
      ELEMENT_SET_NO: 999,
    },
  },
}

/** The engine keeps Keplerian satellites first: the index of a satellite by id. */
const indexOf = (sim: ReturnType<typeof createSimulation>, id: string) =>
  sim.world.sats.findIndex((s) => s.id === id)

describe("the engine's orbit facts", () => {
  const spec = makeSpec({ satellites: [TLE, KEPLER[0], OMM, KEPLER[1]], tasks: [] })

  it('are the scenario orbits at the start, for each kind of orbit', () => {
    const sim = createSimulation(spec)
    for (const sat of KEPLER) {
      expect(sim.orbit(indexOf(sim, sat.id))).toEqual({
        kind: 'kepler',
        elements: sat.orbit.kind === 'kepler' && sat.orbit.elements,
        epochS: 0,
      })
    }
    expect(sim.orbit(indexOf(sim, 'T'))).toEqual({
      kind: 'tle',
      name: 'SINKER',
      line1: SINKING_1,
      line2: SINKING_2,
    })
    expect(sim.orbit(indexOf(sim, 'O'))).toEqual(OMM.orbit)
  })

  it('are new objects: a reader that changes one changes nothing', () => {
    const sim = createSimulation(spec)
    const k = indexOf(sim, KEPLER[1].id)
    const o = indexOf(sim, 'O')
    const kepler = sim.orbit(k)
    const omm = sim.orbit(o)
    if (kepler.kind !== 'kepler' || omm.kind !== 'omm') throw new Error('fixture: orbit kinds')
    kepler.elements.a *= 2
    kepler.epochS = 99
    omm.omm.MEAN_MOTION = 1
    expect(sim.orbit(k)).toEqual({
      kind: 'kepler',
      elements: (KEPLER[1].orbit as { elements: unknown }).elements,
      epochS: 0,
    })
    expect(sim.orbit(o)).toEqual(OMM.orbit)
    // The run itself is untouched: the satellite is where an untouched run puts it.
    sim.runUntil(1800)
    const fresh = createSimulation(spec)
    fresh.runUntil(1800)
    expect(Array.from(sim.state().pos)).toEqual(Array.from(fresh.state().pos))
  })

  it('after a burn, are the elements at the burn: two-body motion from them finds the satellite', () => {
    const burnS = 1200
    const sim = createSimulation(makeSpec({ satellites: KEPLER, tasks: [], j2: false }))
    const before = sim.orbit(1)
    const why = sim.scheduleManeuver({
      kind: 'maneuver',
      satellite: KEPLER[1].id,
      atS: burnS,
      dv: { frame: 'rtn', r: 0, t: 5, n: 0 },
      purpose: 'other',
      rationale: 'test',
    })
    expect(why).toBeNull()
    sim.runUntil(burnS + 2700)
    const after = sim.orbit(1)
    if (before.kind !== 'kepler' || after.kind !== 'kepler') throw new Error('fixture: Keplerian orbits')
    expect(after.epochS).toBe(burnS)
    // 5 m/s prograde on a circular orbit of radius a: vis-viva, v² = μ(2/r − 1/a'), at r = a.
    const a = before.elements.a
    const v = Math.sqrt(MU_EARTH / a) + 5
    expect(after.elements.a).toBeCloseTo(1 / (2 / a - (v * v) / MU_EARTH), 3)
    // Mean motion from the fact's elements, from its epoch to now: the satellite's position.
    const where = (fact: typeof after) => {
      const el = fact.elements
      const out = new Float64Array(6)
      elementsToState({ ...el, m0: el.m0 + meanMotion(el.a) * (sim.time() - fact.epochS) }, out, 0)
      const p = sim.state().pos
      return Math.hypot(out[0] - p[3], out[1] - p[4], out[2] - p[5])
    }
    // Round-off over 45 minutes of the engine's own propagation (about 1e-8 m here).
    expect(where(after)).toBeLessThan(1e-3)
    // The orbit before the burn misses it by tens of kilometres by now.
    expect(where(before)).toBeGreaterThan(10_000)
  })
})
