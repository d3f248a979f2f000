// snapshot(base): a snapshot taken with an earlier snapshot of the same scenario and strategy as
// its base holds the base's own arrays wherever nothing changed (so a history of snapshots costs
// little memory); a base of another scenario or strategy is never shared from, even where its
// bytes happen to be equal. Either way the snapshot restores to the same state as a plain one.

import { describe, expect, it } from 'vitest'
import { createSimulation, type SimSnapshot } from '../../src/core'
import { makeSpec, namedStrategies } from '../support/spec-fixture'

const spec = (id = 'fixture') =>
  makeSpec({
    id,
    durationS: 1200,
    strategies: namedStrategies('a', 'b'),
  })

/** The snapshot's top-level typed arrays, by field name. */
function arrays(snap: SimSnapshot): Map<string, ArrayBufferView> {
  const out = new Map<string, ArrayBufferView>()
  for (const [key, value] of Object.entries(snap.state)) if (ArrayBuffer.isView(value)) out.set(key, value)
  return out
}

/** Byte-for-byte equality, worked out here rather than with the engine's helper. */
function sameContent(x: ArrayBufferView, y: ArrayBufferView): boolean {
  return (
    x.constructor === y.constructor &&
    Buffer.from(x.buffer, x.byteOffset, x.byteLength).equals(
      Buffer.from(y.buffer, y.byteOffset, y.byteLength),
    )
  )
}

describe('snapshots taken against a base', () => {
  it('share the unchanged arrays of a base of the same scenario and strategy, and copy the rest', () => {
    const sim = createSimulation(spec(), 'a')
    sim.runUntil(300)
    const base = sim.snapshot()
    sim.runUntil(600)
    const plain = sim.snapshot()
    const shared = sim.snapshot(base)
    const before = arrays(base)
    const unchanged: string[] = []
    const changed: string[] = []
    for (const [key, value] of arrays(plain))
      (sameContent(value, before.get(key)!) ? unchanged : changed).push(key)
    // Flags nobody set in this calm run stay equal; the positions move.
    expect(unchanged).toContain('failed')
    expect(changed).toContain('pos')
    const now = arrays(shared)
    for (const key of unchanged) expect(now.get(key), key).toBe(before.get(key))
    for (const key of changed) expect(now.get(key), key).not.toBe(before.get(key))
    expect(shared).toEqual(plain)
  })

  it('share nothing with a base of another strategy or another scenario, though their bytes are equal', () => {
    const sim = createSimulation(spec(), 'a')
    const otherStrategy = createSimulation(spec(), 'b')
    const otherScenario = createSimulation(spec('other'), 'a')
    for (const s of [sim, otherStrategy, otherScenario]) s.runUntil(300)
    for (const foreign of [otherStrategy.snapshot(), otherScenario.snapshot()]) {
      const theirs = arrays(foreign)
      const snap = sim.snapshot(foreign)
      const mine = arrays(snap)
      // Without the guard there would be something to share: the same fleet, the same run.
      expect([...mine].filter(([key, v]) => sameContent(v, theirs.get(key)!)).length).toBeGreaterThan(0)
      for (const [key, value] of mine) expect(value, key).not.toBe(theirs.get(key))
      expect([snap.scenarioId, snap.strategy]).toEqual(['fixture', 'a'])
      expect(snap).toEqual(sim.snapshot())
    }
  })

  it('restore, shared or not, to the state an uninterrupted run reaches', () => {
    const straight = createSimulation(spec(), 'a')
    straight.runUntil(1200)
    const sim = createSimulation(spec(), 'a')
    sim.runUntil(300)
    const base = sim.snapshot()
    sim.runUntil(600)
    const shared = sim.snapshot(base)
    const plain = sim.snapshot()
    const foreignBase = createSimulation(spec('other'), 'a')
    foreignBase.runUntil(300)
    const unshared = sim.snapshot(foreignBase.snapshot())
    for (const snap of [shared, plain, unshared]) {
      const again = createSimulation(spec(), 'a')
      again.restore(snap)
      expect(again.time()).toBe(600)
      again.runUntil(1200)
      expect(again.state().pos).toEqual(straight.state().pos)
      expect(again.metrics()).toEqual(straight.metrics())
    }
  })
})
