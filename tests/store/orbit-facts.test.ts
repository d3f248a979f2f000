// Orbits as facts on the worker side: the full set first, then only what a burn or a restore
// changed, each message with the next version; nothing when nothing changed.

import { describe, expect, it } from 'vitest'
import { createSimulation, type OrbitFact } from '../../src/core'
import { OrbitFacts, sameOrbit } from '../../src/worker/orbit-facts'
import { makeSpec, TEST_BUS } from '../support/spec-fixture'

const ISS_1 = '1 25544U 98067A   26079.50000000  .00016717  00000-0  10270-3 0  9005'
const ISS_2 = '2 25544  51.6416 247.4627 0006703 130.5360 325.0288 15.49815453 30000'

function specWithTle() {
  const spec = makeSpec()
  const iss = { id: 'ISS', role: 'active' as const, bus: TEST_BUS }
  return makeSpec({
    satellites: [
      ...spec.satellites,
      { ...iss, orbit: { kind: 'tle', name: 'ISS', line1: ISS_1, line2: ISS_2 } },
    ],
  })
}

describe('OrbitFacts', () => {
  it('sends every orbit once, then the burned one, then the restored one, each with a new version', () => {
    const sim = createSimulation(specWithTle())
    const n = sim.world.satCount
    const facts = new OrbitFacts('none')
    const first = facts.update(sim)!
    expect(first.version).toBe(1)
    expect(first.changed.map((c) => c.index)).toEqual(Array.from({ length: n }, (_, k) => k))
    expect(first.changed[n - 1].orbit).toEqual({ kind: 'tle', name: 'ISS', line1: ISS_1, line2: ISS_2 })
    expect(first.changed[0].orbit).toMatchObject({ kind: 'kepler', epochS: 0 })
    const start = sim.snapshot()
    sim.step()
    expect(facts.update(sim)).toBeNull() // no burn: nothing new
    const burn = { frame: 'rtn' as const, r: 0, t: 1, n: 0 }
    const m = {
      kind: 'maneuver' as const,
      satellite: 'P2-S1',
      dv: burn,
      purpose: 'other' as const,
      rationale: 't',
    }
    expect(sim.scheduleManeuver({ ...m, atS: 90 })).toBeNull()
    sim.runUntil(120)
    const k = sim.world.satIndex.get('P2-S1')!
    const burned = facts.update(sim)!
    expect(burned.version).toBe(2)
    expect(burned.changed.map((c) => c.index)).toEqual([k])
    expect(burned.changed[0].orbit).toMatchObject({ kind: 'kepler', epochS: 90 })
    sim.restore(start)
    const back = facts.update(sim)!
    expect(back.version).toBe(3)
    expect(back.changed).toEqual([{ index: k, orbit: first.changed[k].orbit }])
    sim.restore(start) // a restore that changes no orbit sends nothing
    expect(facts.update(sim)).toBeNull()
  })

  it('a restore to the elements held now leaves the orbit revision alone; across a burn it moves', () => {
    const sim = createSimulation(makeSpec())
    const start = sim.snapshot()
    sim.runUntil(600)
    const before = sim.orbitRevision()
    sim.restore(start)
    expect(sim.orbitRevision()).toBe(before) // no burn in between: the same elements
    const m = { kind: 'maneuver' as const, satellite: 'P1-S2', purpose: 'other' as const, rationale: 't' }
    expect(sim.scheduleManeuver({ ...m, atS: 900, dv: { frame: 'rtn', r: 0, t: 2, n: 0 } })).toBeNull()
    sim.runUntil(600)
    const middle = sim.snapshot() // the burn still to come
    sim.runUntil(1200)
    const burned = sim.orbitRevision()
    expect(burned).toBeGreaterThan(before)
    const after = Array.from(sim.state().pos)
    sim.restore(middle)
    expect(sim.orbitRevision()).toBeGreaterThan(burned) // back before the burn: elements rebuilt
    sim.runUntil(1200) // and the burn happens again the same way
    expect(Array.from(sim.state().pos)).toEqual(after)
  })
})

describe('sameOrbit', () => {
  const kepler: OrbitFact = {
    kind: 'kepler',
    elements: { a: 7e6, e: 0, i: 1, raan: 2, argp: 0, m0: 3 },
    epochS: 0,
  }
  const tle: OrbitFact = { kind: 'tle', name: 'ISS', line1: ISS_1, line2: ISS_2 }

  it('compares every element, the epoch and the lines', () => {
    expect(sameOrbit(kepler, { ...kepler, elements: { ...kepler.elements } })).toBe(true)
    expect(sameOrbit(kepler, { ...kepler, epochS: 30 })).toBe(false)
    expect(sameOrbit(kepler, { ...kepler, elements: { ...kepler.elements, m0: 3 + 1e-15 } })).toBe(false)
    expect(sameOrbit(tle, { ...tle })).toBe(true)
    expect(sameOrbit(tle, { ...tle, line2: ISS_1 })).toBe(false)
    expect(sameOrbit(tle, kepler)).toBe(false)
    expect(sameOrbit(kepler, tle)).toBe(false)
  })
})
