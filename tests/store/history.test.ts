// The snapshot history: it starts at the finest spacing, keeps a snapshot only on the spacing and
// only once, shares the arrays that did not change with the snapshot before, thins itself (doubling
// the spacing) to stay within its memory budget, spaces snapshots out when they cost too much
// beside the steps, and restoring any snapshot it kept brings the engine back to exactly the
// state stepping had reached.

import { describe, expect, it } from 'vitest'
import { createSimulation, type Simulation } from '../../src/core'
import { sameBytes } from '../../src/core/engine/snapshot-share'
import {
  finestSpacing,
  MAX_SNAPSHOTS,
  SNAPSHOT_BYTES,
  SNAPSHOT_SHARE,
  SnapshotHistory,
  snapshotBytes,
} from '../../src/worker/history'
import { makeSpec } from '../support/spec-fixture'

/** A field's value as text, typed arrays as plain arrays (NaN kept): what "the same" means. */
function text(value: unknown): string {
  return JSON.stringify(value, (_key, v) => {
    if (ArrayBuffer.isView(v)) return Array.from(v as Float64Array, (x) => (Number.isNaN(x) ? 'NaN' : x))
    return typeof v === 'number' && Number.isNaN(v) ? 'NaN' : v
  })
}

/**
 * Each field of the engine's state as text, so a failure names the fields that differ, every
 * satellite's orbit as the propagator holds it and the geodetic coordinates as read. (The
 * state's `kepler` field is only what a snapshot carries, the elements live in the propagator;
 * `geo` is a cache computed when read, and a restore leaves it to be computed again.)
 */
function plain(sim: Simulation): Record<string, string> {
  const { kepler: _carried, geo: _cache, geoFresh: _fresh, ...s } = sim.state()
  const out = Object.fromEntries(Object.entries(s).map(([key, value]) => [key, text(value)]))
  out.orbits = text(Array.from({ length: sim.world.satCount }, (_, k) => sim.orbit(k)))
  out.geodetic = text(sim.geodetic())
  return out
}

/** An engine with a burn at 40 min, so elements, propellant and positions change on the way. */
function burning(): Simulation {
  const sim = createSimulation(makeSpec())
  const refused = sim.scheduleManeuver({
    kind: 'maneuver',
    satellite: 'P1-S1',
    atS: 2400,
    dv: { frame: 'rtn', r: 0, t: 5, n: 0 },
    purpose: 'other',
    rationale: 'a kick for the test',
  })
  expect(refused).toBeNull()
  return sim
}

describe('snapshot spacing', () => {
  it('starts with at most MAX_SNAPSHOTS over a run', () => {
    expect(finestSpacing(2880)).toBe(Math.ceil(2880 / MAX_SNAPSHOTS))
    expect(finestSpacing(720)).toBe(6)
    expect(finestSpacing(50)).toBe(1)
    expect(finestSpacing(0)).toBe(1)
  })
})

