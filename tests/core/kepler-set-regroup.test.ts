// KeplerSet's groups over a long run with many burns: satellites with the same (a, e, i, t0)
// share one group, each rebase to new elements starts a group and leaves the old one behind, and
// before the count reaches 2 · satellites + 16 the set rebuilds its groups from the live ones
// only (kepler-set.ts, groupFor). The count is what a run's memory holds; the positions must come
// out as a set made afresh from the final elements gives them.

import { describe, expect, it } from 'vitest'
import { DEG } from '../../src/core/constants'
import { KeplerSet } from '../../src/core/kepler-set'
import type { KeplerElements } from '../../src/core/spec'
import { propagated } from '../support/kepler-state'

// Two satellites of one Walker plane (same a, e, i) and one in an orbit of its own.
const PLANE: KeplerElements = { a: 6928e3, e: 0, i: 53 * DEG, raan: 0, argp: 0, m0: 0 }
const FLEET: KeplerElements[] = [
  PLANE,
  { ...PLANE, m0: Math.PI },
  { a: 7083e3, e: 0.0012, i: 98.2 * DEG, raan: 3, argp: 1.5, m0: 0.2 },
]
/** Satellite 2 after its r-th burn: a new semi-major axis, hence a new group. */
const burned = (r: number): KeplerElements => ({ ...FLEET[2], a: FLEET[2].a + 10 * r })

describe('KeplerSet groups over many rebases', () => {
  it('shares one group among the satellites of a plane', () => {
    expect(new KeplerSet(FLEET, 30).groupCount).toBe(2)
    expect(new KeplerSet([PLANE, PLANE, PLANE, PLANE], 30).groupCount).toBe(1)
    // The plane's group found again when it is not the first one made.
    expect(new KeplerSet([FLEET[2], PLANE, FLEET[1], PLANE], 30).groupCount).toBe(2)
  })

  it('keeps the groups left behind until 2 · 3 + 16 = 22, then keeps only the live ones', () => {
    const set = new KeplerSet(FLEET, 30)
    const counts: number[] = []
    for (let r = 1; r <= 21; r++) {
      set.rebase(2, burned(r), 60 * r)
      counts.push(set.groupCount)
    }
    // Rebases 1..20 add a group each (2 + r); the 21st finds 22 held, rebuilds from the two
    // live groups (the plane's and satellite 2's latest) and adds its own: 3.
    expect(counts).toEqual([...Array.from({ length: 20 }, (_, k) => 3 + k), 3])
  })

  it.each([false, true])(
    'moves every satellite as a set made afresh does, after the rebuild (J2: %s)',
    (j2) => {
      const set = new KeplerSet(FLEET, 30)
      for (let r = 1; r <= 25; r++) set.rebase(2, burned(r), 60 * r)
      const fresh = new KeplerSet(FLEET, 30)
      fresh.rebase(2, burned(25), 60 * 25)
      for (const t of [1500, 1530, 7200]) expect(propagated(set, t, j2)).toEqual(propagated(fresh, t, j2))
    },
  )
})
