// Groups of Keplerian satellites sharing (a, e, i, t0), hence everything that depends only on
// those: the mean motion, the J2 rates, √(1 − e²), √(μ/a), cos/sin i and the elapsed time.
// KeplerSet keeps these once per group rather than once per satellite (a Walker constellation
// is one group, so its 100,000 satellites hold a handful of numbers here, not a dozen each),
// evaluates each group's angle increments once per call, and gives every member its angles by
// angle addition. This file keeps the groups and their per-call scratch, and evaluates the
// increments; KeplerSet decides who belongs where.
//
// The increments at a fixed step: when the set knows the engine's step h and is called at
// t = n·h, the cos/sin of each increment are taken with Math.cos/sin only at step indices that
// are multiples of ANCHOR_EVERY, and advanced from there by one fixed rotation per step (angle
// addition with cos/sin of rate·h). In a fleet of scattered orbits every satellite is a group of
// its own, and these six Math.cos/sin calls per satellite per step were the largest part of its
// propagation. The values at step n are a function of n alone — the anchor below n and n minus
// it rotations, the same arithmetic whether the calls came one step after another, after a jump
// (a restore) or twice at the same step — so a run gives the same bits however it got there.
// A time off the grid (a last step cut short by the duration) gets Math.cos/sin of its own.
// Each rotation adds a few ulps, so between anchors the values stay within ~1e-14 of the exact
// ones (tests/core/kepler-increments.test.ts): some 1e-7 m at LEO radius.

import { MU_EARTH } from './constants'
import { j2SecularRatesInto } from './j2'
import { CIRCULAR_E } from './kepler'

/** Groups to make room for at first; the arrays double when they run out. */
const FIRST_CAPACITY = 16

/** The per-group Float64Array fields (what grow() keeps; the scratch it need not). */
const KEPT = ['a', 'e', 'i', 't0', 'n', 'raanDot', 'argpDot', 'mDot', 'q', 'vk', 'ci', 'si'] as const
const SCRATCH = ['c1', 's1', 'c2', 's2', 'c3', 's3', 'rc1', 'rs1', 'rc2', 'rs2', 'rc3', 'rs3', 'at'] as const

/** Step indices at which the increments are taken exactly; rotated in between. */
export const ANCHOR_EVERY = 64

