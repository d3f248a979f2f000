// Structure-of-arrays propagator for every Keplerian satellite: the engine's per-step hot loop.
//
// Computes: ECI position and velocity of N satellites at t seconds after the scenario epoch, by
//   two-body motion, optionally with the secular first-order J2 drift of Ω, ω and M (j2.ts). Each
//   satellite's elements hold at its own base time t0 (0 at epoch; the burn time after rebase).
// Reference: Vallado, "Fundamentals of Astrodynamics and Applications", 4th ed., Alg. 10 (COE2RV)
//   and Eq. 9-41 (J2 secular rates); see kepler.ts and j2.ts.
// Accuracy: two-body motion is exact to round-off (a 12,000 km, e = 0.3 orbit returns to its start
//   after one period within micrometres). With J2 the positions follow the secular mean motion and
//   omit J2's short-period terms (a few km in LEO). Velocity is the two-body velocity of the current
//   (drifted) elements, so stateToElements(position, velocity) gives back the same a, e and i —
//   an impulsive burn of zero Δv leaves the orbit unchanged.
//
// Speed: no allocation per call. Satellites with identical (a, e, i, t0) — a Walker constellation,
//   typically — share one "group" whose angle increments (rate × elapsed time) are evaluated
//   once per call (at the engine's fixed step, by one rotation per step from an exact anchor:
//   kepler-groups.ts); each satellite then gets its angles by angle addition from its own
//   precomputed cos/sin at t0.
// Memory: what depends only on (a, e, i, t0) is kept per group (kepler-groups.ts), not per
//   satellite; the perifocal vectors only two-body motion uses are made on its first call.
//   Kepler's equation starts from those sin/cos of M and, for near-circular orbits, needs no
//   further trig call (see eccentricAnomalySC); e < 1e-12 skips it entirely.

import { MU_EARTH } from './constants'
import { CIRCULAR_E, eccentricAnomalySC, elementsToState, wrapPi, wrapTwoPi } from './kepler'
import * as layout from './kepler-groups'
import { KeplerGroups } from './kepler-groups'
import type { KeplerElements } from './spec'

// Module-level copies of what the hot loops use: where the sources run through a CommonJS
// transform (tsx: the CLI, the benchmarks), each use of an imported name is a getter call, a
// few ns per satellite per step. The same values and functions, read once.
const CIRC_E = CIRCULAR_E
const solveKepler = eccentricAnomalySC
const wrapToPi = wrapPi
// Where each group's increments sit in its scratch (kepler-groups.ts).
const { INC, C1, S1, C2, S2, C3, S3 } = layout

/** Values per satellite in snapshot(): a, e, i, raan0, argp0, m0, t0. */
const SNAP_STRIDE = 7

/** Perifocal unit vectors P, Q at the base time, per satellite (exact for two-body motion). */
interface Perifocal {
  px: Float64Array
  py: Float64Array
  pz: Float64Array
  qx: Float64Array
  qy: Float64Array
  qz: Float64Array
}

export class KeplerSet {
  readonly count: number
  /** Semi-major axis at the base time, m (also the group's: kept here for readers). */
  readonly a: Float64Array
  /** Two-body mean motion √(μ/a³), rad/s (also the group's: kept here for readers). */
  readonly n: Float64Array
  /** Right ascension of the ascending node at the base time, rad. */
  readonly raan0: Float64Array
  /** Argument of perigee at the base time, rad. */
  readonly argp0: Float64Array
  /** Mean anomaly at the base time, rad. */
  readonly m0: Float64Array

  // Per-satellite precomputed values.
  private readonly scratchElements: KeplerElements = { a: 0, e: 0, i: 0, raan: 0, argp: 0, m0: 0 }
  private readonly cR0: Float64Array
  private readonly sR0: Float64Array
  /** cos/sin of argp0, or of argp0 + m0 for a circular orbit (J2 motion uses nothing else). */
  private readonly cW0: Float64Array
  private readonly sW0: Float64Array
  private readonly cM0: Float64Array
  private readonly sM0: Float64Array
  /** Made by the first two-body propagation (J2 motion never reads them); null until then. */
  private perifocal: Perifocal | null = null
  private readonly group: Int32Array

