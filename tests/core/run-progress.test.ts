// What runUntil and runUntilAsync report while they run: the fraction of the way from where the
// run started to where it stops, (t − start) / (end − start), after the first step and every
// 200 steps after it, and 1 at the end. A run that starts mid-way measures from there, not from
// the epoch; one that has nowhere to go reports 1 alone.

import { describe, expect, it } from 'vitest'
import { createSimulation } from '../../src/core'
import { makeSpec } from '../support/spec-fixture'

const STEP = 30
const spec = () => makeSpec({ durationS: 15_000, stepS: STEP })

/** The fractions expected from `start` to `end`: after step 1, 201, 401, … of the run, then 1. */
function expectedFractions(start: number, end: number): number[] {
  const out: number[] = []
  for (let n = 1; start + n * STEP <= end; n += 200) out.push((n * STEP) / (end - start))
  return [...out, 1]
}

describe('progress of a run that starts mid-way', () => {
  it('runUntil reports (t − start)/(end − start), increasing, ending at 1', () => {
    const sim = createSimulation(spec())
    sim.runUntil(300)
    const fractions: number[] = []
    sim.runUntil(13_800, (f) => fractions.push(f))
    expect(sim.time()).toBe(13_800)
    // Steps 1, 201 and 401 of the 450 from T+300 s: T+330, T+6330 and T+12330 s.
    expect(fractions).toEqual(expectedFractions(300, 13_800))
    expect(fractions).toEqual([30 / 13_500, 6030 / 13_500, 12_030 / 13_500, 1])
  })

  it('runUntilAsync reports the same fractions, measured to the end of the run when asked past it', async () => {
    const sync = createSimulation(spec())
    const async = createSimulation(spec())
    sync.runUntil(600)
    await async.runUntilAsync(600)
    const bySync: number[] = []
    const byAsync: number[] = []
    sync.runUntil(1e9, (f) => bySync.push(f))
    await async.runUntilAsync(1e9, (f) => byAsync.push(f))
    expect(async.time()).toBe(15_000)
    expect(byAsync).toEqual(expectedFractions(600, 15_000))
    expect(byAsync).toEqual(bySync)
    for (let k = 1; k < byAsync.length; k++) expect(byAsync[k]).toBeGreaterThan(byAsync[k - 1])
  })

  it('reports 1 alone when asked to run to the current time or an earlier one, and does not move', async () => {
    const sim = createSimulation(spec())
    sim.runUntil(900)
    for (const tS of [900, 600]) {
      const sync: number[] = []
      const async: number[] = []
      sim.runUntil(tS, (f) => sync.push(f))
      await sim.runUntilAsync(tS, (f) => async.push(f))
      expect([sync, async]).toEqual([[1], [1]])
      expect(sim.time()).toBe(900)
    }
  })
})

describe('stepping past the end', () => {
  it('stepAsync returns false at the end and changes nothing, with or without planners', async () => {
    const plain = createSimulation(makeSpec({ durationS: 60 }))
    const planned = createSimulation(makeSpec({ durationS: 60 }), undefined, {
      planners: [{ id: 'trajectory/idle', kind: 'trajectory', plan: () => [] }],
    })
    for (const sim of [plain, planned]) {
      expect([await sim.stepAsync(), await sim.stepAsync()]).toEqual([true, true])
      const events = sim.events().length
      expect(await sim.stepAsync()).toBe(false)
      expect(sim.time()).toBe(60)
      expect(sim.events().length).toBe(events)
      expect(sim.done()).toBe(true)
    }
  })
})
