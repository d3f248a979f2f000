// Groups of Keplerian satellites sharing (a, e, i, t0), hence everything that depends only on
// those: the mean motion, the J2 rates, √(1 − e²), √(μ/a), cos/sin i and the elapsed time.
// KeplerSet keeps these once per group rather than once per satellite (a Walker constellation
// is one group, so its 100,000 satellites hold a handful of numbers here, not a dozen each),
// evaluates each group's angle increments with Math.cos/sin once per call, and gives every
// member its angles by angle addition. This file keeps the groups and their per-call scratch;
// KeplerSet decides who belongs where.

import { MU_EARTH } from './constants'
import { j2SecularRatesInto } from './j2'
import { CIRCULAR_E } from './kepler'

/** Groups to make room for at first; the arrays double when they run out. */
const FIRST_CAPACITY = 16

/** The per-group Float64Array fields (what grow() keeps; the scratch it need not). */
const KEPT = ['a', 'e', 'i', 't0', 'n', 'raanDot', 'argpDot', 'mDot', 'q', 'vk', 'ci', 'si'] as const
const SCRATCH = ['c1', 's1', 'c2', 's2', 'c3', 's3'] as const

/** A number as a key part; −0 apart from 0, so a group's members hold bit-identical values. */
const part = (x: number): string => (Object.is(x, -0) ? '-0' : String(x))

export class KeplerGroups {
  /** Groups in use (indices 0..count-1). */
  count = 0
  private readonly index = new Map<string, number>()
  private readonly rates = new Float64Array(3)
  /** Per group: the shared elements (m, –, rad) and base time (s). */
  a: Float64Array
  e: Float64Array
  i: Float64Array
  t0: Float64Array
  /** Per group: two-body mean motion and secular J2 rates, rad/s (mDot includes n). */
  n: Float64Array
  raanDot: Float64Array
  argpDot: Float64Array
  mDot: Float64Array
  /** Per group: √(1 − e²), √(μ/a) = n·a, cos i, sin i. */
  q: Float64Array
  vk: Float64Array
  ci: Float64Array
  si: Float64Array
  /** Per group: 1 when circular (e < CIRCULAR_E). */
  circ: Uint8Array
  /**
   * Per-call scratch: cos/sin of each group's angle increments — Ω (c1), ω (c2) and M (c3), or
   * for a circular group ω + M in c2 (its members use nothing else).
   */
  c1: Float64Array
  s1: Float64Array
  c2: Float64Array
  s2: Float64Array
  c3: Float64Array
  s3: Float64Array

  constructor(capacity = FIRST_CAPACITY) {
    const f = () => new Float64Array(capacity)
    this.a = f()
    this.e = f()
    this.i = f()
    this.t0 = f()
    this.n = f()
    this.raanDot = f()
    this.argpDot = f()
    this.mDot = f()
    this.q = f()
    this.vk = f()
    this.ci = f()
    this.si = f()
    this.circ = new Uint8Array(capacity)
    this.c1 = f()
    this.s1 = f()
    this.c2 = f()
    this.s2 = f()
    this.c3 = f()
    this.s3 = f()
  }

  get capacity(): number {
    return this.t0.length
  }

  /** Forget every group. */
  clear(): void {
    this.count = 0
    this.index.clear()
  }

  /** The group of (a, e, i, t0), or −1 when there is none yet. */
  find(a: number, e: number, i: number, t0: number): number {
    return this.index.get(`${part(a)}|${part(e)}|${part(i)}|${part(t0)}`) ?? -1
  }

  /** A new group for (a, e, i, t0), making room when the arrays are full. */
  add(a: number, e: number, i: number, t0: number): number {
    if (this.count >= this.capacity) this.grow(2 * this.capacity)
    const g = this.count++
    this.a[g] = a
    this.e[g] = e
    this.i[g] = i
    this.t0[g] = t0
    this.n[g] = Math.sqrt(MU_EARTH / (a * a * a))
    j2SecularRatesInto(a, e, i, this.rates, 0)
    this.raanDot[g] = this.rates[0]
    this.argpDot[g] = this.rates[1]
    this.mDot[g] = this.rates[2]
    this.q[g] = Math.sqrt(1 - e * e)
    this.vk[g] = Math.sqrt(MU_EARTH / a)
    this.ci[g] = Math.cos(i)
    this.si[g] = Math.sin(i)
    this.circ[g] = e < CIRCULAR_E ? 1 : 0
    this.index.set(`${part(a)}|${part(e)}|${part(i)}|${part(t0)}`, g)
    return g
  }

  /** Room for `capacity` groups, keeping the ones there are (the scratch starts empty). */
  private grow(capacity: number): void {
    for (const key of KEPT) {
      const next = new Float64Array(capacity)
      next.set(this[key])
      this[key] = next
    }
    const circ = new Uint8Array(capacity)
    circ.set(this.circ)
    this.circ = circ
    for (const key of SCRATCH) this[key] = new Float64Array(capacity)
  }
}
