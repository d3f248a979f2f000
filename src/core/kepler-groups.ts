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

/**
 * The per-call scratch, INC numbers per group side by side (one array, so the hot loops touch
 * one or two cache lines per group, not thirteen arrays): cos/sin of each group's angle
 * increments — Ω (C1, S1), ω (C2, S2) and M (C3, S3), or for a circular group ω + M in C2/S2
 * (its members use nothing else) — then cos/sin of what each grows by in one step (the
 * rotations, ROT further on), then the step index they hold the increments of (AT; −1: none).
 */
export const C1 = 0
export const S1 = 1
export const C2 = 2
export const S2 = 3
export const C3 = 4
export const S3 = 5
const ROT = 6
const AT = 12
export const INC = 13

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
  /** Per-call scratch, INC numbers per group (see C1 … AT above). */
  inc: Float64Array
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
    this.inc = this.freshScratch(capacity)
  }

  get capacity(): number {
    return this.t0.length
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
    this.inc[g * INC + AT] = -1
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
    this.inc = this.freshScratch(capacity)
  }

  /** Scratch for `capacity` groups, holding no step's increments. */
  private freshScratch(capacity: number): Float64Array {
    const inc = new Float64Array(capacity * INC)
    for (let o = AT; o < inc.length; o += INC) inc[o] = -1
    return inc
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
    this.inc = this.freshScratch(this.capacity)
  }

  /** C1/S1: cos/sin of n·(tS − t0), the mean anomaly's two-body increment, for every group. */
  advanceTwoBody(tS: number): void {
    this.use(TWO_BODY)
    const { n: gN, t0: gT0, inc, count } = this
    const h = this.stepS
    const step = this.stepIndex(tS)
    for (let g = 0, o = 0; g < count; g++, o += INC) {
      if (step >= 0 && inc[o + AT] === step) continue
      if (step > 0 && inc[o + AT] === step - 1 && step % ANCHOR_EVERY !== 0) {
        turn(inc, o + C1)
        inc[o + AT] = step
        continue
      }
      const from = step < 0 ? step : step - (step % ANCHOR_EVERY)
      const x = gN[g] * ((step < 0 ? tS : from * h) - gT0[g])
      inc[o + C1] = Math.cos(x)
      inc[o + S1] = Math.sin(x)
      inc[o + AT] = from
      if (step < 0) continue
      inc[o + ROT + C1] = Math.cos(gN[g] * h)
      inc[o + ROT + S1] = Math.sin(gN[g] * h)
      for (; inc[o + AT] < step; inc[o + AT]++) turn(inc, o + C1)
    }
  }

  /** The J2 increments of every group at tS, into C1 … S3 (see above). */
  advanceJ2(tS: number): void {
    this.use(J2)
    const { inc, circ, count } = this
    const step = this.stepIndex(tS)
    const onward = step > 0 && step % ANCHOR_EVERY !== 0
    for (let g = 0, o = 0; g < count; g++, o += INC) {
      if (onward && inc[o + AT] === step - 1) {
        // The usual call: one step on from the last (turnJ2, written out for the hot loop).
        let c = inc[o]
        let s = inc[o + 1]
        inc[o] = c * inc[o + 6] - s * inc[o + 7]
        inc[o + 1] = s * inc[o + 6] + c * inc[o + 7]
        c = inc[o + 2]
        s = inc[o + 3]
        inc[o + 2] = c * inc[o + 8] - s * inc[o + 9]
        inc[o + 3] = s * inc[o + 8] + c * inc[o + 9]
        if (circ[g] === 0) {
          c = inc[o + 4]
          s = inc[o + 5]
          inc[o + 4] = c * inc[o + 10] - s * inc[o + 11]
          inc[o + 5] = s * inc[o + 10] + c * inc[o + 11]
        }
        inc[o + AT] = step
        continue
      }
      if (step >= 0 && inc[o + AT] === step) continue
      if (step < 0) {
        this.exactJ2(g, tS - this.t0[g], 0)
        inc[o + AT] = -1
        continue
      }
      const from = step - (step % ANCHOR_EVERY)
      this.exactJ2(g, from * this.stepS - this.t0[g], 0)
      // The rotations: the same formulas over one step, into the ROT slots.
      this.exactJ2(g, this.stepS, ROT)
      for (inc[o + AT] = from; inc[o + AT] < step; inc[o + AT]++) turnJ2(inc, o, circ[g] === 1)
    }
  }

  /** cos/sin of group g's J2 increments over dt seconds, by Math.cos/sin, at offset `at` of its scratch. */
  private exactJ2(g: number, dt: number, at: number): void {
    const o = g * INC + at
    const xo = this.raanDot[g] * dt
    const xw = this.argpDot[g] * dt
    const xm = this.mDot[g] * dt
    const inc = this.inc
    inc[o + C1] = Math.cos(xo)
    inc[o + S1] = Math.sin(xo)
    // A group's members share e, so they are all circular or all not: evaluate what they use.
    if (this.circ[g] === 1) {
      inc[o + C2] = Math.cos(xw + xm)
      inc[o + S2] = Math.sin(xw + xm)
    } else {
      inc[o + C2] = Math.cos(xw)
      inc[o + S2] = Math.sin(xw)
      inc[o + C3] = Math.cos(xm)
      inc[o + S3] = Math.sin(xm)
    }
  }
}

/** The pair (cos, sin) at inc[p], inc[p + 1] one step on: turned by its rotation ROT further on. */
function turn(inc: Float64Array, p: number): void {
  const c = inc[p]
  const s = inc[p + 1]
  inc[p] = c * inc[p + ROT] - s * inc[p + ROT + 1]
  inc[p + 1] = s * inc[p + ROT] + c * inc[p + ROT + 1]
}

/** A group's J2 increments (scratch at offset o) one step on. */
function turnJ2(inc: Float64Array, o: number, circular: boolean): void {
  turn(inc, o + C1)
  turn(inc, o + C2)
  if (!circular) turn(inc, o + C3)
}
