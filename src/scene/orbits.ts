// Orbit models for drawing: where each satellite's orbit lies now (for the faint orbit loops and
// the selected satellite's highlighted loop) and where it will be over the next and the last
// revolution (for the ground track). Pure TypeScript over the core's own propagation functions —
// no three, no DOM — so it runs in Node tests.
//
// Keplerian satellites use the core's KeplerSet (the engine's propagator: two-body motion plus the
// secular J2 drift of Ω, ω and M when the scenario enables J2), so an un-manoeuvred satellite's
// model position equals the engine's to round-off. TLE satellites use SGP4 (core/sgp4.ts).
//
// The frames carry positions only, so the scene cannot see a burn directly. It checks a model
// against the positions it is shown; where they disagree (a burn happened), `estimateElements`
// recovers the new orbit from two positions a minute or two apart — a boundary-value fit through
// the same propagation model the engine uses after a burn — and `rebase` replaces the model.
//
// Loops are sampled uniformly in eccentric anomaly E: r(E) = a(cos E − e)·P + a√(1−e²)·sin E·Q,
// which is exactly the position formula of elementsToState at mean anomaly M = E − e·sin E, with
// no Kepler equation to solve and points spread evenly around an eccentric orbit.

import { MU_EARTH, R_EARTH, TWO_PI } from '../core/constants'
import { j2SecularRatesInto } from '../core/j2'
import { elementsToState, perifocalAxes, stateToElements, wrapTwoPi } from '../core/kepler'
import { KeplerSet } from '../core/kepler-set'
import { createElementSetOrbit, type TleOrbit } from '../core/sgp4'
import type { KeplerElements, ScenarioSpec } from '../core/spec'
import { gmstRad } from '../core/time'

/** Points per faint orbit loop. */
export const ORBIT_SAMPLES = 128
/** Points of the selected satellite's highlighted loop. */
export const SELECTED_ORBIT_SAMPLES = 256

export function emptyElements(): KeplerElements {
  return { a: 0, e: 0, i: 0, raan: 0, argp: 0, m0: 0 }
}

const PQ = new Float64Array(6)

/**
 * Writes `samples` points (x, y, z each, times `scale`) of the ellipse with elements `el` at
 * out[offset ..], E = 2πk / samples for k = 0 … samples − 1 (the loop is closed by the caller).
 */
export function sampleOrbitLoop(
  el: KeplerElements,
  samples: number,
  scale: number,
  out: Float32Array,
  offset: number,
): void {
  const { a, e } = el
  const pq = perifocalAxes(el, PQ)
  const b = a * Math.sqrt(Math.max(0, 1 - e * e))
  for (let k = 0, o = offset; k < samples; k++, o += 3) {
    const ea = (TWO_PI * k) / samples
    const ra = a * (Math.cos(ea) - e) * scale
    const rb = b * Math.sin(ea) * scale
    out[o] = ra * pq[0] + rb * pq[3]
    out[o + 1] = ra * pq[1] + rb * pq[4]
    out[o + 2] = ra * pq[2] + rb * pq[5]
  }
}

const SECULAR = new Float64Array(3)

/**
 * Elements `el` (valid at some time) advanced by dt seconds the way the engine's propagator does:
 * Ω, ω and M by their secular J2 rates when `j2`, otherwise M by the two-body mean motion.
 */
export function driftElements(el: KeplerElements, dt: number, j2: boolean, out: KeplerElements): void {
  out.a = el.a
  out.e = el.e
  out.i = el.i
  if (j2) {
    j2SecularRatesInto(el.a, el.e, el.i, SECULAR, 0)
    out.raan = wrapTwoPi(el.raan + SECULAR[0] * dt)
    out.argp = wrapTwoPi(el.argp + SECULAR[1] * dt)
    out.m0 = wrapTwoPi(el.m0 + SECULAR[2] * dt)
  } else {
    out.raan = el.raan
    out.argp = el.argp
    out.m0 = wrapTwoPi(el.m0 + Math.sqrt(MU_EARTH / (el.a * el.a * el.a)) * dt)
  }
}

