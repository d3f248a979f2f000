// A fleet of Keplerian and element-set satellites (propagator.ts): the engine keeps the Keplerian
// ones first and propagates the TLE and OMM ones after them with SGP4, each into its own row of
// the state. Here two TLE satellites sit around two Keplerian ones in the scenario's order, and
// every satellite's position after an hour is checked against its own propagation, made apart
// from the engine: two-body motion for the Keplerian ones (J2 off), satellite.js's SGP4 through
// core/sgp4.ts for the TLE ones. A TLE that re-enters has no predicted position afterwards (NaN),
// rather than one left over from another satellite.

import { describe, expect, it } from 'vitest'
import { createSimulation, type SatelliteSpec } from '../../src/core'
import { elementsToState, meanMotion } from '../../src/core/kepler'
import { createTleOrbit } from '../../src/core/sgp4'
import { SINKER } from '../support/sinking-tle'
import { makeSpec, walker } from '../support/spec-fixture'

// The sinking TLE and a copy 90° further along its orbit (mean anomaly 55.0288° instead of
// 325.0288°; the digit sum, hence the checksum, is unchanged): the two TLE satellites are far apart.
const LINE2_AHEAD = '2 25544  51.6416 247.4627 0006703 130.5360  55.0288 16.00000000563538'
const TLE_A: SatelliteSpec = { ...SINKER, id: 'TLE-A' }
const TLE_B: SatelliteSpec = {
  ...SINKER,
  id: 'TLE-B',
  orbit: { ...(SINKER.orbit as Extract<SatelliteSpec['orbit'], { kind: 'tle' }>), line2: LINE2_AHEAD },
}
const KEPLER = walker(2, 1, 0, 550, 53)
const T = 3600

describe('a mixed fleet', () => {
  const spec = makeSpec({ satellites: [TLE_A, ...KEPLER, TLE_B], tasks: [], groundStations: [], j2: false })

  it('puts each satellite where its own orbit says, in its own row', () => {
    const sim = createSimulation(spec)
    sim.runUntil(T)
    expect(sim.world.sats.map((s) => s.id)).toEqual(['P1-S1', 'P1-S2', 'TLE-A', 'TLE-B'])
    const pos = sim.state().pos
    const row = (k: number) => Array.from(pos.subarray(3 * k, 3 * k + 3))
    const out = new Float64Array(6)
    KEPLER.forEach((sat, k) => {
      if (sat.orbit.kind !== 'kepler') throw new Error('fixture: Keplerian')
      const el = sat.orbit.elements
      elementsToState({ ...el, m0: el.m0 + meanMotion(el.a) * T }, out, 0)
      // Round-off of two ways of summing the same motion: well under a millimetre.
      const miss = Math.max(...row(k).map((x, i) => Math.abs(x - out[i])))
      expect(miss, sat.id).toBeLessThan(1e-3)
    })
    ;[TLE_A, TLE_B].forEach((sat, j) => {
      if (sat.orbit.kind !== 'tle') throw new Error('fixture: TLE')
      const p = new Float64Array(3)
      const v = new Float64Array(3)
      expect(
        createTleOrbit(sat.orbit.line1, sat.orbit.line2).propagate(spec.epochMs + T * 1000, p, v, 0),
      ).toBe(true)
      expect(row(2 + j)).toEqual(Array.from(p))
    })
    // The two TLE satellites are a quarter of an orbit apart (about 9,500 km), not in one row.
    const [a, b] = [row(2), row(3)]
    expect(Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2])).toBeGreaterThan(9e6)
  })

  it('predicts no position for a TLE satellite past its re-entry, and the others as before', () => {
    // SGP4 finds the sinking orbit decayed about 12 h after its epoch; a day on, it is gone.
    const sim = createSimulation(spec)
    const view = sim.view()
    const dayS = 24 * 3600
    const gone = view.predictPosition(2, dayS)
    expect(gone.every(Number.isNaN)).toBe(true)
    // A prediction of another satellite before it, and after it, is that satellite's own.
    const other = view.predictPosition(0, dayS)
    expect(other.every(Number.isFinite)).toBe(true)
    expect(view.predictPosition(2, dayS)).toEqual(gone)
    expect(view.predictPosition(0, dayS)).toEqual(other)
    // Before its re-entry, the sinking satellite has a position of its own.
    expect(view.predictPosition(2, 3600).every(Number.isFinite)).toBe(true)
  })
})
