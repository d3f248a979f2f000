// The satellite that re-enters is the one marked lost (propagator.ts propagateAll marks
// decayed[nk + j] for TLE j): with two TLE satellites after the Keplerian ones, the second TLE's
// re-entry must be its own, not a Keplerian neighbour's. Both fly the sinking TLE (SGP4 gives up
// on it 731 minutes after its epoch, tests/core/decay-and-start.test.ts), so both are lost at the
// same step, found here by propagating the TLE apart from the engine.

import { describe, expect, it } from 'vitest'
import { createSimulation } from '../../src/core'
import { createTleOrbit } from '../../src/core/sgp4'
import { SINKER, SINKING_1, SINKING_2 } from '../support/sinking-tle'
import { makeSpec, walker } from '../support/spec-fixture'

const STEP = 60

describe('two TLE satellites that re-enter', () => {
  it('are each lost at the first step SGP4 fails for them; the Keplerian ones fly on', () => {
    const spec = makeSpec({
      satellites: [...walker(2, 1, 0, 550, 53), { ...SINKER, id: 'TLE-A' }, { ...SINKER, id: 'TLE-B' }],
      groundStations: [],
      tasks: [],
      stepS: STEP,
      durationS: 13 * 3600,
    })
    // The first step time at which SGP4 reports an error for the sinking TLE.
    const orbit = createTleOrbit(SINKING_1, SINKING_2)
    const p = new Float64Array(3)
    const v = new Float64Array(3)
    let lostAt = 0
    while (orbit.propagate(spec.epochMs + lostAt * 1000, p, v, 0)) lostAt += STEP
    expect(lostAt).toBeGreaterThan(12 * 3600)
    expect(lostAt).toBeLessThan(spec.durationS)

    const sim = createSimulation(spec)
    sim.runUntil(spec.durationS)
    const decays = sim.events().filter((e) => e.type === 'satelliteDecayed')
    expect(decays.map((e) => [e.satellite, e.t])).toEqual([
      ['TLE-A', lostAt],
      ['TLE-B', lostAt],
    ])
    expect(sim.report().satellites.map((s) => [s.id, s.status])).toEqual([
      ['P1-S1', 'nominal'],
      ['P1-S2', 'nominal'],
      ['TLE-A', 'decayed'],
      ['TLE-B', 'decayed'],
    ])
  })
})