  // Satellites sharing (a, e, i, t0) share one group's values and angle increments.
  private groups: KeplerGroups
  private readonly sc = new Float64Array(2)

  /**
   * stepS: the fixed step the engine propagates at (t = n·stepS), which lets propagate() advance
   * the groups' angle increments by one rotation per step (kepler-groups.ts); without it, or at a
   * time off that grid, each call takes Math.cos/sin of its own time.
   */
  constructor(
    elements: readonly KeplerElements[],
    private readonly stepS = Number.NaN,
  ) {
    this.groups = new KeplerGroups(undefined, stepS)
    const count = elements.length
    this.count = count
    const f = () => new Float64Array(count)
    this.a = f()
    this.n = f()
    this.raan0 = f()
    this.argp0 = f()
    this.m0 = f()
    this.cR0 = f()
    this.sR0 = f()
    this.cW0 = f()
    this.sW0 = f()
    this.cM0 = f()
    this.sM0 = f()
    this.group = new Int32Array(count)
    for (let k = 0; k < count; k++) this.store(k, elements[k], 0)
  }

  /**
   * Groups held now, live or left behind by rebases: re-based satellites leave their old group
   * behind, and groupFor rebuilds from the live ones before the count passes 2 · count + 16, so
   * the memory a long run with many burns holds stays bounded.
   */
  get groupCount(): number {
    return this.groups.count
  }

  /** Replace satellite k's elements as elements at the scenario epoch (t0 = 0). */
  setElements(k: number, el: KeplerElements): void {
    this.store(k, el, 0)
  }

  /**
   * Re-base satellite k: `el` are its osculating elements at time tS (s after epoch), e.g. from
   * stateToElements of the post-burn state. Propagating to tS then returns exactly that state
   * (to round-off), and later times drift from there.
   */
  rebase(k: number, el: KeplerElements, tS: number): void {
    this.store(k, el, tS)
  }

  /** Satellite k's base elements (angles as stored) and base time. */
  baseElements(k: number): KeplerElements & { t0: number } {
    this.checkIndex(k)
    const g = this.group[k]
    const gs = this.groups
    return {
      a: this.a[k],
      e: gs.e[g],
      i: gs.i[g],
      raan: this.raan0[k],
      argp: this.argp0[k],
      m0: this.m0[k],
      t0: gs.t0[g],
    }
  }

  /**
   * Satellite k's elements at time tS (s after epoch): the base elements with Ω, ω and M advanced
   * by the secular rates (J2) or M by n alone (two-body); angles in [0, 2π).
   */
  elementsAt(k: number, tS: number, j2: boolean): KeplerElements {
    this.checkIndex(k)
    const g = this.group[k]
    const gs = this.groups
    const dt = tS - gs.t0[g]
    return {
      a: this.a[k],
      e: gs.e[g],
      i: gs.i[g],
      raan: wrapTwoPi(this.raan0[k] + (j2 ? gs.raanDot[g] * dt : 0)),
      argp: wrapTwoPi(this.argp0[k] + (j2 ? gs.argpDot[g] * dt : 0)),
      m0: wrapTwoPi(this.m0[k] + (j2 ? gs.mDot[g] : this.n[k]) * dt),
    }
  }

