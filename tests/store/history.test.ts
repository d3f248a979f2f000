// The snapshot history: its spacing fits the memory budget, it keeps a snapshot only on the
// spacing and only once, and restoring one brings the engine back to exactly that state.

import { describe, expect, it } from 'vitest'
import { createSimulation, type SimSnapshot } from '../../src/core'
import {
  MAX_SNAPSHOTS,
  SNAPSHOT_BYTES,
  SnapshotHistory,
  snapshotBytes,
  snapshotSpacing,
} from '../../src/worker/history'
import { makeSpec } from '../support/spec-fixture'

describe('snapshot spacing', () => {
  it('spreads at most MAX_SNAPSHOTS over a run, fewer when each is big, never fewer than 4', () => {
    const sim = createSimulation(makeSpec())
    const snap = sim.snapshot()
    expect(snapshotBytes(snap)).toBeGreaterThan(sim.state().pos.byteLength)
    expect(snapshotSpacing(snap, 2880)).toBe(Math.ceil(2880 / MAX_SNAPSHOTS))
    const huge = { ...snap, state: { ...snap.state, pos: new Float64Array(SNAPSHOT_BYTES / 8 / 10) } }
    const fit = Math.floor(SNAPSHOT_BYTES / snapshotBytes(huge as SimSnapshot))
    expect(fit).toBeLessThan(MAX_SNAPSHOTS)
    expect(snapshotSpacing(huge as SimSnapshot, 2880)).toBe(Math.ceil(2880 / Math.max(4, fit)))
    const giant = { ...snap, state: { ...snap.state, pos: new Float64Array(SNAPSHOT_BYTES / 8) } }
    expect(snapshotSpacing(giant as SimSnapshot, 2880)).toBe(2880 / 4)
    expect(snapshotSpacing(snap, 0)).toBe(1)
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
})