const EST_STATE = new Float64Array(6)
const EST_EL = emptyElements()
const EST_V = new Float64Array(3)
const EST_R = new Float64Array(3)
const EST_F = new Float64Array(3)
const EST_J = new Float64Array(9)

/** Position (m) at t2 + dt of the orbit through r2 with velocity v at t2, into EST_R. */
function shoot(r2: ArrayLike<number>, v: Float64Array, dt: number, j2: boolean): boolean {
  const el = stateToElements(r2, v)
  if (!(el.e < 1) || !(el.a > 0)) return false
  driftElements(el, dt, j2, EST_EL)
  elementsToState(EST_EL, EST_STATE, 0)
  EST_R[0] = EST_STATE[0]
  EST_R[1] = EST_STATE[1]
  EST_R[2] = EST_STATE[2]
  return true
}

/**
 * Elements at t2 of the orbit that passes through r1 (m, ECI) at t1 and r2 at t2 under the
 * engine's propagation model (two-body, plus secular J2 when `j2`). Solves for the velocity at t2
 * by Newton's method on the miss at t1, starting from the Lagrange f and g series
 * (f ≈ 1 − μΔ²/2r³, g ≈ Δ − μΔ³/6r³ with Δ = t1 − t2). Meant for |t1 − t2| up to a fraction of a
 * revolution. Returns false when it does not converge or the orbit is not elliptical.
 */
export function estimateElements(
  r1: ArrayLike<number>,
  t1: number,
  r2: ArrayLike<number>,
  t2: number,
  j2: boolean,
  out: KeplerElements,
): boolean {
  const dt = t1 - t2
  if (!(Math.abs(dt) > 1e-3)) return false
  const r = Math.hypot(r2[0], r2[1], r2[2])
  if (!(r > 0)) return false
  const u = MU_EARTH / (r * r * r)
  const f = 1 - (u * dt * dt) / 2
  const g = dt - (u * dt * dt * dt) / 6
  for (let c = 0; c < 3; c++) EST_V[c] = (r1[c] - f * r2[c]) / g
  const h = 0.1
  let converged = false
  for (let it = 0; it < 12; it++) {
    if (!shoot(r2, EST_V, dt, j2)) return false
    for (let c = 0; c < 3; c++) EST_F[c] = EST_R[c] - r1[c]
    // Positions of ~7,000 km carry ~1e-9 m of relative round-off per operation: 5 cm is converged.
    if (Math.hypot(EST_F[0], EST_F[1], EST_F[2]) < 0.05) {
      converged = true
      break
    }
    // Jacobian ∂r(t1)/∂v(t2) by forward differences, column by column.
    for (let col = 0; col < 3; col++) {
      EST_V[col] += h
      const ok = shoot(r2, EST_V, dt, j2)
      EST_V[col] -= h
      if (!ok) return false
      for (let row = 0; row < 3; row++) EST_J[3 * row + col] = (EST_R[row] - r1[row] - EST_F[row]) / h
    }
    if (!solve3(EST_J, EST_F)) return false
    for (let c = 0; c < 3; c++) EST_V[c] -= EST_F[c]
  }
  if (!converged) return false
  const el = stateToElements(r2, EST_V)
  if (!(el.e < 1) || !(el.a > 0)) return false
  Object.assign(out, el)
  return true
}

/** Solves J·x = b in place (b becomes x) by Cramer's rule; false when J is singular. */
function solve3(m: Float64Array, b: Float64Array): boolean {
  const [a, bb, c, d, e, f, g, h, i] = m
  const det = a * (e * i - f * h) - bb * (d * i - f * g) + c * (d * h - e * g)
  if (!(Math.abs(det) > 1e-300)) return false
  const x = (b[0] * (e * i - f * h) - bb * (b[1] * i - f * b[2]) + c * (b[1] * h - e * b[2])) / det
  const y = (a * (b[1] * i - f * b[2]) - b[0] * (d * i - f * g) + c * (d * b[2] - b[1] * g)) / det
  const z = (a * (e * b[2] - b[1] * h) - bb * (d * b[2] - b[1] * g) + b[0] * (d * h - e * g)) / det
  b[0] = x
  b[1] = y
  b[2] = z
  return true
}