  /** Position and velocity of satellite k alone at tS: x, y, z, vx, vy, vz at out[offset ..]. */
  stateAt(k: number, tS: number, j2: boolean, out: Float64Array, offset: number): void {
    // Planners call this per satellite per sample: fill one reused record rather than allocate.
    this.checkIndex(k)
    const g = this.group[k]
    const gs = this.groups
    const dt = tS - gs.t0[g]
    const el = this.scratchElements
    el.a = this.a[k]
    el.e = gs.e[g]
    el.i = gs.i[g]
    // The same arithmetic as elementsAt, so both give bit-identical states.
    el.raan = wrapTwoPi(this.raan0[k] + (j2 ? gs.raanDot[g] * dt : 0))
    el.argp = wrapTwoPi(this.argp0[k] + (j2 ? gs.argpDot[g] * dt : 0))
    el.m0 = wrapTwoPi(this.m0[k] + (j2 ? gs.mDot[g] : this.n[k]) * dt)
    elementsToState(el, out, offset)
  }

  /** Copy of all base elements (7 values per satellite), for the engine's snapshots. */
  snapshot(): Float64Array {
    const out = new Float64Array(this.count * SNAP_STRIDE)
    const gs = this.groups
    for (let k = 0; k < this.count; k++) {
      const o = k * SNAP_STRIDE
      const g = this.group[k]
      out[o] = this.a[k]
      out[o + 1] = gs.e[g]
      out[o + 2] = gs.i[g]
      out[o + 3] = this.raan0[k]
      out[o + 4] = this.argp0[k]
      out[o + 5] = this.m0[k]
      out[o + 6] = gs.t0[g]
    }
    return out
  }

  /**
   * Bring back the elements saved by snapshot(). Returns false, having nothing to do, when they
   * are the elements held now (bit for bit): the usual case, since only a burn changes them, and
   * rebuilding 10,000 satellites' precomputed values would be the slowest part of a restore.
   */
  restore(data: Float64Array): boolean {
    if (data.length !== this.count * SNAP_STRIDE) {
      throw new RangeError(
        `KeplerSet.restore: expected ${this.count * SNAP_STRIDE} values, got ${data.length}`,
      )
    }
    if (this.holds(data)) return false
    this.groups = new KeplerGroups(undefined, this.stepS)
    for (let k = 0; k < this.count; k++) {
      const o = k * SNAP_STRIDE
      this.store(
        k,
        { a: data[o], e: data[o + 1], i: data[o + 2], raan: data[o + 3], argp: data[o + 4], m0: data[o + 5] },
        data[o + 6],
      )
    }
    return true
  }

  /** Whether `data` (snapshot layout) are exactly the base elements held now. */
  private holds(data: Float64Array): boolean {
    const { e, i, t0 } = this.groups
    for (let k = 0; k < this.count; k++) {
      const o = k * SNAP_STRIDE
      const g = this.group[k]
      if (
        !Object.is(data[o], this.a[k]) ||
        !Object.is(data[o + 1], e[g]) ||
        !Object.is(data[o + 2], i[g]) ||
        !Object.is(data[o + 3], this.raan0[k]) ||
        !Object.is(data[o + 4], this.argp0[k]) ||
        !Object.is(data[o + 5], this.m0[k]) ||
        !Object.is(data[o + 6], t0[g])
      )
        return false
    }
    return true
  }

  /**
   * ECI positions (m) and velocities (m/s) of all satellites at tS seconds after epoch, three values
   * per satellite in set order. j2: apply the secular J2 drift; otherwise pure two-body motion.
   * Allocation-free.
   */
  propagate(tS: number, j2: boolean, pos: Float64Array, vel: Float64Array): void {
    if (pos.length < 3 * this.count || vel.length < 3 * this.count) {
      throw new RangeError(`KeplerSet.propagate: outputs need ${3 * this.count} values`)
    }
    if (j2) this.propagateJ2(tS, pos, vel)
    else this.propagateTwoBody(tS, pos, vel)
  }

