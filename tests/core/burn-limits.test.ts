// The limits of one burn (maneuver.ts): an impulse of exactly the 5 km/s limit is a manoeuvre, a
// burn may use every last kilogram of propellant, and the propellant it needs is the rocket
// equation's for the satellite's wet mass. Expected values come from the rocket equation here,
// Δm = m0·(1 − exp(−Δv / (Isp·g0))), with m0 = dry mass + propellant. And what a burn refused at
// execution time leaves behind: the refusal with its Δv, and nothing a burn would have done.

import { describe, expect, it } from 'vitest'
import { createSimulation, type DeltaV, G0, type ManeuverDecision, type ScenarioSpec } from '../../src/core'
import { makeSpec, TEST_BUS, walker } from '../support/spec-fixture'

/** One satellite (or `n` in one plane), no stations or tasks, no J2: only burns change orbits. */
const lone = (over: Partial<ScenarioSpec> = {}, n = 1): ScenarioSpec =>
  makeSpec({
    satellites: walker(n, 1, 0, 550, 53),
    groundStations: [],
    tasks: [],
    j2: false,
    durationS: 3600,
    ...over,
  })

const AT = 600
const burn = (dv: DeltaV, over: Partial<ManeuverDecision> = {}): ManeuverDecision => ({
  kind: 'maneuver',
  satellite: 'P1-S1',
  atS: AT,
  dv,
  purpose: 'other',
  rationale: 'limit probe',
  ...over,
})

/** Effective exhaust velocity of the test bus, m/s. */
const C = TEST_BUS.ispS * G0
/** Its wet mass at the start, kg. */
const M0 = TEST_BUS.dryMassKg + TEST_BUS.propellantKg
const rocket = (dv: number, m0: number) => m0 * (1 - Math.exp(-dv / C))

describe('what one burn may be', () => {
  it('an impulse of exactly the 5 km/s limit is accepted and fires (enough propellant aboard)', () => {
    // 5 km/s at Isp 220 s takes a mass ratio of exp(5000 / 2157) ≈ 10: give the bus 2 t.
    const bus = { ...TEST_BUS, propellantKg: 2000 }
    const spec = lone({ satellites: walker(1, 1, 0, 550, 53).map((s) => ({ ...s, bus })) })
    const sim = createSimulation(spec)
    // Normal to the plane: the speed grows to √(v² + Δv²) ≈ 9.1 km/s, below escape, and the
    // position stays the perigee, so the orbit neither escapes nor dips into the Earth.
    expect(sim.scheduleManeuver(burn({ frame: 'rtn', r: 0, t: 0, n: 5000 }))).toBeNull()
    sim.runUntil(AT)
    const done = sim.events().filter((e) => e.type === 'maneuverExecuted')
    expect(done).toHaveLength(1)
    expect(done[0].data?.dvMS).toBe(5000)
    const expected = rocket(5000, bus.dryMassKg + bus.propellantKg)
    expect(done[0].data?.propellantKg).toBeCloseTo(expected, 9)
    expect(sim.view().satellites[0].propellantKg).toBeCloseTo(2000 - expected, 9)
  })

  it('a burn may use all the propellant there is, and not 0.1 m/s more', () => {
    // The Δv that leaves exactly the dry mass: Isp·g0·ln(m0 / m_dry) ≈ 270 m/s.
    const all = C * Math.log(M0 / TEST_BUS.dryMassKg)
    expect(rocket(all, M0)).toBeCloseTo(TEST_BUS.propellantKg, 12)
    // Two satellites with the same bus: each burn is judged on a full tank.
    const sim = createSimulation(lone({}, 2))
    expect(sim.scheduleManeuver(burn({ frame: 'rtn', r: 0, t: all, n: 0 }))).toBeNull()
    expect(
      sim.scheduleManeuver(burn({ frame: 'rtn', r: 0, t: all + 0.1, n: 0 }, { satellite: 'P1-S2' })),
    ).toMatch(/^P1-S2 needs /)
    sim.runUntil(AT)
    const done = sim.events().filter((e) => e.type === 'maneuverExecuted')
    expect(done.map((e) => e.satellite)).toEqual(['P1-S1'])
    expect(sim.view().satellites[0].propellantKg).toBeCloseTo(0, 9)
  })

  it('a burn beyond the propellant is refused with what the rocket equation needs for the wet mass', () => {
    const sim = createSimulation(lone())
    const need = rocket(1000, M0)
    // Preconditions: the test bus cannot afford it, and a wrong mass would show in the 2 decimals.
    expect(need).toBeGreaterThan(TEST_BUS.propellantKg)
    expect(rocket(1000, TEST_BUS.dryMassKg).toFixed(2)).not.toBe(need.toFixed(2))
    expect(sim.scheduleManeuver(burn({ frame: 'eci', x: 0, y: 0, z: 1000 }))).toBe(
      `P1-S1 needs ${need.toFixed(2)} kg of propellant for 1000.0 m/s but has 20.00 kg`,
    )
  })
})

describe('a burn refused when it falls due', () => {
  /** Schedules `m` while the thruster works; the thruster fails at T+300 s, before the burn. */
  function refusedAtExecution(m: ManeuverDecision, n = 1) {
    const spec = lone(
      { events: [{ type: 'failure', atS: 300, satellite: 'P1-S1', component: 'thruster' }] },
      n,
    )
    const sim = createSimulation(spec)
    expect(sim.scheduleManeuver(m)).toBeNull()
    sim.runUntil(AT + 60)
    return sim
  }

  it('logs the refusal with the size of the burn it refused, and changes nothing', () => {
    const sim = refusedAtExecution(burn({ frame: 'rtn', r: 3, t: 4, n: 0 }))
    const refused = sim.events().filter((e) => e.type === 'maneuverRefused')
    expect(refused).toHaveLength(1)
    expect(refused[0].t).toBe(AT)
    expect(refused[0].message).toBe('Burn refused: P1-S1 has no working thruster.')
    // |(3, 4, 0)| = 5 m/s.
    expect(refused[0].data).toEqual({ dvMS: 5 })
    expect(sim.view().satellites[0].propellantKg).toBe(TEST_BUS.propellantKg)
    expect(sim.metrics().deltaVSpent).toBe(0)
  })

  it('a refused slot-recovery burn does not count as the end of the recovery', () => {
    // P1-S1 is to replace P1-S2; its last (only) recovery burn is refused. Had it fired, the
    // engine would now check the slot and log either slotFilled or where the spare ended.
    const sim = refusedAtExecution(
      burn({ frame: 'rtn', r: 0, t: 1, n: 0 }, { purpose: 'slot-recovery', replaces: 'P1-S2' }),
      2,
    )
    const after = sim.events().filter((e) => e.t >= AT)
    expect(after.map((e) => e.type)).toEqual(['maneuverRefused'])
  })
})