/**
 * One orbit model per satellite, in frame order (`satelliteIds`). Index k is the satellite's
 * index in the frames. Allocation-free except where noted.
 */
export class FleetOrbits {
  readonly count: number
  readonly epochMs: number
  readonly j2: boolean
  /** The engine's step, s. */
  readonly stepS: number
  /** Maximum off-nadir angle of each satellite's imager, rad (0 when unknown). */
  readonly maxOffNadirRad: Float64Array
  /** Walker plane of each satellite, −1 when it has none. */
  readonly plane: Int32Array
  private readonly keplerIndex: Int32Array
  private readonly tles: (TleOrbit | null)[]
  private readonly tleIndex: Int32Array
  private readonly set: KeplerSet | null
  /** The scenario's elements of each Keplerian satellite (set order), to undo a rebase. */
  private readonly original: KeplerElements[]
  private readonly rebased: Uint8Array
  private readonly pos = new Float64Array(3)
  private readonly vel = new Float64Array(3)
  private readonly state = new Float64Array(6)
  private readonly el = emptyElements()

  constructor(scenario: ScenarioSpec, satelliteIds: readonly string[]) {
    const byId = new Map(scenario.satellites.map((s) => [s.id, s]))
    const n = satelliteIds.length
    this.count = n
    this.epochMs = scenario.epochMs
    this.j2 = scenario.j2
    this.stepS = scenario.stepS
    this.maxOffNadirRad = new Float64Array(n)
    this.plane = new Int32Array(n).fill(-1)
    this.keplerIndex = new Int32Array(n).fill(-1)
    this.tleIndex = new Int32Array(n).fill(-1)
    this.tles = []
    const kepler: KeplerElements[] = []
    satelliteIds.forEach((id, k) => {
      const s = byId.get(id)
      if (!s) return
      this.maxOffNadirRad[k] = s.bus.maxOffNadirRad
      if (s.plane !== undefined) this.plane[k] = s.plane
      if (s.orbit.kind === 'kepler') {
        this.keplerIndex[k] = kepler.length
        kepler.push(s.orbit.elements)
      } else {
        let orbit: TleOrbit | null = null
        try {
          orbit = createElementSetOrbit(s.orbit)
        } catch {
          orbit = null
        }
        this.tleIndex[k] = this.tles.length
        this.tles.push(orbit)
      }
    })
    this.set = kepler.length > 0 ? new KeplerSet(kepler) : null
    this.original = kepler
    this.rebased = new Uint8Array(kepler.length)
  }

  /** Whether satellite k has a usable model. */
  has(k: number): boolean {
    return this.keplerIndex[k] >= 0 || (this.tleIndex[k] >= 0 && this.tles[this.tleIndex[k]] !== null)
  }

  /** Orbital period, s (two-body, from a or from the TLE's mean motion); NaN when unknown. */
  periodS(k: number): number {
    const j = this.keplerIndex[k]
    if (j >= 0 && this.set) return TWO_PI / this.set.n[j]
    const tle = this.tleAt(k)
    return tle ? (TWO_PI / tle.satrec.no) * 60 : Number.NaN
  }

