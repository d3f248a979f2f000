// The playback clock, a "fix your timestep" accumulator: wall time × speed fills `acc`, whole
// engine steps drain it, and what is left (alpha, 0..1 of a step) says how far between the last two
// engine states the displayed satellites are, so 1× looks smooth with 30 s steps. It owns no
// engine: `advance` steps through the callbacks it is given, so it is tested with a counter.

import type { Speed } from './protocol'

/** Work per tick while seeking or at max speed, ms of wall time. */
export const BUDGET_MS = 40
/** Longest wall-time gap the playback loop accepts (a background tab, a GC pause). */
export const MAX_WALL_MS = 250
/** The fastest finite speed, simulated seconds per wall second. */
const MAX_SPEED = 1e6

/** What `advance` needs of the engines. */
export interface Stepper {
  done(): boolean
  /** One lockstep step; false when an engine failed (playback then stops advancing). */
  step(): boolean
  /** Remember the positions now, as the start of the interpolation. */
  copyPrevious(): void
  /** Wall ms spent in this tick so far. */
  elapsedMs(): number
}

export class PlaybackClock {
  playing = false
  speed: Speed = 60
  /** Simulated seconds not yet stepped. */
  acc = 0
  /** Where the display is between the previous and the current engine state (1: at the current). */
  alpha = 1
  /** Whether the previous positions are those of the step before the current one. */
  prevValid = false

  /** Takes a valid speed (a positive number, capped, or 'max'); ignores anything else. */
  setSpeed(speed: Speed): void {
    if (speed === 'max') this.speed = 'max'
    else if (Number.isFinite(speed) && speed > 0) this.speed = Math.min(MAX_SPEED, speed)
  }

  /** Show the engine state as it is (no interpolation). */
  settle(): void {
    this.alpha = 1
  }

  /** Stop playing and show the exact state. */
  stop(): void {
    this.playing = false
    this.alpha = 1
  }

  /** Whether frames show positions blended between the last two steps. */
  interpolating(): boolean {
    return this.playing && this.prevValid && this.alpha < 1
  }

  /** The displayed time, s after epoch, for an engine at `engineTimeS` with steps of `stepS`. */
  displayTime(engineTimeS: number, stepS: number): number {
    if (!this.interpolating()) return engineTimeS
    return Math.max(0, engineTimeS - stepS * (1 - this.alpha))
  }

  /** Plays `wallMs` of wall time: whole steps for the accumulated simulated time, then alpha. */
  advance(wallMs: number, stepS: number, engines: Stepper): void {
    if (this.speed === 'max') {
      this.alpha = 1
      this.prevValid = false
      while (!engines.done() && engines.elapsedMs() < BUDGET_MS) if (!engines.step()) return
      return
    }
    this.acc += (wallMs / 1000) * this.speed
    let n = Math.floor(this.acc / stepS)
    while (n > 0 && !engines.done()) {
      if (n === 1) {
        engines.copyPrevious()
        this.prevValid = true
      }
      if (!engines.step()) return
      this.acc -= stepS
      n--
      if (n > 0 && engines.elapsedMs() > BUDGET_MS) {
        // The machine cannot keep up with this speed: drop the backlog rather than spiral.
        this.acc = 0
        this.prevValid = false
        break
      }
    }
    this.alpha = this.prevValid ? Math.min(1, Math.max(0, this.acc / stepS)) : 1
  }
}
