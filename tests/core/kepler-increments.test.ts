// At the engine's fixed step, KeplerSet advances each group's angle increments by one rotation
// per step from an exact anchor every ANCHOR_EVERY steps (kepler-groups.ts). Two promises:
// the positions stay within round-off of the exact evaluation (far inside the physics tests'
// 1e-4 m), and the values at step n are a function of n alone, bit for bit, however the calls
// got there — one step after another, a jump (a restore), a call repeated, a switch of motion.

import { describe, expect, it } from 'vitest'
import { DEG } from '../../src/core/constants'
import { createSimulation } from '../../src/core/engine/simulation'
import { ANCHOR_EVERY } from '../../src/core/kepler-groups'
import { KeplerSet } from '../../src/core/kepler-set'
import { createRng } from '../../src/core/rng'
import type { KeplerElements, SatelliteSpec } from '../../src/core/spec'
import { propagated } from '../support/kepler-state'
import { makeSpec, TEST_BUS } from '../support/spec-fixture'

/** Scattered LEO orbits (every one a group of its own), plus circular, Molniya and GEO ones. */
function fleet(): KeplerElements[] {
  const rng = createRng(7)
  const scattered = Array.from({ length: 40 }, () => ({
    a: 6778e3 + 1000e3 * rng.next(),
    e: 0.02 * rng.next(),
    i: (30 + 70 * rng.next()) * DEG,
    raan: 2 * Math.PI * rng.next(),
    argp: 2 * Math.PI * rng.next(),
    m0: 2 * Math.PI * rng.next(),
  }))
  return [
    ...scattered,
    { a: 6928e3, e: 0, i: 53 * DEG, raan: 0, argp: 0, m0: 0 },
    { a: 6928e3, e: 0, i: 53 * DEG, raan: 2, argp: 0.5, m0: 1 },
    { a: 26_560e3, e: 0.72, i: 63.4 * DEG, raan: 1, argp: 4.5, m0: 6 },
    { a: 42_164e3, e: 0, i: 0, raan: 0, argp: 0, m0: 4 },
  ]
}

