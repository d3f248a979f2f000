// Where a conjunction warning puts the debris and what a hit does (scripted.ts). The debris is
// placed where the satellite's orbit, as it stands at the warning, puts the satellite at closest
// approach, offset radially outward by the predicted miss; a satellite that does not manoeuvre
// then passes it at exactly that miss. Inside the hard-body radius the satellite is lost, and its
// loss names the debris as the reason.

import { describe, expect, it } from 'vitest'
import { createSimulation, type ScenarioSpec } from '../../src/core'
import { makeSpec, walker } from '../support/spec-fixture'

const TCA = 7200
const lone = (missDistanceM: number): ScenarioSpec =>
  makeSpec({
    satellites: walker(1, 1, 0, 550, 53),
    groundStations: [],
    tasks: [],
    durationS: 3 * 3600,
    events: [
      { type: 'conjunction', atS: 600, satellite: 'P1-S1', tcaS: TCA, missDistanceM, hardBodyRadiusM: 20 },
    ],
  })

describe('conjunction debris', () => {
  it('sits radially outward from the satellite at TCA, by the predicted miss', () => {
    const miss = 400
    const sim = createSimulation(lone(miss))
    sim.runUntil(600)
    const [cj] = sim.state().conjunctions
    const debris = [...cj.debrisAtTca]
    // Where the satellite is at TCA when nothing manoeuvres (TCA lies on the 30 s step grid).
    sim.runUntil(TCA)
    const p = Array.from(sim.state().pos.subarray(0, 3))
    const r = Math.hypot(p[0], p[1], p[2])
    // Radially outward: p + miss · p / |p|. Positions are ~7e6 m; a millimetre is ~1e-10 of that.
    for (let i = 0; i < 3; i++) expect(debris[i]).toBeCloseTo(p[i] + (miss * p[i]) / r, 3)
    // Above the satellite, not below: farther from the Earth's centre by the miss.
    expect(Math.hypot(debris[0], debris[1], debris[2]) - r).toBeCloseTo(miss, 3)
  })

  it('a hit loses the satellite, and its loss names the debris', () => {
    const sim = createSimulation(lone(5))
    sim.runUntil(3 * 3600)
    const hit = sim.events().filter((e) => e.type === 'collision')
    expect(hit.map((e) => e.t)).toEqual([TCA])
    const lost = sim.events().filter((e) => e.type === 'satelliteFailed')
    expect(lost.map((e) => [e.t, e.satellite, e.message])).toEqual([
      [TCA, 'P1-S1', 'P1-S1 lost: debris collision.'],
    ])
    expect(sim.view().satellites[0].status).toBe('failed')
  })
})
