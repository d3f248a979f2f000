// Time control of the current run: play, pause, step, step back, seek and "next event", and the
// loop that drives them. Playing advances the playback clock once per tick (≈ 30 Hz); long work
// (a seek, a step back, a search for the next event) is a job done in slices of BUDGET_MS between
// messages, restoring from the snapshot history first when that is shorter. What to send and when
// is the dispatcher's business (`ControlOutput`).

import { loggedInteresting } from './digest'
import { copyPrevious, FRAME_MS } from './frames'
import { BUDGET_MS, MAX_WALL_MS, PlaybackClock } from './playback'
import type { BusyState, Speed } from './protocol'
import type { Run } from './run'

/** The wall clock and timers the loop runs on (the worker's, or a fake in tests). */
export interface LoopHost {
  now(): number
  schedule(fn: () => void, ms: number): unknown
  cancel(handle: unknown): void
}

/** A piece of long work: simulate (or restore) to `target`, in slices of BUDGET_MS. */
interface Job {
  target: number
  stopOnEvent: boolean
  label: string
  from: number
  /** Play again when the job is done. */
  resume: boolean
}

/** What the controls ask of the dispatcher. */
export interface ControlOutput {
  sendAll(): void
  sendDigest(): void
  /** A frame and a digest if they are due (while a job or playback runs). */
  sendDue(): void
  /** An engine threw: report it, stop. */
  fail(err: unknown): void
  /** The engines went back to a snapshot: forget what was derived from the later state. */
  restored(): void
}

export class TimeControls {
  readonly clock = new PlaybackClock()
  private run: Run | null = null
  private job: Job | null = null
  private tickHandle: unknown = null
  private lastTick = 0

  constructor(
    private readonly host: LoopHost,
    private readonly out: ControlOutput,
  ) {}

  /** Drives `run` from now on (paused, no job); null stops everything. */
  attach(run: Run | null): void {
    this.stopTicking()
    this.clock.playing = false
    this.job = null
    this.run = run
  }

  /** Stops playing and drops the job (after a failure). */
  halt(): void {
    this.clock.stop()
    this.job = null
  }

  /** Whether the UI should show the run as playing (also while a job that will resume runs). */
  playingShown(): boolean {
    return this.clock.playing || Boolean(this.job?.resume)
  }

  busy(): BusyState | null {
    const job = this.job
    if (!job || !this.run) return null
    const at = this.run.stepIndex()
    const fraction =
      job.target === job.from ? 1 : Math.min(1, Math.max(0, (at - job.from) / (job.target - job.from)))
    return { label: job.label, fraction }
  }

  /** Makes the next job resume playback when done (a rebuild that was playing). */
  resumeAfterJob(resume: boolean): boolean {
    if (this.job) this.job.resume = resume
    return this.job !== null
  }

  play(speed: Speed): void {
    const run = this.run
    if (!run) return
    this.clock.setSpeed(speed)
    if (this.job) {
      this.job.resume = true
      this.out.sendDigest()
      return
    }
    if (run.done()) this.restoreTo(0)
    this.clock.playing = true
    this.clock.acc = 0
    if (this.clock.speed !== 'max') {
      // Step once now and show the move from the old state to the new one from alpha = 0.
      this.copyPrev()
      if (!this.stepAll()) return
      this.clock.alpha = 0
    }
    this.lastTick = this.host.now()
    this.out.sendAll()
    this.ensureTicking()
  }

  setSpeed(speed: Speed): void {
    const before = this.clock.speed
    this.clock.setSpeed(speed)
    if (this.clock.playing && before === 'max' && this.clock.speed !== 'max') {
      this.clock.acc = 0
      this.clock.prevValid = false
      this.clock.alpha = 1
    }
    this.out.sendDigest()
  }

  pause(): void {
    if (this.job) this.job.resume = false
    if (!this.clock.playing) {
      this.out.sendDigest()
      return
    }
    this.clock.stop()
    this.out.sendAll()
  }

  stepOnce(): void {
    if (!this.run || this.job) return
    this.clock.stop()
    this.clock.prevValid = false
    this.stepAll()
    this.out.sendAll()
  }

