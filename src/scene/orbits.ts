// Orbit models for drawing: where each satellite's orbit lies now (for the faint orbit loops and
// the selected satellite's highlighted loop) and where it will be over the next and the last
// revolution (for the ground track). Pure TypeScript over the core's own propagation functions —
// no three, no DOM — so it runs in Node tests.
//
// The models are made from facts, not fitted: the worker sends each satellite's orbit as the
// engine propagates it (elements and the time they hold at, or the TLE), again after every burn
// and every restore, with a version (worker/protocol.ts OrbitsMessage → store/orbit-book.ts).
// Keplerian satellites go into the core's KeplerSet (the engine's propagator: two-body motion plus
// the secular J2 drift of Ω, ω and M when the scenario enables J2) with those very elements, so a
// model position is the engine's, burn or no burn. TLE satellites use SGP4 (core/sgp4.ts), through
// a factory the caller passes in: the page loads satellite.js only for a scenario that has such
// satellites (tle-models.ts), and until it has, they have no model (no loop, no track).
//
// Loops are sampled uniformly in eccentric anomaly E: r(E) = a(cos E − e)·P + a√(1−e²)·sin E·Q,
// which is exactly the position formula of elementsToState at mean anomaly M = E − e·sin E, with
// no Kepler equation to solve and points spread evenly around an eccentric orbit.

import { R_EARTH, TWO_PI } from '../core/constants'
import { perifocalAxes, stateToElements } from '../core/kepler'
import { KeplerSet } from '../core/kepler-set'
import type { TleOrbit } from '../core/sgp4'
import type { ElementSetOrbit, KeplerElements, ScenarioSpec } from '../core/spec'
import { gmstRad } from '../core/time'
import type { OrbitFact } from '../worker/protocol'
import type { OrbitsRef } from './contract'
import type { TleModelFactory } from './tle-models'

/** Metres → scene units (Earth radii). */
export const UNITS_PER_M = 1 / R_EARTH
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

/** The placeholder a satellite's slot holds until its first orbit arrives (never drawn). */
const UNKNOWN: KeplerElements = { a: R_EARTH, e: 0, i: 0, raan: 0, argp: 0, m0: 0 }

/**
 * One orbit model per satellite, in frame order (`satelliteIds`), made from the orbits the engine
 * propagates (OrbitsRef): Keplerian satellites in the core's own KeplerSet, rebased on the
 * elements and epoch the worker sent, so a model position is the engine's (to round-off); TLE
 * satellites with SGP4 from their lines, made by `tleModel` (without one they have no model).
 * `sync` follows the book; `version` says which version of it the models show (the loops and the
 * ground track redraw when it moves).
 */
export class FleetOrbits {
  readonly count: number
  readonly epochMs: number
  readonly j2: boolean
  /** Maximum off-nadir angle of each satellite's imager, rad (0 when unknown). */
  readonly maxOffNadirRad: Float64Array
  /** Walker plane of each satellite, −1 when it has none. */
  readonly plane: Int32Array
  /** The book version the models follow (0: no orbits yet). */
  version = 0
  /** The book followed (a new run brings a new one, which may restart at the same version). */
  private book: OrbitsRef | null = null
  /** 0: no model, 1: Keplerian (slot k of the set), 2: TLE. */
  private readonly kind: Uint8Array
  private readonly facts: (OrbitFact | undefined)[]
  private readonly tles: (TleOrbit | null)[]
  private readonly set: KeplerSet
  private readonly pos = new Float64Array(3)
  private readonly vel = new Float64Array(3)
  private readonly state = new Float64Array(6)

  constructor(
    scenario: ScenarioSpec,
    satelliteIds: readonly string[],
    private readonly tleModel: TleModelFactory | null = null,
  ) {
    const byId = new Map(scenario.satellites.map((s) => [s.id, s]))
    const n = satelliteIds.length
    this.count = n
    this.epochMs = scenario.epochMs
    this.j2 = scenario.j2
    this.maxOffNadirRad = new Float64Array(n)
    this.plane = new Int32Array(n).fill(-1)
    satelliteIds.forEach((id, k) => {
      const s = byId.get(id)
      if (!s) return
      this.maxOffNadirRad[k] = s.bus.maxOffNadirRad
      if (s.plane !== undefined) this.plane[k] = s.plane
    })
    this.kind = new Uint8Array(n)
    this.facts = new Array<OrbitFact | undefined>(n).fill(undefined)
    this.tles = new Array<TleOrbit | null>(n).fill(null)
    this.set = new KeplerSet(new Array<KeplerElements>(n).fill(UNKNOWN))
  }