  /**
   * Elements describing satellite k's orbit at tS (s after epoch) into `out`: the Keplerian model's
   * drifted elements, or for a TLE satellite the osculating elements of its SGP4 state (allocates).
   */
  elementsAt(k: number, tS: number, out: KeplerElements): boolean {
    const j = this.keplerIndex[k]
    const set = this.set
    if (j >= 0 && set) {
      const dt = tS - set.t0[j]
      out.a = set.a[j]
      out.e = set.e[j]
      out.i = set.i[j]
      if (this.j2) {
        out.raan = set.raan0[j] + set.raanDot[j] * dt
        out.argp = set.argp0[j] + set.argpDot[j] * dt
        out.m0 = set.m0[j] + set.mDotJ2[j] * dt
      } else {
        out.raan = set.raan0[j]
        out.argp = set.argp0[j]
        out.m0 = set.m0[j] + set.n[j] * dt
      }
      return true
    }
    const tle = this.tleAt(k)
    if (!tle?.propagate(this.epochMs + tS * 1000, this.pos, this.vel, 0)) return false
    const el = stateToElements(this.pos, this.vel)
    if (!(el.e < 1) || !(el.a > 0)) return false
    Object.assign(out, el)
    return true
  }

  /** ECI position (m) of satellite k at tS into out[offset ..]; false when unknown. */
  positionM(k: number, tS: number, out: Float64Array, offset: number): boolean {
    if (this.keplerIndex[k] >= 0) {
      if (!this.elementsAt(k, tS, this.el)) return false
      elementsToState(this.el, this.state, 0)
      out[offset] = this.state[0]
      out[offset + 1] = this.state[1]
      out[offset + 2] = this.state[2]
      return true
    }
    const tle = this.tleAt(k)
    if (!tle?.propagate(this.epochMs + tS * 1000, this.pos, this.vel, 0)) return false
    out[offset] = this.pos[0]
    out[offset + 1] = this.pos[1]
    out[offset + 2] = this.pos[2]
    return true
  }

  /** Whether satellite k flies a TLE (SGP4). */
  isTle(k: number): boolean {
    return this.tleIndex[k] >= 0
  }

  /** Whether satellite k's model can be replaced (Keplerian satellites only). */
  canRebase(k: number): boolean {
    return this.keplerIndex[k] >= 0
  }

  /** Replaces satellite k's Keplerian model by elements valid at tS (after a manoeuvre). */
  rebase(k: number, el: KeplerElements, tS: number): boolean {
    const j = this.keplerIndex[k]
    if (j < 0 || !this.set) return false
    this.set.rebase(j, el, tS)
    this.rebased[j] = 1
    return true
  }

  /** Whether satellite k's model was replaced since the scenario's start. */
  isRebased(k: number): boolean {
    const j = this.keplerIndex[k]
    return j >= 0 && this.rebased[j] === 1
  }

  /** Puts back the scenario's own elements of satellite k (after a seek to before a burn). */
  restoreOriginal(k: number): void {
    const j = this.keplerIndex[k]
    if (j < 0 || !this.set || this.rebased[j] === 0) return
    this.set.setElements(j, this.original[j])
    this.rebased[j] = 0
  }

  private tleAt(k: number): TleOrbit | null {
    const j = this.tleIndex[k]
    return j >= 0 ? this.tles[j] : null
  }
}

/**
 * The satellites whose faint orbit loops are drawn: all of them up to `cap`; beyond that, one per
 * Walker plane (the first in frame order), at most `cap` (none when the satellites have no planes).
 */
export function orbitSubset(plane: Int32Array, count: number, cap: number): Int32Array {
  if (count <= cap) return Int32Array.from({ length: count }, (_, k) => k)
  const seen = new Set<number>()
  const out: number[] = []
  for (let k = 0; k < count && out.length < cap; k++) {
    const p = plane[k]
    if (p < 0 || seen.has(p)) continue
    seen.add(p)
    out.push(k)
  }
  return Int32Array.from(out)
}

const TRACK_POS = new Float64Array(3)

/**
 * One revolution of satellite k propagated by its model from tS (samples points, times `scale`,
 * at out[0 ..]): for a TLE satellite, SGP4 positions over one period (the loop the app closes is
 * then open by SGP4's drift over a revolution, a few km). Returns false when the model fails.
 */
