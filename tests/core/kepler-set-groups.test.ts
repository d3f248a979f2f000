// KeplerSet keeps what depends only on (a, e, i, t0) once per group and makes the two-body
// perifocal vectors on first use (kepler-set.ts, kepler-groups.ts). Positions must not depend on
// how a set got to its elements: in which order it was rebased, whether the groups were rebuilt,
// whether two-body motion ran before a rebase. These compare two sets bit for bit.

import { describe, expect, it } from 'vitest'
import { DEG } from '../../src/core/constants'
import { SERIES_IS_ONE, SHORT_SERIES } from '../../src/core/kepler'
import { KeplerSet } from '../../src/core/kepler-set'
import type { KeplerElements } from '../../src/core/spec'
import { propagated } from '../support/kepler-state'

const FLEET: KeplerElements[] = [
  { a: 6928e3, e: 0, i: 53 * DEG, raan: 0, argp: 0, m0: 0 },
  { a: 6928e3, e: 0, i: 53 * DEG, raan: 2, argp: 0.5, m0: 1 },
  { a: 7083.1e3, e: 0.0012, i: 98.2 * DEG, raan: 3, argp: 1.5, m0: 0.2 },
  { a: 26_560e3, e: 0.72, i: 63.4 * DEG, raan: 1, argp: 4.5, m0: 6 },
]

/** Elements of satellite k nudged by step s: a new group each time. */
const nudged = (k: number, s: number): KeplerElements => ({ ...FLEET[k], a: FLEET[k].a + 10 * (s + 1) })

describe('KeplerSet groups and lazy perifocal vectors', () => {
  it('a rebase after two-body motion moves the satellite as one made after the rebase does', () => {
    const early = new KeplerSet(FLEET)
    const late = new KeplerSet(FLEET)
    propagated(early, 100, false) // makes the perifocal vectors before the rebase
    const el = { ...FLEET[2], argp: 2.5, raan: 0.7, i: 80 * DEG }
    early.rebase(2, el, 500)
    late.rebase(2, el, 500)
    for (const t of [500, 900, 7000]) expect(propagated(early, t, false)).toEqual(propagated(late, t, false))
  })

  it('rebuilding the groups after many rebases changes no position, with or without J2', () => {
    const many = new KeplerSet(FLEET)
    const once = new KeplerSet(FLEET)
    // Far more distinct groups than satellites: the set rebuilds its groups on the way, and
    // the last satellite, never rebased, keeps its group through every rebuild.
    const moved = FLEET.length - 1
    const steps = 3 * FLEET.length + 40
    for (let s = 0; s < steps; s++) many.rebase(s % moved, nudged(s % moved, s), 10 * s)
    for (let k = 0; k < moved; k++) {
      const last = steps - 1 - ((steps - 1 - k) % moved)
      once.rebase(k, nudged(k, last), 10 * last)
    }
    for (const j2 of [false, true])
      for (const t of [10 * steps, 86_400]) expect(propagated(many, t, j2)).toEqual(propagated(once, t, j2))
    expect(many.snapshot()).toEqual(once.snapshot())
  })

  it('keeps −0 and 0 apart, so snapshot and restore give back the very elements', () => {
    const set = new KeplerSet([
      { a: 7000e3, e: 0, i: 0, raan: 0, argp: 0, m0: 1 },
      { a: 7000e3, e: 0, i: -0, raan: 0, argp: 0, m0: 1 },
    ])
    expect(Object.is(set.baseElements(0).i, 0)).toBe(true)
    expect(Object.is(set.baseElements(1).i, -0)).toBe(true)
    expect(set.restore(set.snapshot())).toBe(false)
  })
})

describe('Kepler solver: the last Newton step skips its series', () => {
  // eccentricAnomalySC takes sd = d and cd = 1 when d² < SERIES_IS_ONE: only right if the full
  // series (as kepler.ts evaluates it: multiplied by the coefficients' reciprocals) gives exactly
  // those bits there. Checked at the threshold and below, both signs.
  const series = (d: number): [number, number] => {
    const d2 = d * d
    return [
      d * (1 - d2 * (1 / 6) * (1 - d2 * (1 / 20))),
      1 - d2 * 0.5 * (1 - d2 * (1 / 12) * (1 - d2 * (1 / 30))),
    ]
  }
  it('gives sin δ = δ and cos δ = 1 exactly wherever the shortcut is taken', () => {
    const edge = Math.sqrt(SERIES_IS_ONE)
    const ds = [edge * (1 - 1e-15), edge / 2, 1e-12, 3.7e-14, 1e-200, 5e-324, 0]
    for (const d of ds.flatMap((x) => [x, -x])) {
      expect(d * d < SERIES_IS_ONE).toBe(true)
      expect(series(d)).toEqual([d, 1])
    }
    // And the threshold is not loose by orders of magnitude: well above it the series differs.
    expect(series(1e-7)[1]).not.toBe(1)
  })

  it('takes two terms where they agree with the full series to an ulp (|d| < 1e-5)', () => {
    const edge = Math.sqrt(SHORT_SERIES)
    const ds = [edge * (1 - 1e-15), edge / 3, 1e-6, 3.7e-7, 1e-8, Math.sqrt(SERIES_IS_ONE) * 1.01]
    for (const d of ds.flatMap((x) => [x, -x])) {
      const d2 = d * d
      expect(d2 < SHORT_SERIES && d2 >= SERIES_IS_ONE).toBe(true)
      const [sd, cd] = series(d)
      const ulp = (x: number) => Number.EPSILON * Math.abs(x)
      expect(Math.abs(d * (1 - d2 * (1 / 6)) - sd)).toBeLessThanOrEqual(ulp(sd))
      expect(Math.abs(1 - d2 * 0.5 - cd)).toBeLessThanOrEqual(ulp(cd))
    }
    // Where the full series is kept, two terms would be off by far more than an ulp.
    const d = 0.02
    expect(Math.abs(d * (1 - d * d * (1 / 6)) - series(d)[0]) / series(d)[0]).toBeGreaterThan(1e-10)
  })
})