  stepBack(): void {
    if (!this.run) return
    if (this.job) {
      this.job.target = Math.max(0, this.job.target - 1)
      return
    }
    this.clock.stop()
    this.startJob(Math.max(0, this.run.stepIndex() - 1), false, 'Stepping back')
  }

  seek(timeS: number): void {
    if (!this.run) return
    const resume = this.job ? this.job.resume : this.clock.playing
    this.clock.stop()
    this.startJob(this.run.stepFor(Number(timeS)), false, 'Simulating', resume)
  }

  nextEvent(): void {
    const run = this.run
    if (!run) return
    this.clock.stop()
    // Already simulated once? Then the history knows when the next event happens.
    let best = Number.POSITIVE_INFINITY
    for (const e of run.engines) best = Math.min(best, e.log.nextKnownEvent(e.sim) ?? best)
    if (Number.isFinite(best)) this.startJob(run.stepFor(best), false, 'Simulating')
    else this.startJob(run.totalSteps, true, 'Looking for the next event')
  }

  // Jobs ----------------------------------------------------------------------------------------

  private startJob(target: number, stopOnEvent: boolean, label: string, resume = false): void {
    const run = this.run!
    const from = run.stepIndex()
    // Restore when going back, or when a snapshot lies between here and the target.
    const best = run.engines[0].snapshots.latestAtOrBefore(target)
    if (target < from || (best > from && !stopOnEvent)) this.restoreTo(best)
    this.job = { target, stopOnEvent, label, from: run.stepIndex(), resume }
    this.clock.prevValid = false
    this.runJob()
  }

  private restoreTo(stepIndex: number): void {
    this.run!.restore(stepIndex)
    this.clock.prevValid = false
    this.out.restored()
  }

  /** Works on the current job for one budget; finishes it when the target is reached. */
  private runJob(): void {
    const job = this.job
    const run = this.run
    if (!job || !run) return
    const start = this.host.now()
    let stop = false
    while (run.stepIndex() < job.target && !stop) {
      const before = job.stopOnEvent ? run.engines.map((e) => e.sim.events().length) : []
      if (!this.stepAll()) return
      if (job.stopOnEvent) stop = run.loggedSince(before, loggedInteresting)
      if (this.host.now() - start > BUDGET_MS) break
    }
    if (stop || run.stepIndex() >= job.target) {
      this.job = null
      if (job.resume && !run.done()) this.play(this.clock.speed)
      else this.out.sendAll()
      return
    }
    this.out.sendDue()
    this.ensureTicking()
  }

  /** One lockstep step of every engine; false (and paused) if an engine threw. */
  private stepAll(): boolean {
    try {
      this.run!.step()
      return true
    } catch (err) {
      this.out.fail(err)
      return false
    }
  }

  private copyPrev(): void {
    copyPrevious(this.run!.engines)
    this.clock.prevValid = true
  }

  // The loop ------------------------------------------------------------------------------------

  private ensureTicking(): void {
    if (this.tickHandle !== null) return
    this.lastTick = this.host.now()
    this.tickHandle = this.host.schedule(() => this.tick(), FRAME_MS)
  }

  private stopTicking(): void {
    if (this.tickHandle !== null) this.host.cancel(this.tickHandle)
    this.tickHandle = null
  }

  private tick(): void {
    this.tickHandle = null
    const run = this.run
    if (!run) return
    const now = this.host.now()
    const wallMs = Math.min(Math.max(0, now - this.lastTick), MAX_WALL_MS)
    this.lastTick = now
    try {
      if (this.job) {
        this.runJob()
        return
      }
      if (!this.clock.playing) return
      this.clock.advance(wallMs, run.spec.stepS, {
        done: () => run.done(),
        step: () => this.stepAll(),
        copyPrevious: () => copyPrevious(run.engines),
        elapsedMs: () => this.host.now() - now,
      })
      if (run.done()) {
        this.clock.stop()
        this.out.sendAll()
        return
      }
      this.out.sendDue()
    } catch (err) {
      this.out.fail(err)
      return
    }
    const spent = this.host.now() - now
    this.tickHandle = this.host.schedule(() => this.tick(), Math.max(1, FRAME_MS - spent))
  }
}