export function samplePropagatedLoop(
  orbits: FleetOrbits,
  k: number,
  tS: number,
  samples: number,
  scale: number,
  out: Float32Array,
): boolean {
  const period = orbits.periodS(k)
  if (!(period > 0)) return false
  for (let j = 0; j < samples; j++) {
    if (!orbits.positionM(k, tS + (j / samples) * period, TRACK_POS, 0)) return false
    out[3 * j] = TRACK_POS[0] * scale
    out[3 * j + 1] = TRACK_POS[1] * scale
    out[3 * j + 2] = TRACK_POS[2] * scale
  }
  return true
}

/**
 * The ground track of satellite k over [tS − span, tS + span]: 2·half + 1 points on a sphere of
 * `radius`, Earth-fixed (ECEF axes, x through Greenwich), each the sub-satellite direction at its
 * own time (ECI → ECEF by the GMST of that instant). Returns the number of points written
 * (0 when the model is unknown). Points whose propagation fails repeat the previous one.
 */
export function sampleGroundTrack(
  orbits: FleetOrbits,
  k: number,
  tS: number,
  spanS: number,
  half: number,
  radius: number,
  out: Float32Array,
): number {
  if (!orbits.has(k) || !(spanS > 0) || half < 1) return 0
  const n = 2 * half + 1
  let have = false
  for (let j = 0; j < n; j++) {
    const t = tS + ((j - half) / half) * spanS
    const o = 3 * j
    if (!orbits.positionM(k, t, TRACK_POS, 0)) {
      if (j > 0 && have) {
        out[o] = out[o - 3]
        out[o + 1] = out[o - 2]
        out[o + 2] = out[o - 1]
      } else {
        out[o] = out[o + 1] = out[o + 2] = 0
      }
      continue
    }
    have = true
    const g = gmstRad(orbits.epochMs + t * 1000)
    const c = Math.cos(g)
    const s = Math.sin(g)
    const x = c * TRACK_POS[0] + s * TRACK_POS[1]
    const y = -s * TRACK_POS[0] + c * TRACK_POS[1]
    const z = TRACK_POS[2]
    const f = radius / Math.hypot(x, y, z)
    out[o] = x * f
    out[o + 1] = y * f
    out[o + 2] = z * f
  }
  return have ? n : 0
}

/** Metres → scene units (Earth radii). */
export const UNITS_PER_M = 1 / R_EARTH

export interface HistorySnapshot {
  tS: number
  alpha: number
  positions: Float32Array
}

/**
 * Keeps two snapshots of every satellite's position, at least `gapS` simulated seconds apart, so a
 * burn can be diagnosed later from two positions (see estimateElements). Going back in time
 * (a seek) clears it.
 */
export class PositionHistory {
  private readonly snaps: HistorySnapshot[] = [
    { tS: Number.NaN, alpha: 0, positions: new Float32Array(0) },
    { tS: Number.NaN, alpha: 0, positions: new Float32Array(0) },
  ]
  /** Index of the newer snapshot. */
  private newest = 0

  constructor(readonly gapS = 60) {}

  clear(): void {
    this.snaps[0].tS = Number.NaN
    this.snaps[1].tS = Number.NaN
  }

  /** `alpha`: where between two engine steps the positions were interpolated (0: exact). */
  push(tS: number, positions: Float32Array, alpha = 0): void {
    const last = this.snaps[this.newest]
    if (tS < last.tS) this.clear()
    if (!Number.isNaN(last.tS) && tS - last.tS < this.gapS) return
    const slot = Number.isNaN(last.tS) ? this.newest : 1 - this.newest
    const snap = this.snaps[slot]
    if (snap.positions.length !== positions.length) snap.positions = new Float32Array(positions.length)
    snap.positions.set(positions)
    snap.tS = tS
    snap.alpha = alpha
    this.newest = slot
  }

  /** The newest snapshot taken between maxAgeS and minAgeS before tS, or null. */
  before(tS: number, minAgeS: number, maxAgeS: number): HistorySnapshot | null {
    for (const slot of [this.newest, 1 - this.newest]) {
      const s = this.snaps[slot]
      const age = tS - s.tS
      if (age >= minAgeS && age <= maxAgeS) return s
    }
    return null
  }
}