describe('angle increments advanced by rotation at a fixed step', () => {
  it('stay within 5e-13 of the exact positions and velocities (relative) over three anchors', () => {
    const els = fleet()
    const n = els.length
    for (const h of [1, 30, 600, 3600]) {
      for (const j2 of [true, false]) {
        const rotated = new KeplerSet(els, h)
        const exact = new KeplerSet(els)
        let worst = 0
        for (let step = 0; step < 3 * ANCHOR_EVERY + 5; step++) {
          const a = propagated(rotated, step * h, j2)
          const b = propagated(exact, step * h, j2)
          // Positions and velocities alike: each vector's error relative to its length.
          for (let v = 0; v < 2 * n; v++) {
            const o = 3 * v
            const d = Math.hypot(a[o] - b[o], a[o + 1] - b[o + 1], a[o + 2] - b[o + 2])
            worst = Math.max(worst, d / Math.hypot(b[o], b[o + 1], b[o + 2]))
          }
        }
        expect(worst).toBeLessThan(5e-13)
        // Not a vacuous bound: between anchors the rotated values are not the exact ones.
        expect(worst).toBeGreaterThan(0)
      }
    }
  })

  it('are exact at the anchors: the very bits of Math.cos/sin there', () => {
    const els = fleet()
    const rotated = new KeplerSet(els, 30)
    const exact = new KeplerSet(els)
    for (let step = 0; step <= 2 * ANCHOR_EVERY; step++) {
      const a = propagated(rotated, 30 * step, true)
      if (step % ANCHOR_EVERY === 0) expect(a).toEqual(propagated(exact, 30 * step, true))
    }
  })

  it('give the same bits at step n whether reached step by step, by a jump, from later, or twice', () => {
    const els = fleet()
    const h = 30
    const n = 2 * ANCHOR_EVERY + 37
    const walked = new KeplerSet(els, h)
    for (let step = 0; step < n; step++) propagated(walked, step * h, true)
    const expected = propagated(walked, n * h, true)
    expect(propagated(walked, n * h, true)).toEqual(expected)
    expect(propagated(new KeplerSet(els, h), n * h, true)).toEqual(expected)
    const back = new KeplerSet(els, h)
    for (let step = n + 50; step > n; step -= 7) propagated(back, step * h, true)
    expect(propagated(back, n * h, true)).toEqual(expected)
    // Two-body motion in between uses the same scratch: J2 afterwards must not read it as its own.
    const twoBody = propagated(new KeplerSet(els, h), (n - 1) * h, false)
    const switched = new KeplerSet(els, h)
    propagated(switched, (n - 1) * h, true)
    expect(propagated(switched, (n - 1) * h, false)).toEqual(twoBody)
    expect(propagated(switched, n * h, true)).toEqual(expected)
    const after = new KeplerSet(els, h)
    propagated(after, (n - 2) * h, true)
    propagated(after, (n - 1) * h, false)
    expect(propagated(after, n * h, true)).toEqual(expected)
  })

  it('take Math.cos/sin of their own off the grid, as a set without a step does', () => {
    const els = fleet()
    const rotated = new KeplerSet(els, 30)
    const exact = new KeplerSet(els)
    for (let step = 0; step < 70; step++) propagated(rotated, 30 * step, true)
    for (const t of [2095, 30 * 70 + 0.5, -30])
      expect(propagated(rotated, t, true)).toEqual(propagated(exact, t, true))
    // And back on the grid after an off-grid call: the value of its step, not of the detour.
    expect(propagated(rotated, 30 * 71, true)).toEqual(propagated(new KeplerSet(els, 30), 30 * 71, true))
  })

  it('follow a rebase mid-run: a satellite burned at step b moves as in a set made with the burn', () => {
    const els = fleet()
    const h = 30
    const burnStep = ANCHOR_EVERY + 11
    const burned = { ...els[3], a: els[3].a + 5e3, e: 0.001, argp: 1.2 }
    const running = new KeplerSet(els, h)
    for (let step = 0; step <= burnStep; step++) propagated(running, step * h, true)
    running.rebase(3, burned, burnStep * h)
    const fresh = new KeplerSet(els, h)
    fresh.rebase(3, burned, burnStep * h)
    for (let step = burnStep; step < burnStep + ANCHOR_EVERY + 3; step++)
      expect(propagated(running, step * h, true)).toEqual(propagated(fresh, step * h, true))
  })
})

describe('the engine over a scattered fleet', () => {
  const spec = makeSpec({
    // Ends between anchors, so the last positions too are rotated ones.
    durationS: (3 * ANCHOR_EVERY + 50) * 30,
    satellites: fleet().map(
      (elements, k): SatelliteSpec => ({
        id: `R${k}`,
        role: 'active',
        bus: TEST_BUS,
        orbit: { kind: 'kepler', elements },
      }),
    ),
  })
  const burn = (sim: ReturnType<typeof createSimulation>) =>
    sim.scheduleManeuver({
      kind: 'maneuver',
      satellite: 'R3',
      atS: (ANCHOR_EVERY + 20) * 30,
      dv: { frame: 'rtn', r: 0, t: 4, n: 1 },
      purpose: 'other',
      rationale: 'test burn',
    })

  /** Positions after every step to the end, one array per step. */
  const trail = (sim: ReturnType<typeof createSimulation>): number[][] => {
    const out: number[][] = []
    while (sim.step()) out.push(Array.from(sim.state().pos))
    return out
  }

  it('restored from a snapshot between anchors, in a new engine or in the same, runs on bit for bit', () => {
    const snapStep = 2 * ANCHOR_EVERY + 37
    const straight = createSimulation(spec)
    expect(burn(straight)).toBeNull()
    const all = trail(straight)
    const report = JSON.stringify(straight.report())
    const after = all.slice(snapStep)

    const first = createSimulation(spec)
    expect(burn(first)).toBeNull()
    // Between anchors, after the burn (R3 is a group of its own since).
    first.runUntil(snapStep * 30)
    const snap = first.snapshot()
    expect(trail(first)).toEqual(after)
    first.restore(snap)
    expect(trail(first)).toEqual(after)
    expect(JSON.stringify(first.report())).toBe(report)

    const fresh = createSimulation(spec)
    fresh.restore(snap)
    expect(trail(fresh)).toEqual(after)
    expect(JSON.stringify(fresh.report())).toBe(report)
  })
})
