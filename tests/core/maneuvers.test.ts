// Impulsive burns in the radial and normal directions and in ECI components, checked against
// orbital mechanics: a radial kick leaves the energy almost alone (vis-viva) and makes the orbit
// eccentric by Δv/v; a normal kick near the node tilts the plane by Δv/v; the same kick given in
// ECI components does what it does in RTN. And what an executed burn logs.

import { describe, expect, it } from 'vitest'
import { createSimulation, type DeltaV, MU_EARTH, R_EARTH, type ScenarioSpec } from '../../src/core'
import { makeSpec, walker } from '../support/spec-fixture'

/** One circular 550 km orbit without J2, so only the burn changes the elements. */
const lone = (): ScenarioSpec =>
  makeSpec({
    satellites: walker(1, 1, 0, 550, 53),
    groundStations: [],
    tasks: [],
    j2: false,
    durationS: 3600,
  })

const AT = 60
const DV = 10

function burnt(dv: DeltaV) {
  const sim = createSimulation(lone())
  expect(
    sim.scheduleManeuver({
      kind: 'maneuver',
      satellite: 'P1-S1',
      atS: AT,
      dv,
      purpose: 'other',
      rationale: 'kick',
    }),
  ).toBeNull()
  sim.runUntil(AT + 30)
  return sim
}

const r = R_EARTH + 550e3
const v = Math.sqrt(MU_EARTH / r)

describe('burn directions', () => {
  it('a radial kick: vis-viva semi-major axis, eccentricity Δv/v', () => {
    const el = burnt({ frame: 'rtn', r: DV, t: 0, n: 0 }).view().satellites[0].elements
    // |v|² grows by Δv² (the kick is perpendicular to the velocity): 1/a = 2/r − (v² + Δv²)/μ.
    expect(el.a).toBeCloseTo(1 / (2 / r - (v * v + DV * DV) / MU_EARTH), 0)
    expect(el.e).toBeCloseTo(DV / v, 6)
    expect(el.i).toBeCloseTo((53 * Math.PI) / 180, 9)
  })

  it('a normal kick near the ascending node tilts the plane by Δv/v · cos u', () => {
    const el = burnt({ frame: 'rtn', r: 0, t: 0, n: DV }).view().satellites[0].elements
    // Argument of latitude at the burn: u = n·t from the node (argp = 0, m0 = 0, circular).
    const u = (v / r) * AT
    expect(el.i - (53 * Math.PI) / 180).toBeCloseTo((DV / v) * Math.cos(u), 7)
    expect(el.a).toBeCloseTo(1 / (2 / r - (v * v + DV * DV) / MU_EARTH), 0)
  })

  it('the same kick in ECI components gives the same orbit as in RTN', () => {
    // The velocity direction at the burn, from an unburnt copy at that time.
    const probe = createSimulation(lone())
    probe.runUntil(AT)
    const vel = Array.from(probe.state().vel.subarray(0, 3))
    const speed = Math.hypot(...vel)
    const eci = burnt({
      frame: 'eci',
      x: (DV * vel[0]) / speed,
      y: (DV * vel[1]) / speed,
      z: (DV * vel[2]) / speed,
    })
    const rtn = burnt({ frame: 'rtn', r: 0, t: DV, n: 0 })
    const a = eci.view().satellites[0].elements
    const b = rtn.view().satellites[0].elements
    expect(a.a).toBeCloseTo(b.a, 3)
    expect(a.e).toBeCloseTo(b.e, 9)
    expect(a.i).toBeCloseTo(b.i, 9)
  })

  it('an executed burn logs its size, propellant, new orbit and purpose', () => {
    const sim = createSimulation(lone())
    sim.scheduleManeuver({
      kind: 'maneuver',
      satellite: 'P1-S1',
      atS: AT,
      dv: { frame: 'rtn', r: 3, t: 4, n: 0 },
      purpose: 'slot-recovery',
      replaces: 'P9-S9',
      rationale: 'a 3-4-5 kick',
    })
    sim.runUntil(AT)
    const e = sim.events().find((x) => x.type === 'maneuverExecuted')!
    expect([e.t, e.satellite, e.planner]).toEqual([AT, 'P1-S1', 'manual'])
    expect(e.data?.dvMS).toBeCloseTo(5, 12)
    expect(e.data?.aKm).toBeCloseTo(sim.view().satellites[0].elements.a / 1000, 9)
    expect(e.data?.propellantKg).toBeCloseTo(20 - sim.view().satellites[0].propellantKg, 12)
    expect([e.data?.purpose, e.data?.replaces]).toEqual(['slot-recovery', 'P9-S9'])
  })
})