  private propagateTwoBody(tS: number, pos: Float64Array, vel: Float64Array): void {
    this.groups.advanceTwoBody(tS)
    const { inc, t0: gT0, e, q, vk } = this.groups
    const { px, py, pz, qx, qy, qz } = this.perifocal ?? this.makePerifocal()
    const { group, a, m0, n, cM0, sM0, sc } = this
    for (let k = 0, o = 0; k < this.count; k++, o += 3) {
      const g = group[k]
      const cg = inc[g * INC + C1]
      const sg = inc[g * INC + S1]
      let c = cM0[k] * cg - sM0[k] * sg
      let s = sM0[k] * cg + cM0[k] * sg
      const ek = e[g]
      if (ek >= CIRC_E) {
        const mRed = wrapToPi(m0[k] + n[k] * (tS - gT0[g]))
        solveKepler(mRed, ek, s, c, sc)
        s = sc[0]
        c = sc[1]
      }
      const ak = a[k]
      const qk = q[g]
      const ra = ak * (c - ek)
      const rb = ak * qk * s
      const kv = vk[g] / (1 - ek * c)
      const va = -kv * s
      const vb = kv * qk * c
      const pxk = px[k]
      const pyk = py[k]
      const pzk = pz[k]
      const qxk = qx[k]
      const qyk = qy[k]
      const qzk = qz[k]
      pos[o] = ra * pxk + rb * qxk
      pos[o + 1] = ra * pyk + rb * qyk
      pos[o + 2] = ra * pzk + rb * qzk
      vel[o] = va * pxk + vb * qxk
      vel[o + 1] = va * pyk + vb * qyk
      vel[o + 2] = va * pzk + vb * qzk
    }
  }

  private propagateJ2(tS: number, pos: Float64Array, vel: Float64Array): void {
    this.groups.advanceJ2(tS)
    const { inc } = this.groups
    const { t0: gT0, mDot: gMDot, e, q, vk, ci, si } = this.groups
    const { group, sc, a, m0, cR0, sR0, cW0, sW0, cM0, sM0 } = this
    for (let k = 0, o = 0; k < this.count; k++, o += 3) {
      const g = group[k]
      const gi = g * INC
      const gc1 = inc[gi + C1]
      const gs1 = inc[gi + S1]
      const gc2 = inc[gi + C2]
      const gs2 = inc[gi + S2]
      const cO = cR0[k] * gc1 - sR0[k] * gs1
      const sO = sR0[k] * gc1 + cR0[k] * gs1
      const ek = e[g]
      let cw: number
      let sw: number
      let c: number
      let s: number
      if (ek < CIRC_E) {
        // Circular: only the argument of latitude u = ω + M matters; put it in ω and take E = 0
        // (cW0/sW0 hold cos/sin of u at t0 and c2/s2 its increment for such a satellite).
        cw = cW0[k] * gc2 - sW0[k] * gs2
        sw = sW0[k] * gc2 + cW0[k] * gs2
        c = 1
        s = 0
      } else {
        cw = cW0[k] * gc2 - sW0[k] * gs2
        sw = sW0[k] * gc2 + cW0[k] * gs2
        const gc3 = inc[gi + C3]
        const gs3 = inc[gi + S3]
        const cm = cM0[k] * gc3 - sM0[k] * gs3
        const sm = sM0[k] * gc3 + cM0[k] * gs3
        const mRed = wrapToPi(m0[k] + gMDot[g] * (tS - gT0[g]))
        solveKepler(mRed, ek, sm, cm, sc)
        s = sc[0]
        c = sc[1]
      }
      const cik = ci[g]
      const sik = si[g]
      const pxk = cO * cw - sO * sw * cik
      const pyk = sO * cw + cO * sw * cik
      const pzk = sw * sik
      const qxk = -cO * sw - sO * cw * cik
      const qyk = -sO * sw + cO * cw * cik
      const qzk = cw * sik
      const ak = a[k]
      const qk = q[g]
      const ra = ak * (c - ek)
      const rb = ak * qk * s
      const kv = vk[g] / (1 - ek * c)
      const va = -kv * s
      const vb = kv * qk * c
      pos[o] = ra * pxk + rb * qxk
      pos[o + 1] = ra * pyk + rb * qyk
      pos[o + 2] = ra * pzk + rb * qzk
      vel[o] = va * pxk + vb * qxk
      vel[o + 1] = va * pyk + vb * qyk
      vel[o + 2] = va * pzk + vb * qzk
    }
  }

