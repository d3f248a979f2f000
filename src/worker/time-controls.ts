// Time control of the current run: play, pause, step, step back, seek and "next event", and the
// loop that drives them. Playing advances the playback clock once per tick (≈ 30 Hz); long work
// (a seek, a step back, a search for the next event) is a job done in slices of BUDGET_MS between
// messages, restoring from the snapshot history first when that is shorter. What to send and when
// is the dispatcher's business (`ControlOutput`).
//
// A run with a user's planner (run.isolated) steps asynchronously, in slices through the step
// gate (step-gate.ts): requests that would touch the engines wait for the slice in flight, and
// playback shows whole steps (no interpolation) because the steps land after the tick.

import { loggedInteresting } from './digest'
import { copyPrevious, FRAME_MS } from './frames'
import { BUDGET_MS, MAX_WALL_MS, PlaybackClock } from './playback'
import type { BusyState, Speed } from './protocol'
import type { Run } from './run'
import { type SliceResult, StepGate } from './step-gate'

/** Most steps one playback tick of an isolated run asks for (at max speed, the budget rules). */
const MAX_OWED = 10_000
/**
 * A job's slices follow each other after this pause, ms (long enough to read the messages that
 * came meanwhile: a new seek, a pause), not after a whole frame period.
 */
export const JOB_YIELD_MS = 0
/**
 * A job shows frames and progress only once it has run this long, ms. A scrub that lands within
 * it shows just its result: frames of the states on the way would keep a slow renderer (software
 * WebGL draws 10,000 satellites in a few hundred ms) busy when the result arrives.
 */
export const PROGRESS_AFTER_MS = 100

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
  /** When it started (host clock, ms). */
  startedAt: number
}

/** How the steps of an isolated run in flight end: the gate's result, then what comes next. */
type AfterSlice = (result: SliceResult) => void

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
  private readonly gate = new StepGate()

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
    this.gate.reset()
  }

  /** Stops playing and drops the job (after a failure). */
  halt(): void {
    this.clock.stop()
    this.job = null
    this.gate.reset()
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
    // Playing only sets the clock going while a slice is in flight; going back to the start waits.
    if (!run || (run.done() && this.gate.hold(() => this.play(speed)))) return
    this.clock.setSpeed(speed)
    if (this.job) {
      this.job.resume = true
      this.out.sendDigest()
      return
    }
    if (run.done()) this.restoreTo(0)
    this.clock.playing = true
    this.clock.acc = 0
    if (this.clock.speed !== 'max' && !run.isolated) {
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
    const run = this.run
    if (!run || this.job || this.gate.hold(() => this.stepOnce())) return
    this.clock.stop()
    this.clock.prevValid = false
    if (run.isolated) {
      this.slice(
        run,
        1,
        false,
        this.afterSlice(() => this.out.sendAll()),
      )
      return
    }
    this.stepAll()
    this.out.sendAll()
  }

  stepBack(): void {
    if (!this.run) return
    if (this.job) {
      this.job.target = Math.max(0, this.job.target - 1)
      return
    }
    if (this.gate.hold(() => this.stepBack())) return
    this.clock.stop()
    this.startJob(Math.max(0, this.run.stepIndex() - 1), false, 'Stepping back')
  }

  seek(timeS: number): void {
    if (!this.run || this.gate.hold(() => this.seek(timeS))) return
    const resume = this.job ? this.job.resume : this.clock.playing
    this.clock.stop()
    this.startJob(this.run.stepFor(Number(timeS)), false, 'Simulating', resume)
  }

  nextEvent(): void {
    const run = this.run
    if (!run || this.gate.hold(() => this.nextEvent())) return
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
    const best = run.latestSnapshotAtOrBefore(target)
    if (target < from || (best > from && !stopOnEvent)) this.restoreTo(best)
    this.job = { target, stopOnEvent, label, from: run.stepIndex(), resume, startedAt: this.host.now() }
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
    if (run.isolated) {
      if (this.gate.busy) return
      const then = this.afterSlice((r) => {
        if (this.job !== job) return
        if (r.stopped || run.stepIndex() >= job.target) this.finishJob(job)
        else this.nextSlice(job)
      })
      this.slice(run, job.target - run.stepIndex(), job.stopOnEvent, then)
      return
    }
    const start = this.host.now()
    let stop = false
    while (run.stepIndex() < job.target && !stop) {
      const before = job.stopOnEvent ? run.engines.map((e) => e.sim.events().length) : []
      if (!this.stepAll()) return
      if (job.stopOnEvent) stop = run.loggedSince(before, loggedInteresting)
      if (this.host.now() - start > BUDGET_MS) break
    }
    if (stop || run.stepIndex() >= job.target) {
      this.finishJob(job)
      return
    }
    this.nextSlice(job)
  }

  /** Between two slices of a job: its progress (once it runs long enough), then the next slice soon. */
  private nextSlice(job: Job): void {
    if (this.host.now() - job.startedAt >= PROGRESS_AFTER_MS) this.out.sendDue()
    this.ensureTicking(JOB_YIELD_MS)
  }

  private finishJob(job: Job): void {
    this.job = null
    if (job.resume && !this.run!.done()) this.play(this.clock.speed)
    else this.out.sendAll()
  }

  /** Starts a slice of up to `n` async steps of an isolated run. */
  private slice(run: Run, n: number, stopOnEvent: boolean, then: AfterSlice): void {
    const now = () => this.host.now()
    this.gate.start(run, n, { now, budgetMs: BUDGET_MS, stopOnEvent }, then)
  }

  /** The common end of a slice: a failure stops everything; otherwise `then` goes on. */
  private afterSlice(then: AfterSlice): AfterSlice {
    return (r) => {
      if (r.error !== undefined) return this.out.fail(r.error)
      then(r)
    }
  }

  /** One playback tick of an isolated run: the steps due are one slice, shown when they land. */
  private tickIsolated(run: Run, wallMs: number): void {
    if (this.gate.busy) return
    let owed = 0
    this.clock.advance(wallMs, run.spec.stepS, {
      done: () => run.done(),
      step: () => ++owed < MAX_OWED,
      copyPrevious: () => {},
      elapsedMs: () => 0,
    })
    this.clock.prevValid = false
    this.clock.settle()
    if (owed === 0) return
    this.slice(
      run,
      owed,
      false,
      this.afterSlice(() => {
        if (!run.done()) return this.out.sendDue()
        this.clock.stop()
        this.out.sendAll()
      }),
    )
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

  /** A tick in `delayMs`: a pending tick stays, unless this one is asked sooner than a frame period. */
  private ensureTicking(delayMs = FRAME_MS): void {
    if (this.tickHandle !== null) {
      if (delayMs >= FRAME_MS) return
      this.host.cancel(this.tickHandle)
    }
    this.lastTick = this.host.now()
    this.tickHandle = this.host.schedule(() => this.tick(), delayMs)
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
      if (run.isolated) this.tickIsolated(run, wallMs)
      else
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
