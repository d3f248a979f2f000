// Keeps the scene's orbit models in step with the positions the worker sends. Pure TypeScript.
//
// The frames carry positions only; the models (orbits.ts) start from the scenario's elements. On
// each new frame the tracker compares the model of the selected satellite with its position, and
// every few simulated minutes those of the satellites whose loops are drawn. A miss larger than
// the tolerance means a burn happened (or the run went back to before one): the tracker first
// tries the scenario's own orbit, then fits a new one through the current position and one
// remembered a few minutes earlier (estimateElements), and bumps `version` so that orbit loops
// and the ground track are recomputed. Cost: one or two model evaluations per checked satellite.
//
// While playing, the worker shows satellites linearly interpolated between the last two engine
// steps (worker/runner.ts; the frame's timeS is then between two multiples of the step). So a
// model is compared with the same blend of its own positions at those two steps, and a position
// used for a fit is first moved from the chord back onto the arc (see `deinterpolate`).

import { emptyElements, estimateElements, type FleetOrbits, PositionHistory } from './orbits'

/** How far (m) a model may stray from the positions shown before it is refitted. */
export const TRACK_TOLERANCE_M = 5_000

/**
 * Where a frame at tS lies between two engine steps of stepS: 0 for an exact engine state (or
 * when not playing), else the blend factor α of the interpolation, in (0, 1).
 */
export function interpolationAlpha(tS: number, stepS: number, playing: boolean): number {
  if (!playing || !(stepS > 0)) return 0
  const x = tS / stepS
  const a = x - Math.floor(x)
  return a < 1e-6 || a > 1 - 1e-6 ? 0 : a
}

/**
 * A point on the chord between two positions θ apart on a (near-)circular arc, at blend α, moved
 * back onto the arc: the chord sags inward by the factor cos(θ/2)/cos((α − ½)θ). In place.
 */
export function deinterpolate(p: Float64Array, alpha: number, theta: number): void {
  if (!(alpha > 0) || !(theta > 0) || theta >= Math.PI) return
  const f = Math.cos((alpha - 0.5) * theta) / Math.cos(theta / 2)
  p[0] *= f
  p[1] *= f
  p[2] *= f
}

export class OrbitTracker {
  /** Increments whenever a model changes. */
  version = 0
  /** Snapshots ≥ 5 min apart: a long baseline keeps the fit insensitive to km-level noise. */
  private readonly history = new PositionHistory(300)
  private lastT = Number.NaN
  private lastFullCheckS = Number.NaN
  private lastSelected = -1
  private alpha = 0
  private readonly model = new Float64Array(3)
  private readonly model1 = new Float64Array(3)
  private readonly r1 = new Float64Array(3)
  private readonly r2 = new Float64Array(3)
  private readonly el = emptyElements()

  constructor(
    readonly orbits: FleetOrbits,
    readonly toleranceM = TRACK_TOLERANCE_M,
    /** Simulated seconds between checks of all the watched satellites. */
    readonly fullCheckEveryS = 300,
  ) {}

  /**
   * Call once per drawn frame: positions in km (3 per satellite, n satellites), the satellites
   * whose models matter (`watch`, e.g. those with drawn loops), the selected one (−1: none) and
   * whether the run is playing (positions interpolated between steps). Does nothing when neither
   * the time nor the selection changed.
   */
  observe(
    tS: number,
    positionsKm: Float32Array,
    n: number,
    watch: Int32Array,
    selected: number,
    playing = false,
  ): void {
    const newTime = tS !== this.lastT
    if (!newTime && selected === this.lastSelected) return
    if (tS < this.lastT) {
      this.history.clear()
      this.lastFullCheckS = Number.NaN
    }
    this.lastT = tS
    this.lastSelected = selected
    this.alpha = interpolationAlpha(tS, this.orbits.stepS, playing)
    if (newTime) this.history.push(tS, positionsKm, this.alpha)
    if (selected >= 0 && selected < n) this.check(selected, tS, positionsKm)
    if (newTime && !(Math.abs(tS - this.lastFullCheckS) < this.fullCheckEveryS)) {
      this.lastFullCheckS = tS
      for (let j = 0; j < watch.length; j++) {
        const k = watch[j]
        if (k < n && k !== selected) this.check(k, tS, positionsKm)
      }
    }
  }

  /** Distance (m) between what satellite k's model says the frame shows and a position in km. */
  private miss(k: number, tS: number, positionsKm: Float32Array): number {
    const a = this.alpha
    const m = this.model
    if (a > 0) {
      // The same blend of the model's positions at the two engine steps around tS.
      const t0 = tS - a * this.orbits.stepS
      if (!this.orbits.positionM(k, t0, m, 0)) return Number.NaN
      if (!this.orbits.positionM(k, t0 + this.orbits.stepS, this.model1, 0)) return Number.NaN
      for (let c = 0; c < 3; c++) m[c] += (this.model1[c] - m[c]) * a
    } else if (!this.orbits.positionM(k, tS, m, 0)) return Number.NaN
    const o = 3 * k
    return Math.hypot(
      m[0] - positionsKm[o] * 1000,
      m[1] - positionsKm[o + 1] * 1000,
      m[2] - positionsKm[o + 2] * 1000,
    )
  }

  private check(k: number, tS: number, positionsKm: Float32Array): void {
    const orbits = this.orbits
    if (!orbits.canRebase(k)) return
    if (!(this.miss(k, tS, positionsKm) > this.toleranceM)) return
    // Back to before a burn? The scenario's own orbit fits again.
    if (orbits.isRebased(k)) {
      orbits.restoreOriginal(k)
      this.version++
      if (this.miss(k, tS, positionsKm) <= this.toleranceM) return
    }
    const older = this.history.before(tS, 240, 1800)
    if (!older || older.positions.length < 3 * (k + 1)) return
    const o = 3 * k
    for (let c = 0; c < 3; c++) {
      this.r1[c] = older.positions[o + c] * 1000
      this.r2[c] = positionsKm[o + c] * 1000
    }
    const theta = ((2 * Math.PI) / orbits.periodS(k)) * orbits.stepS
    deinterpolate(this.r1, older.alpha, theta)
    deinterpolate(this.r2, this.alpha, theta)
    if (!estimateElements(this.r1, older.tS, this.r2, tS, orbits.j2, this.el)) return
    orbits.rebase(k, this.el, tS)
    this.version++
  }
}