/** Which motion the scratch holds: the increments of two-body and J2 motion differ. */
const TWO_BODY = 0
const J2 = 1

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
  /** Per-group scratch: cos/sin of each increment's growth over one step (the rotation). */
  rc1: Float64Array
  rs1: Float64Array
  rc2: Float64Array
  rs2: Float64Array
  rc3: Float64Array
  rs3: Float64Array
  /** Per-group scratch: the step index c1..s3 hold the increments of; −1 when none. */
  at: Float64Array
  /** The motion (TWO_BODY or J2) the scratch was last filled for. */
  private mode = -1

  /**
   * stepS: the engine's fixed step, s (NaN, the default: none, so every call takes
   * Math.cos/sin of its own time).
   */
  constructor(
    capacity = FIRST_CAPACITY,
    readonly stepS = Number.NaN,
  ) {
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
    this.rc1 = f()
    this.rs1 = f()
    this.rc2 = f()
    this.rs2 = f()
    this.rc3 = f()
    this.rs3 = f()
    this.at = f().fill(-1)
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
    this.at[g] = -1
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
    this.at.fill(-1)
  }

  /** The step index of time tS on the grid of stepS, or −1 when it is off it (or there is none). */
  private stepIndex(tS: number): number {
    const h = this.stepS
    const n = Math.round(tS / h)
    return n >= 0 && n <= Number.MAX_SAFE_INTEGER && n * h === tS ? n : -1
  }

  /** Scratch for a new motion: what it held is of the other one. */
  private use(mode: number): void {
    if (this.mode === mode) return
    this.mode = mode
    this.at.fill(-1)
  }

  /** c1/s1: cos/sin of n·(tS − t0), the mean anomaly's two-body increment, for every group. */
  advanceTwoBody(tS: number): void {
    this.use(TWO_BODY)
    const { n: gN, t0: gT0, c1, s1, rc1, rs1, at, count } = this
    const h = this.stepS
    const step = this.stepIndex(tS)
    for (let g = 0; g < count; g++) {
      if (step >= 0 && at[g] === step) continue
      if (step > 0 && at[g] === step - 1 && step % ANCHOR_EVERY !== 0) {
        this.rotate1(g)
        at[g] = step
        continue
      }
      const from = step < 0 ? step : step - (step % ANCHOR_EVERY)
      const x = gN[g] * ((step < 0 ? tS : from * h) - gT0[g])
      c1[g] = Math.cos(x)
      s1[g] = Math.sin(x)
      at[g] = from
      if (step < 0) continue
      rc1[g] = Math.cos(gN[g] * h)
      rs1[g] = Math.sin(gN[g] * h)
      for (; at[g] < step; at[g]++) this.rotate1(g)
    }
  }

  /**
   * cos/sin of every group's J2 increments at tS: Ω in c1/s1, and ω in c2/s2 with M in c3/s3, or
   * for a circular group ω + M in c2/s2 (its members use nothing else).
   */
  advanceJ2(tS: number): void {
    this.use(J2)
    const { at, c1, s1, c2, s2, c3, s3, rc1, rs1, rc2, rs2, rc3, rs3, circ, count } = this
    const step = this.stepIndex(tS)
    const onward = step > 0 && step % ANCHOR_EVERY !== 0
    for (let g = 0; g < count; g++) {
      if (onward && at[g] === step - 1) {
        // The usual call: one step on from the last. rotateJ2, written out for the hot loop.
        let c = c1[g]
        let s = s1[g]
        c1[g] = c * rc1[g] - s * rs1[g]
        s1[g] = s * rc1[g] + c * rs1[g]
        c = c2[g]
        s = s2[g]
        c2[g] = c * rc2[g] - s * rs2[g]
        s2[g] = s * rc2[g] + c * rs2[g]
        if (circ[g] === 0) {
          c = c3[g]
          s = s3[g]
          c3[g] = c * rc3[g] - s * rs3[g]
          s3[g] = s * rc3[g] + c * rs3[g]
        }
        at[g] = step
        continue
      }
      if (step >= 0 && at[g] === step) continue
      if (step < 0) {
        this.exactJ2(g, tS)
        at[g] = -1
        continue
      }
      const from = step - (step % ANCHOR_EVERY)
      this.exactJ2(g, from * this.stepS)
      this.rotationJ2(g)
      for (at[g] = from; at[g] < step; at[g]++) this.rotateJ2(g)
    }
  }

  /** Group g's J2 increments at tS by Math.cos/sin. */
  private exactJ2(g: number, tS: number): void {
    const dt = tS - this.t0[g]
    const xo = this.raanDot[g] * dt
    const xw = this.argpDot[g] * dt
    const xm = this.mDot[g] * dt
    this.c1[g] = Math.cos(xo)
    this.s1[g] = Math.sin(xo)
    // A group's members share e, so they are all circular or all not: evaluate what they use.
    if (this.circ[g] === 1) {
      this.c2[g] = Math.cos(xw + xm)
      this.s2[g] = Math.sin(xw + xm)
    } else {
      this.c2[g] = Math.cos(xw)
      this.s2[g] = Math.sin(xw)
      this.c3[g] = Math.cos(xm)
      this.s3[g] = Math.sin(xm)
    }
  }

  /** Group g's J2 rotations: cos/sin of what each increment grows by in one step. */
  private rotationJ2(g: number): void {
    const h = this.stepS
    const xo = this.raanDot[g] * h
    const xw = this.argpDot[g] * h
    const xm = this.mDot[g] * h
    this.rc1[g] = Math.cos(xo)
    this.rs1[g] = Math.sin(xo)
    if (this.circ[g] === 1) {
      this.rc2[g] = Math.cos(xw + xm)
      this.rs2[g] = Math.sin(xw + xm)
    } else {
      this.rc2[g] = Math.cos(xw)
      this.rs2[g] = Math.sin(xw)
      this.rc3[g] = Math.cos(xm)
      this.rs3[g] = Math.sin(xm)
    }
  }

  /** Group g's increment 1 one step on: (c, s) turned by the rotation (rc, rs). */
  private rotate1(g: number): void {
    const c = this.c1[g]
    const s = this.s1[g]
    this.c1[g] = c * this.rc1[g] - s * this.rs1[g]
    this.s1[g] = s * this.rc1[g] + c * this.rs1[g]
  }

  /** Group g's J2 increments one step on. */
  private rotateJ2(g: number): void {
    this.rotate1(g)
    const c2 = this.c2[g]
    const s2 = this.s2[g]
    this.c2[g] = c2 * this.rc2[g] - s2 * this.rs2[g]
    this.s2[g] = s2 * this.rc2[g] + c2 * this.rs2[g]
    if (this.circ[g] === 1) return
    const c3 = this.c3[g]
    const s3 = this.s3[g]
    this.c3[g] = c3 * this.rc3[g] - s3 * this.rs3[g]
    this.s3[g] = s3 * this.rc3[g] + c3 * this.rs3[g]
  }
}