describe('SnapshotHistory', () => {
  it('keeps states on the spacing, once, and restores them exactly', () => {
    const sim = createSimulation(makeSpec())
    const history = new SnapshotHistory(10, sim.snapshot())
    const positions = new Map<number, number[]>()
    for (let i = 0; i < 35; i++) {
      history.keep(sim)
      history.keep(sim) // twice: still one snapshot
      positions.set(sim.state().stepIndex, Array.from(sim.state().pos))
      sim.step()
    }
    expect(history.size).toBe(4) // steps 0, 10, 20, 30
    expect(history.latestAtOrBefore(29)).toBe(20)
    expect(history.latestAtOrBefore(30)).toBe(30)
    expect(history.latestAtOrBefore(-1)).toBe(-1)
    expect(history.restore(sim, 15)).toBe(false)
    expect(sim.state().stepIndex).toBe(35)
    expect(history.restore(sim, 20)).toBe(true)
    expect(sim.state().stepIndex).toBe(20)
    expect(Array.from(sim.state().pos)).toEqual(positions.get(20))
  })

  it('shares what did not change with the snapshot before, and counts it once', () => {
    const sim = createSimulation(makeSpec())
    const history = new SnapshotHistory(2, sim.snapshot())
    const alone = snapshotBytes(sim.snapshot())
    for (let i = 0; i < 4; i++) {
      history.keep(sim)
      sim.step()
    }
    expect(history.size).toBe(2) // steps 0 and 2
    // Positions moved, the elements did not: the second snapshot holds the first one's elements.
    const second = sim.snapshot()
    expect(sim.snapshot(second).state.pos).toBe(second.state.pos) // nothing stepped in between
    sim.step()
    const third = sim.snapshot(second)
    expect(third.state.kepler).toBe(second.state.kepler)
    expect(third.state.pos).not.toBe(second.state.pos)
    expect(sameBytes(third.state.pos, second.state.pos)).toBe(false)
    expect(history.bytes).toBeLessThan(2 * alone)
    expect(history.bytes).toBeGreaterThan(alone)
  })

  it('a denser, sharing history restores the exact state stepping reached, across a burn', () => {
    const sim = burning()
    const history = new SnapshotHistory(3, sim.snapshot())
    const states = new Map<number, Record<string, string>>()
    for (let i = 0; i < 120; i++) {
      history.keep(sim)
      states.set(sim.state().stepIndex, plain(sim))
      sim.step()
    }
    expect(sim.events().some((e) => e.type === 'maneuverExecuted')).toBe(true)
    // Latest first, so each restore goes back from a later state (the kept arrays must not change).
    for (const step of [117, 81, 78, 9, 0, 120 - 3 * 13]) {
      expect(history.restore(sim, step)).toBe(true)
      expect(plain(sim)).toEqual(states.get(step))
    }
    // And stepping on from a restored snapshot lands where stepping the first time did.
    history.restore(sim, 78)
    for (let i = 78; i < 100; i++) sim.step()
    expect(plain(sim)).toEqual(states.get(100))
  })

  it('thins itself to stay within its budget: doubled spacing, every kept snapshot still exact', () => {
    const sim = burning()
    const one = snapshotBytes(sim.snapshot())
    const budget = 6 * one
    const history = new SnapshotHistory(1, sim.snapshot(), budget)
    const states = new Map<number, Record<string, string>>()
    for (let i = 0; i < 200; i++) {
      history.keep(sim)
      states.set(sim.state().stepIndex, plain(sim))
      sim.step()
    }
    expect(history.every).toBeGreaterThan(1)
    expect(Number.isInteger(Math.log2(history.every))).toBe(true)
    expect(history.bytes).toBeLessThanOrEqual(budget)
    expect(history.size).toBeGreaterThan(2)
    // Kept: step 0 and multiples of the spacing only.
    for (let step = 1; step < 200; step++) {
      const kept = history.latestAtOrBefore(step) === step
      if (step % history.every !== 0) expect(kept).toBe(false)
    }
    const latest = history.latestAtOrBefore(199)
    expect(latest).toBeGreaterThan(0)
    for (const step of [latest, history.every, 0]) {
      expect(history.restore(sim, step)).toBe(true)
      expect(plain(sim)).toEqual(states.get(step))
    }
  })

  it('with a clock, spaces snapshots out until they cost at most SNAPSHOT_SHARE of the steps', () => {
    const paced = (snapshotMs: number) => {
      const sim = createSimulation(makeSpec())
      let clock = 0
      const history = new SnapshotHistory(1, sim.snapshot(), SNAPSHOT_BYTES, () => clock)
      const take = sim.snapshot.bind(sim)
      sim.snapshot = (base) => {
        clock += snapshotMs
        return take(base)
      }
      for (let i = 0; i < 150; i++) {
        history.keep(sim)
        sim.step()
        history.stepped(1) // every step "takes" 1 ms
      }
      return history
    }
    const dear = paced(10) // a snapshot costs ten steps
    expect(SNAPSHOT_SHARE * dear.every).toBeGreaterThanOrEqual(10)
    expect(SNAPSHOT_SHARE * (dear.every / 2)).toBeLessThan(10) // no further apart than needed
    expect(dear.size).toBeGreaterThan(2)
    expect(dear.size).toBeLessThan(12) // 150 steps: a few snapshots, not one per step
    expect(paced(0.1).every).toBe(1) // cheap snapshots stay as close as they were
  })

  it('names a step every history keeps (engines thin apart)', () => {
    const a = createSimulation(makeSpec())
    const b = createSimulation(makeSpec())
    const fine = new SnapshotHistory(2, a.snapshot())
    const coarse = new SnapshotHistory(8, b.snapshot())
    for (let i = 0; i < 20; i++) {
      fine.keep(a)
      coarse.keep(b)
      a.step()
      b.step()
    }
    expect(fine.latestAtOrBefore(15)).toBe(14)
    expect(fine.latestAtOrBefore(15, [coarse])).toBe(8)
    expect(coarse.latestAtOrBefore(19, [fine])).toBe(16)
  })
})
