// Three helpers of the trajectory planners' orbit model (planners/trajectory/orbit-model.ts), on
// values worked out here: the time to the opposite apsis (two-body: mean anomaly grows at
// n = √(μ/a³)), whether the engine runs with J2 (told from the view alone), and the Δv left in
// the tank by the rocket equation, Δv = Isp·g0·ln(m / (m − propellant)).

import { describe, expect, it } from 'vitest'
import { createSimulation, G0, MU_EARTH, type SatelliteView } from '../../src/core'
import {
  deltaVCapacity,
  detectJ2,
  type Orbit,
  timeToOppositeApsis,
} from '../../src/planners/trajectory/orbit-model'
import { SINKER } from '../support/sinking-tle'
import { makeSpec, TEST_BUS, walker } from '../support/spec-fixture'

describe('timeToOppositeApsis (two-body)', () => {
  const a = 7000e3
  const n = Math.sqrt(MU_EARTH / a ** 3)
  const orbit = (m0: number): Orbit => ({
    el: { a, e: 0.01, i: 1, raan: 0, argp: 0, m0 },
    t0: 100,
    j2: false,
  })

  it('goes to apogee from the perigee half of the orbit, and to perigee from the apogee half', () => {
    // At t0 the mean anomaly is m0: from 0 (at perigee) half an orbit to apogee.
    expect(timeToOppositeApsis(orbit(0), 100)).toBeCloseTo(Math.PI / n, 6)
    // 0.3 rad past perigee: apogee is π − 0.3 ahead; 1 rad before perigee: π + 1 ahead.
    expect(timeToOppositeApsis(orbit(0.3), 100)).toBeCloseTo((Math.PI - 0.3) / n, 6)
    expect(timeToOppositeApsis(orbit(-1), 100)).toBeCloseTo((Math.PI + 1) / n, 6)
    // 2 rad past perigee (nearer apogee): the next perigee is 2π − 2 ahead.
    expect(timeToOppositeApsis(orbit(2), 100)).toBeCloseTo((2 * Math.PI - 2) / n, 6)
  })

  it('counts from the time asked, not the orbit’s epoch', () => {
    // 600 s after t0 the satellite is n·600 further on.
    expect(timeToOppositeApsis(orbit(0), 700)).toBeCloseTo((Math.PI - n * 600) / n, 6)
  })
})

describe('detectJ2', () => {
  const viewOf = (j2: boolean) =>
    createSimulation(makeSpec({ j2, satellites: walker(2, 1, 0, 550, 53) })).view()

  it('tells a J2 run from a two-body run by its own predictions', () => {
    expect(detectJ2(viewOf(true))).toBe(true)
    expect(detectJ2(viewOf(false))).toBe(false)
  })

  it('tells it at any time of the run, not only at the start', () => {
    for (const j2 of [true, false]) {
      const sim = createSimulation(makeSpec({ j2, satellites: walker(2, 1, 0, 550, 53) }))
      sim.runUntil(5400)
      expect(detectJ2(sim.view())).toBe(j2)
    }
  })

  it('assumes J2 (the scenario default) when no satellite is Keplerian', () => {
    const view = createSimulation(makeSpec({ j2: false, satellites: [SINKER] })).view()
    expect(detectJ2(view)).toBe(true)
  })
})

describe('deltaVCapacity', () => {
  const sat = (massKg: number, propellantKg: number) =>
    ({ massKg, propellantKg, bus: { ...TEST_BUS, ispS: 220 } }) as unknown as SatelliteView

  it('is the rocket equation on what is left in the tank', () => {
    expect(deltaVCapacity(sat(100, 10))).toBeCloseTo(220 * G0 * Math.log(100 / 90), 9)
  })

  it('is zero with an empty tank, and with no dry mass left to push', () => {
    expect(deltaVCapacity(sat(100, 0))).toBe(0)
    expect(deltaVCapacity(sat(100, 100))).toBe(0)
    expect(deltaVCapacity(sat(100, 120))).toBe(0)
  })
})
