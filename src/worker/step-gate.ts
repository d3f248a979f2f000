// A run with a user's planner steps asynchronously: the engine awaits the planner's answer from
// its own Web Worker (at most the deadline). While a slice of steps is in flight the engines
// must not be restored or stepped again, so the gate holds the requests that would (seek, step,
// step back, next event, play) and replays them, in order, when the slice is done. The worker's
// message loop stays free meanwhile: pause, speed and selection act at once.

import type { Run } from './run'

/** Requests held at most while a slice is in flight (a user holding a key down). */
const MAX_HELD = 32

export interface SliceResult {
  stopped: boolean
  error?: unknown
}

export class StepGate {
  private inFlight = false
  private held: (() => void)[] = []
  /** Bumped by reset(): a slice of an earlier run finishing late is ignored. */
  private generation = 0

  get busy(): boolean {
    return this.inFlight
  }

  /** Holds `fn` until the slice in flight is done; false (and nothing held) when none is. */
  hold(fn: () => void): boolean {
    if (!this.inFlight) return false
    if (this.held.length < MAX_HELD) this.held.push(fn)
    return true
  }

  /** Forgets the slice in flight and the held requests (a new run, a failure). */
  reset(): void {
    this.generation++
    this.inFlight = false
    this.held = []
  }

  /** Steps `run` up to `n` times asynchronously, then calls `done` and replays held requests. */
  start(
    run: Run,
    n: number,
    options: { now(): number; budgetMs: number; stopOnEvent: boolean },
    done: (result: SliceResult) => void,
  ): void {
    const generation = this.generation
    this.inFlight = true
    const finish = (result: SliceResult) => {
      if (generation !== this.generation) return
      this.inFlight = false
      done(result)
      while (!this.inFlight && this.held.length > 0) this.held.shift()!()
    }
    run.stepManyAsync(n, options).then(finish, (error) => finish({ stopped: false, error }))
  }
}