  private checkIndex(k: number): void {
    if (!Number.isInteger(k) || k < 0 || k >= this.count) {
      throw new RangeError(`KeplerSet: satellite index ${k} out of range 0..${this.count - 1}`)
    }
  }

  private store(k: number, el: KeplerElements, tS: number): void {
    this.checkIndex(k)
    const { a, e, i, raan, argp, m0 } = el
    if (!(a > 0) || !(e >= 0 && e < 1) || !Number.isFinite(a) || !Number.isFinite(tS)) {
      throw new RangeError(`KeplerSet: satellite ${k} needs a > 0 and 0 ≤ e < 1 (got a = ${a}, e = ${e})`)
    }
    if (!Number.isFinite(i) || !Number.isFinite(raan) || !Number.isFinite(argp) || !Number.isFinite(m0)) {
      throw new RangeError(`KeplerSet: satellite ${k} has a non-finite angle`)
    }
    this.a[k] = a
    this.raan0[k] = raan
    this.argp0[k] = argp
    this.m0[k] = m0
    this.n[k] = Math.sqrt(MU_EARTH / (a * a * a))
    const u = e < CIRCULAR_E ? argp + m0 : argp
    this.cR0[k] = Math.cos(raan)
    this.sR0[k] = Math.sin(raan)
    this.cW0[k] = Math.cos(u)
    this.sW0[k] = Math.sin(u)
    this.cM0[k] = Math.cos(m0)
    this.sM0[k] = Math.sin(m0)
    this.group[k] = this.groupFor(a, e, i, tS)
    if (this.perifocal !== null) this.perifocalOf(k, this.perifocal)
  }

  /** Satellite k's perifocal unit vectors P, Q at its base time, into `pf`. */
  private perifocalOf(k: number, pf: Perifocal): void {
    const g = this.group[k]
    const ci = this.groups.ci[g]
    const si = this.groups.si[g]
    const cO = this.cR0[k]
    const sO = this.sR0[k]
    const argp = this.argp0[k]
    const cw = Math.cos(argp)
    const sw = Math.sin(argp)
    pf.px[k] = cO * cw - sO * sw * ci
    pf.py[k] = sO * cw + cO * sw * ci
    pf.pz[k] = sw * si
    pf.qx[k] = -cO * sw - sO * cw * ci
    pf.qy[k] = -sO * sw + cO * cw * ci
    pf.qz[k] = cw * si
  }

  private makePerifocal(): Perifocal {
    const f = () => new Float64Array(this.count)
    const pf: Perifocal = { px: f(), py: f(), pz: f(), qx: f(), qy: f(), qz: f() }
    for (let k = 0; k < this.count; k++) this.perifocalOf(k, pf)
    this.perifocal = pf
    return pf
  }

  /** Group index for (a, e, i, t0), creating the group if needed. */
  private groupFor(a: number, e: number, i: number, t0: number): number {
    const found = this.groups.find(a, e, i, t0)
    if (found >= 0) return found
    // Many re-based satellites left groups behind: rebuild from the live satellites only.
    // (Rare: at most once per `count` rebases.)
    if (this.groups.count >= 2 * this.count + 16) this.regroup()
    return this.groups.add(a, e, i, t0)
  }

  /** New groups holding only the groups some satellite is in (each group's values copied). */
  private regroup(): void {
    const old = this.groups
    this.groups = new KeplerGroups(undefined, this.stepS)
    for (let k = 0; k < this.count; k++) {
      const g = this.group[k]
      if (g < 0) continue
      const { a, e, i, t0 } = old
      const found = this.groups.find(a[g], e[g], i[g], t0[g])
      this.group[k] = found >= 0 ? found : this.groups.add(a[g], e[g], i[g], t0[g])
    }
  }
}
