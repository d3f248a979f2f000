// The increments' paths in both motions (kepler-groups.ts): the other file of these tests walks
// mostly J2 motion; here two-body motion gets the same promises, and both get the calls an
// engine makes less often — a first call between anchors, one step back, an off-grid time
// (a run's last, cut-short step) followed by steps on the grid.

import { describe, expect, it } from 'vitest'
import { DEG } from '../../src/core/constants'
import { ANCHOR_EVERY } from '../../src/core/kepler-groups'
import { KeplerSet } from '../../src/core/kepler-set'
import type { KeplerElements } from '../../src/core/spec'
import { propagated } from '../support/kepler-state'

// A circular plane of two, an eccentric LEO and a Molniya orbit: three groups.
const ELS: KeplerElements[] = [
  { a: 6928e3, e: 0, i: 53 * DEG, raan: 0, argp: 0, m0: 0 },
  { a: 6928e3, e: 0, i: 53 * DEG, raan: 2, argp: 0.5, m0: 1 },
  { a: 7083e3, e: 0.0012, i: 98.2 * DEG, raan: 3, argp: 1.5, m0: 0.2 },
  { a: 26_560e3, e: 0.72, i: 63.4 * DEG, raan: 1, argp: 4.5, m0: 6 },
]
const H = 30

/** Largest error of a's vectors relative to b's (positions and velocities alike). */
function worstRelative(a: Float64Array, b: Float64Array): number {
  let worst = 0
  for (let o = 0; o < a.length; o += 3) {
    const d = Math.hypot(a[o] - b[o], a[o + 1] - b[o + 1], a[o + 2] - b[o + 2])
    worst = Math.max(worst, d / Math.hypot(b[o], b[o + 1], b[o + 2]))
  }
  return worst
}

const exactAt = (t: number, j2: boolean) => propagated(new KeplerSet(ELS), t, j2)

describe.each([false, true])('angle increments (J2: %s)', (j2) => {
  it('are the exact bits at the anchors when walked step by step', () => {
    const walked = new KeplerSet(ELS, H)
    for (let step = 0; step <= 2 * ANCHOR_EVERY; step++) {
      const a = propagated(walked, step * H, j2)
      if (step % ANCHOR_EVERY === 0) expect(a).toEqual(exactAt(step * H, j2))
    }
  })

  it('give step n the same bits walked, jumped to, or after step n + 1', () => {
    const n = ANCHOR_EVERY + 9
    const walked = new KeplerSet(ELS, H)
    for (let step = 0; step < n; step++) propagated(walked, step * H, j2)
    const expected = propagated(walked, n * H, j2)
    expect(propagated(new KeplerSet(ELS, H), n * H, j2)).toEqual(expected)
    const back = new KeplerSet(ELS, H)
    propagated(back, (n + 1) * H, j2)
    expect(propagated(back, n * H, j2)).toEqual(expected)
  })

  it('are within round-off of the exact values on a first call at steps 1, 2 and 5', () => {
    for (const step of [1, 2, 5]) {
      const first = propagated(new KeplerSet(ELS, H), step * H, j2)
      expect(worstRelative(first, exactAt(step * H, j2))).toBeLessThan(5e-13)
    }
  })

  it('start a group made after the first call (a rebase at the epoch) with no increments', () => {
    const burned = { ...ELS[2], a: ELS[2].a + 5e3 }
    const set = new KeplerSet(ELS, H)
    propagated(set, 0, j2)
    set.rebase(2, burned, 0)
    const fresh = new KeplerSet(ELS, H)
    fresh.rebase(2, burned, 0)
    for (const t of [30, 60]) expect(propagated(set, t, j2)).toEqual(propagated(fresh, t, j2))
  })

  it('take an off-grid time exactly, then go back on the grid as a fresh set does', () => {
    const set = new KeplerSet(ELS, H)
    expect(propagated(set, 45, j2)).toEqual(exactAt(45, j2))
    const fresh = new KeplerSet(ELS, H)
    for (const t of [30, 60, 90]) expect(propagated(set, t, j2)).toEqual(propagated(fresh, t, j2))
  })
})
