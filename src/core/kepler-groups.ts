// Groups of Keplerian satellites sharing (a, e, i, t0), hence the mean motion, the J2 rates and
// the elapsed time: KeplerSet evaluates each group's angle increments with Math.cos/sin once per
// call and gives every member its angles by angle addition. A Walker constellation is one group.
// This file keeps the groups and their per-call scratch; KeplerSet decides who belongs where.

import { MU_EARTH } from './constants'
import { j2SecularRatesInto } from './j2'
import { CIRCULAR_E } from './kepler'

export class KeplerGroups {
  /** Groups in use (indices 0..count-1). */
  count = 0
  private readonly index = new Map<string, number>()
  private readonly rates = new Float64Array(3)
  /** Per group: base time, s; two-body mean motion and secular J2 rates, rad/s; circular or not. */
  t0: Float64Array
  n: Float64Array
  raanDot: Float64Array
  argpDot: Float64Array
  mDot: Float64Array
  circ: Uint8Array
  /** Per-call scratch: cos/sin of each group's angle increments. */
  c1: Float64Array
  s1: Float64Array
  c2: Float64Array
  s2: Float64Array
  c3: Float64Array
  s3: Float64Array
  c4: Float64Array
  s4: Float64Array

  constructor(capacity: number) {
    const f = () => new Float64Array(capacity)
    this.t0 = f()
    this.n = f()
    this.raanDot = f()
    this.argpDot = f()
    this.mDot = f()
    this.circ = new Uint8Array(capacity)
    this.c1 = f()
    this.s1 = f()
    this.c2 = f()
    this.s2 = f()
    this.c3 = f()
    this.s3 = f()
    this.c4 = f()
    this.s4 = f()
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
    return this.index.get(`${a}|${e}|${i}|${t0}`) ?? -1
  }

  /** A new group for (a, e, i, t0); the caller makes room first (count < capacity). */
  add(a: number, e: number, i: number, t0: number): number {
    const g = this.count++
    this.t0[g] = t0
    this.n[g] = Math.sqrt(MU_EARTH / (a * a * a))
    j2SecularRatesInto(a, e, i, this.rates, 0)
    this.raanDot[g] = this.rates[0]
    this.argpDot[g] = this.rates[1]
    this.mDot[g] = this.rates[2]
    this.circ[g] = e < CIRCULAR_E ? 1 : 0
    this.index.set(`${a}|${e}|${i}|${t0}`, g)
    return g
  }

  /** Room for `capacity` groups, keeping the ones there are (the scratch starts empty). */
  grow(capacity: number): void {
    const keep = (arr: Float64Array) => {
      const next = new Float64Array(capacity)
      next.set(arr)
      return next
    }
    this.t0 = keep(this.t0)
    this.n = keep(this.n)
    this.raanDot = keep(this.raanDot)
    this.argpDot = keep(this.argpDot)
    this.mDot = keep(this.mDot)
    const circ = new Uint8Array(capacity)
    circ.set(this.circ)
    this.circ = circ
    for (const key of ['c1', 's1', 'c2', 's2', 'c3', 's3', 'c4', 's4'] as const)
      this[key] = new Float64Array(capacity)
  }
}
