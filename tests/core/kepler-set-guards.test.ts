// KeplerSet's guards and bookkeeping that the engine's runs never trip: satellite indexes out of
// range on every per-satellite reader, elements it must refuse, elementsAt of a re-based
// satellite (its clock starts at the rebase), restore() noticing a change in any one stored
// value, and propagate() writing three values per satellite and no more.

import { describe, expect, it } from 'vitest'
import { DEG } from '../../src/core/constants'
import { KeplerSet } from '../../src/core/kepler-set'
import type { KeplerElements } from '../../src/core/spec'
import { propagated } from '../support/kepler-state'

const LEO: KeplerElements = { a: 7000e3, e: 0.01, i: 51.6 * DEG, raan: 1, argp: 2, m0: 0.5 }
const MOLNIYA: KeplerElements = { a: 26_560e3, e: 0.72, i: 63.4 * DEG, raan: 4, argp: 4.7, m0: 3 }

describe('KeplerSet refusals', () => {
  const set = new KeplerSet([LEO, MOLNIYA], 30)
  const out = new Float64Array(6)

  it.each([2, -1, 1.5, Number.NaN])('refuses satellite index %s on every reader', (k) => {
    const msg = new RangeError(`KeplerSet: satellite index ${k} out of range 0..1`)
    expect(() => set.baseElements(k)).toThrow(msg)
    expect(() => set.elementsAt(k, 60, true)).toThrow(msg)
    expect(() => set.stateAt(k, 60, false, out, 0)).toThrow(msg)
    expect(() => set.setElements(k, LEO)).toThrow(msg)
  })

  it.each([
    ['a = 0', { a: 0 }, 'a = 0, e = 0.01'],
    ['a < 0', { a: -7000e3 }, 'a = -7000000, e = 0.01'],
    ['e < 0', { e: -0.1 }, 'a = 7000000, e = -0.1'],
    ['e = 1', { e: 1 }, 'a = 7000000, e = 1'],
  ])('refuses %s', (_, edit, got) => {
    expect(() => new KeplerSet([{ ...LEO, ...edit }])).toThrow(
      new RangeError(`KeplerSet: satellite 0 needs a > 0 and 0 ≤ e < 1 (got ${got})`),
    )
  })

  it('refuses a snapshot of another fleet size', () => {
    const three = new KeplerSet([LEO, MOLNIYA, LEO])
    expect(() => set.restore(three.snapshot())).toThrow(
      new RangeError('KeplerSet.restore: expected 14 values, got 21'),
    )
  })
})

describe('KeplerSet.elementsAt after a rebase', () => {
  it('counts time from the rebase, not from the epoch', () => {
    const set = new KeplerSet([LEO, MOLNIYA])
    const el = { ...MOLNIYA, m0: 1.25 }
    set.rebase(1, el, 5000)
    // At the rebase time the elements are the ones given (angles already in [0, 2π)).
    for (const j2 of [false, true]) {
      const at = set.elementsAt(1, 5000, j2)
      expect(at.m0).toBeCloseTo(1.25, 12)
      expect(at.raan).toBeCloseTo(MOLNIYA.raan, 12)
      expect(at.argp).toBeCloseTo(MOLNIYA.argp, 12)
    }
    // 100 s later, two-body motion has moved M by n·100 s only (μ = 3.986004418e14 m³/s², WGS-84).
    const n = Math.sqrt(3.986004418e14 / MOLNIYA.a ** 3)
    expect(set.elementsAt(1, 5100, false).m0).toBeCloseTo(1.25 + n * 100, 10)
  })
})

describe('KeplerSet.restore', () => {
  // Each value of a snapshot changed alone must be noticed and brought back.
  const edits: [string, (s: KeplerSet) => void][] = [
    ['a', (s) => s.setElements(0, { ...LEO, a: 7001e3 })],
    ['e', (s) => s.setElements(0, { ...LEO, e: 0.02 })],
    ['i', (s) => s.setElements(0, { ...LEO, i: 52 * DEG })],
    ['raan', (s) => s.setElements(0, { ...LEO, raan: 1.1 })],
    ['argp', (s) => s.setElements(0, { ...LEO, argp: 2.1 })],
    ['m0', (s) => s.setElements(0, { ...LEO, m0: 0.6 })],
    ['t0', (s) => s.rebase(0, LEO, 120)],
  ]

  it.each(edits)('notices a change of %s alone and brings the orbit back', (_, edit) => {
    const set = new KeplerSet([LEO, MOLNIYA], 30)
    const saved = set.snapshot()
    const before = propagated(set, 600, true)
    edit(set)
    expect(set.snapshot()).not.toEqual(saved)
    expect(set.restore(saved)).toBe(true)
    expect(set.snapshot()).toEqual(saved)
    expect(propagated(set, 600, true)).toEqual(before)
  })
})

describe('KeplerSet.propagate', () => {
  it.each([false, true])('writes three values per satellite and nothing past them (J2: %s)', (j2) => {
    const set = new KeplerSet([LEO, MOLNIYA], 30)
    const pos = new Float64Array(9).fill(7)
    const vel = new Float64Array(9).fill(7)
    set.propagate(60, j2, pos, vel)
    expect(Array.from(pos.subarray(6))).toEqual([7, 7, 7])
    expect(Array.from(vel.subarray(6))).toEqual([7, 7, 7])
    expect(pos.subarray(0, 6).every((x) => x !== 7 && Number.isFinite(x))).toBe(true)
  })
})