  /**
   * Takes the orbits in `book` that differ from the models' (by identity: the session replaces an
   * orbit, never edits it). Returns whether any model changed.
   */
  sync(book: OrbitsRef): boolean {
    if (book === this.book && book.version === this.version) return false
    this.book = book
    this.version = book.version
    let changed = false
    const n = Math.min(this.count, book.orbits.length)
    for (let k = 0; k < n; k++) {
      const fact = book.orbits[k]
      if (fact === this.facts[k]) continue
      this.facts[k] = fact
      changed = true
      if (!fact) this.kind[k] = 0
      else if (fact.kind === 'kepler') this.kind[k] = this.rebase(k, fact) ? 1 : 0
      else {
        this.tles[k] = this.elementSetOrNull(fact)
        this.kind[k] = this.tles[k] ? 2 : 0
      }
    }
    return changed
  }

  /** Satellite k's model on `fact`; false (no model) for elements KeplerSet refuses. */
  private rebase(k: number, fact: OrbitFact & { kind: 'kepler' }): boolean {
    try {
      this.set.rebase(k, fact.elements, fact.epochS)
      return true
    } catch {
      return false
    }
  }

  /** Satellite k's SGP4 model, or null when there is no factory or SGP4 refuses the element set. */
  private elementSetOrNull(orbit: ElementSetOrbit): TleOrbit | null {
    if (!this.tleModel) return null
    try {
      return this.tleModel(orbit)
    } catch {
      return null
    }
  }

  /** Whether satellite k has a usable model. */
  has(k: number): boolean {
    return this.kind[k] !== 0
  }

  /** Whether satellite k flies a TLE (SGP4). */
  isTle(k: number): boolean {
    return this.kind[k] === 2
  }

  /** Orbital period, s (two-body, from a or from the TLE's mean motion); NaN when unknown. */
  periodS(k: number): number {
    if (this.kind[k] === 1) return TWO_PI / this.set.n[k]
    const tle = this.tles[k]
    return this.kind[k] === 2 && tle ? (TWO_PI / tle.satrec.no) * 60 : Number.NaN
  }

  /**
   * Elements describing satellite k's orbit at tS (s after epoch) into `out`: the engine's own
   * drifted elements, or for a TLE satellite the osculating elements of its SGP4 state (allocates).
   */
  elementsAt(k: number, tS: number, out: KeplerElements): boolean {
    if (this.kind[k] === 1) {
      Object.assign(out, this.set.elementsAt(k, tS, this.j2))
      return true
    }
    if (this.kind[k] !== 2 || !this.tles[k]?.propagate(this.epochMs + tS * 1000, this.pos, this.vel, 0))
      return false
    const el = stateToElements(this.pos, this.vel)
    if (!(el.e < 1) || !(el.a > 0)) return false
    Object.assign(out, el)
    return true
  }

  /** ECI position (m) of satellite k at tS into out[offset ..]; false when unknown. */
  positionM(k: number, tS: number, out: Float64Array, offset: number): boolean {
    if (this.kind[k] === 1) {
      this.set.stateAt(k, tS, this.j2, this.state, 0)
      out[offset] = this.state[0]
      out[offset + 1] = this.state[1]
      out[offset + 2] = this.state[2]
      return true
    }
    if (this.kind[k] !== 2 || !this.tles[k]?.propagate(this.epochMs + tS * 1000, this.pos, this.vel, 0))
      return false
    out[offset] = this.pos[0]
    out[offset + 1] = this.pos[1]
    out[offset + 2] = this.pos[2]
    return true
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
  offset = 0,
): boolean {
  const period = orbits.periodS(k)
  if (!(period > 0)) return false
  for (let j = 0, o = offset; j < samples; j++, o += 3) {
    if (!orbits.positionM(k, tS + (j / samples) * period, TRACK_POS, 0)) return false
    out[o] = TRACK_POS[0] * scale
    out[o + 1] = TRACK_POS[1] * scale
    out[o + 2] = TRACK_POS[2] * scale
  }
  return true
}

const LOOP_EL = emptyElements()

/**
 * Satellite k's orbit loop at tS as the scene draws it: `samples` points in scene units (Earth
 * radii) at out[offset ..]. Keplerian: the ellipse of the model's elements (the engine's orbit).
 * TLE: one revolution of SGP4 when `propagateTle` (the highlighted loop), else the ellipse of its
 * osculating elements (the faint loops). Returns false when there is no model.
 */
export function writeOrbitLoop(
  orbits: FleetOrbits,
  k: number,
  tS: number,
  samples: number,
  out: Float32Array,
  offset: number,
  propagateTle: boolean,
): boolean {
  if (propagateTle && orbits.isTle(k))
    return samplePropagatedLoop(orbits, k, tS, samples, UNITS_PER_M, out, offset)
  if (!orbits.elementsAt(k, tS, LOOP_EL)) return false
  sampleOrbitLoop(LOOP_EL, samples, UNITS_PER_M, out, offset)
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
