// The browser-side driver of the engine, free of any Worker API so it runs in Node tests too.
// This file is the dispatcher: it turns the UI's requests into work on the current run and sends
// what the UI sees through `host.post`. Each part it uses has one job:
//   run.ts            the engines of one run, stepped in lockstep, and how a run is built
//   time-controls.ts  play, pause, step, step back, seek, next event, and the loop driving them
//   playback.ts       the fixed-timestep playback clock (interpolation between steps)
//   history.ts        snapshots for step back and scrubbing
//   frames.ts         frames (≤ 30 Hz, transferable typed arrays), paced by the UI's acks
//   digest.ts         digests (≈ 2 Hz and after every discrete action, plain data)
//   orbit-facts.ts    orbits: each satellite's orbit as its engine holds it, when it changes
//   exports.ts        the Export menu's files (report, access CSV, series CSV, CZML)
//   user-strategies.ts the user's own strategies, their planners bound behind the isolation boundary
//   built-in-load.ts  the default scenario as the loader reads it, computed at build time
//   scenario-reader.ts the scenario validator, loaded when a text other than the default comes:
//                     until it is here, the requests that follow the load wait in order

import { registry as builtInPlanners } from '../planners'
import type { PlannerRegistry } from '../planners/registry'
import type { LoadResult } from '../scenario/loader'
import type { ContactCache } from './detail'
import { strategyDigest } from './digest'
import { FramePacker } from './frames'
import { exportsModule, withModule } from './on-demand'
import type { FromWorker, ScenarioSource, ToWorker } from './protocol'
import { buildRun, type ExtraStrategy, errorText, type Run, type RunOptions } from './run'
import { HeldRequests, loadScenarioReader, readScenario, validatorMissing } from './scenario-reader'
import { MAX_STRESS_SATELLITES, stressScenarioText } from './stress'
import { type ControlOutput, type LoopHost, TimeControls } from './time-controls'
import { type BindOptions, bindingModule, UserStrategies } from './user-strategy-list'

export { FRAME_MS } from './frames'

export interface RunnerHost extends LoopHost {
  post(message: FromWorker, transfer?: Transferable[]): void
}

/**
 * Digests at most every this many ms while running (≈ 2 Hz): panels are read, not watched, and
 * each digest re-renders them on the UI thread (the 3D view, clock and scrub cursor follow frames).
 */
export const DIGEST_MS = 500
/**
 * ...and only after the UI drew this many frames since the last one, so a slow renderer (software
 * WebGL drew 30,000 satellites at 1–2 frames a second as instanced meshes) does not spend its frames re-rendering
 * panels; at 2 Hz or more of frames this changes nothing.
 */
export const DIGEST_FRAMES = 2
/** A digest at least this often while running, ms, drawn frames or not (a hidden page). */
export const DIGEST_MAX_MS = 2000

interface LoadWishes {
  strategies?: string[]
  seed?: number
  timeS?: number
  selected?: string | null
}

export class SimRunner {
  private run: Run | null = null
  private readonly frames = new FramePacker()
  private readonly controls: TimeControls
  private selected: string | null = null
  private lastDigest = 0
  /** How many frames the UI had drawn when the last digest went. */
  private digestShown = 0
  /** Per strategy, the last next-contact search (it propagates ahead, so it is not redone per digest). */
  private readonly contacts: ContactCache = new Map()
  private readonly users = new UserStrategies()
  /** Bumped by every load and rebuild: a user strategy bound for an older one is dropped. */
  private generation = 0
  /**
   * While a load waits for the scenario validator, the requests that come after it, handled in
   * order once it is done (a seek or a play meant for the new scenario must not reach the old one).
   */
  private readonly held = new HeldRequests<ToWorker>(
    (msg) => this.handle(msg),
    (err) => this.fail(err),
  )

  constructor(
    private readonly host: RunnerHost,
    /** The planners strategies may name (tests bring their own). */
    private readonly planners: PlannerRegistry = builtInPlanners,
    /** How user planners are isolated (tests bring an in-process guest and a short deadline). */
    private readonly isolation: Pick<BindOptions, 'guest' | 'timeoutMs'> = {},
  ) {
    const out: ControlOutput = {
      sendAll: () => this.sendAll(),
      sendDigest: () => this.sendDigest(),
      sendDue: () => {
        if (this.frames.due(this.host.now())) this.sendFrame()
        const since = this.host.now() - this.lastDigest
        const drawn = this.frames.drawn - this.digestShown >= DIGEST_FRAMES
        if (since >= DIGEST_MAX_MS || (since >= DIGEST_MS && drawn)) this.sendDigest()
      },
      fail: (err) => this.fail(err),
      restored: () => this.contacts.clear(),
    }
    this.controls = new TimeControls(host, out)
  }

  handle(msg: ToWorker): void {
    if (this.held.hold(msg)) return
    try {
      this.dispatch(msg)
    } catch (err) {
      this.fail(err)
    }
  }

  private dispatch(msg: ToWorker): void {
    const controls = this.controls
    switch (msg.type) {
      case 'load':
        this.load(msg.text, msg.file, msg.source, msg)
        return
      case 'loadStress': {
        const n = Math.max(1, Math.min(MAX_STRESS_SATELLITES, Math.floor(Number(msg.satellites) || 1000)))
        this.load(stressScenarioText(n), `stress-${n}`, { kind: 'stress', satellites: n }, msg, 8, () => {
          if (this.run && msg.play !== undefined) controls.play(msg.play)
        })
        return
      }
      case 'setStrategies':
        // A seed given with them (a recorded run's) is taken in the same rebuild.
        this.rebuild(
          msg.seed === undefined
            ? { strategies: msg.strategies }
            : { strategies: msg.strategies, seed: msg.seed },
        )
        return
      case 'setSeed':
        this.rebuild({ seed: msg.seed })
        return
      case 'userStrategies': {
        const changed = this.users.set(msg.strategies)
        const run = this.run
        if (run?.strategies.some((name) => changed.includes(name))) {
          const kept = run.strategies.filter((name) => !changed.includes(name) || this.users.get(name))
          this.rebuild({ strategies: kept.length ? kept : [run.spec.strategies[0].name] })
        }
        return
      }
      case 'play':
        controls.play(msg.speed)
        return
      case 'setSpeed':
        controls.setSpeed(msg.speed)
        return
      case 'pause':
        controls.pause()
        return
      case 'step':
        controls.stepOnce()
        return
      case 'stepBack':
        controls.stepBack()
        return
      case 'seek':
        controls.seek(msg.timeS)
        return
      case 'nextEvent':
        controls.nextEvent()
        return
      case 'frameShown':
        this.frames.shown(msg.seq, msg.recycle)
        return
      case 'select':
        this.selected = typeof msg.satellite === 'string' ? msg.satellite : null
        this.contacts.clear()
        this.sendDigest()
        return
      case 'export':
        this.export(msg)
        return
      default:
        this.host.post({ type: 'error', message: `unknown request ${JSON.stringify(msg).slice(0, 80)}` })
    }
  }

  /**
   * Answers the Export menu with the run of the moment it asked (the formatters are fetched the
   * first time; the answer carries the request's id, so it may come after later requests').
   */
  private export(msg: Extract<ToWorker, { type: 'export' }>): void {
    const run = this.run
    withModule(
      exportsModule,
      (m) => this.host.post(m.runExport(run, this.planners, msg.id, msg.format, msg.strategy)),
      (err) =>
        this.host.post({
          type: 'exported',
          id: msg.id,
          ok: false,
          message: `The export could not be loaded (${errorText(err)}); try again.`,
        }),
    )
  }

  // Loading -----------------------------------------------------------------------------------

  /**
   * Loads a scenario text, then calls `then` (at once, or after the validator has arrived: the
   * requests that come meanwhile wait until both are done).
   */
  private load(
    text: string,
    file: string,
    source: ScenarioSource,
    want: LoadWishes,
    telemetryWindow?: number,
    then?: () => void,
  ): void {
    const loaded = readScenario(String(text), String(file), this.planners)
    if (loaded === null) {
      this.waitForReader(file, () => this.load(text, file, source, want, telemetryWindow, then))
      return
    }
    this.adoptLoaded(loaded, file, source, want, telemetryWindow)
    then?.()
  }

  /** Holds the requests that follow until the validator has arrived, then runs `retry` and them. */
  private waitForReader(file: string, retry: () => void): void {
    this.held.waitFor(loadScenarioReader(), retry, (err) =>
      // The running scenario stays; opening the file again tries again.
      this.host.post({ type: 'loadError', file, issues: [validatorMissing(file, err)] }),
    )
  }

  private adoptLoaded(
    loaded: LoadResult,
    file: string,
    source: ScenarioSource,
    want: LoadWishes,
    telemetryWindow: number | undefined,
  ): void {
    if (!loaded.ok) {
      this.host.post({ type: 'loadError', file, issues: loaded.issues })
      return
    }
    const options: RunOptions = { spec: loaded.scenario, file, source, telemetryWindow }
    // The user's strategies need their planner threads first: built after, by a rebuild.
    const own = want.strategies?.filter((name) => !this.users.get(name))
    const theirs = want.strategies?.filter((name) => this.users.get(name)) ?? []
    this.generation++
    const built = buildRun({ ...options, strategies: own, seed: want.seed }, this.planners)
    if ('issues' in built) {
      this.host.post({ type: 'loadError', file, issues: built.issues })
      return
    }
    // An element-set file's notice (what the loader filled in) goes first.
    this.adopt(built.run, [...(loaded.notices ?? []), ...built.notes])
    if (want.selected !== undefined) this.selected = want.selected
    if (this.selected !== null && !built.run.spec.satellites.some((s) => s.id === this.selected))
      this.selected = null
    const t = Number(want.timeS)
    if (Number.isFinite(t) && t > 0) this.controls.seek(t)
    else this.sendAll()
    if (theirs.length) this.rebuild({ strategies: want.strategies })
  }

  /** Same scenario, other strategies or seed: rebuild the engines and come back to the same time. */
  private rebuild(change: Pick<RunOptions, 'strategies' | 'seed'>): void {
    const run = this.run
    if (!run) return
    const generation = ++this.generation
    const names = (change.strategies ?? run.strategies).filter((name) => this.users.get(name))
    if (names.length === 0) {
      this.rebuildWith(run, change, [])
      return
    }
    const o: BindOptions = {
      ...this.isolation,
      spec: run.spec,
      registry: this.planners,
      telemetryWindow: run.options.telemetryWindow,
      seed: change.seed ?? run.seed,
      onWarning: (message) => this.host.post({ type: 'error', message }),
    }
    const bind = bindingModule.load()
    void bind
      .then(({ bindUserStrategy }) =>
        Promise.all(names.map((name) => bindUserStrategy(this.users.get(name)!, o))),
      )
      .then(
        (bound) => {
          const extras = bound.filter((b): b is ExtraStrategy => 'strategy' in b)
          const problems = bound.flatMap((b) => ('problems' in b ? b.problems : []))
          if (generation !== this.generation || this.run !== run || problems.length) {
            for (const x of extras) x.dispose()
            if (problems.length && generation === this.generation)
              this.host.post({ type: 'error', message: problems.join('\n') })
            return
          }
          this.rebuildWith(run, change, extras)
        },
        (err: unknown) => {
          if (generation === this.generation)
            this.host.post({ type: 'error', message: `The strategies could not be bound: ${errorText(err)}` })
        },
      )
  }

  private rebuildWith(
    run: Run,
    change: Pick<RunOptions, 'strategies' | 'seed'>,
    extras: ExtraStrategy[],
  ): void {
    const t = run.time()
    const wasPlaying = this.controls.clock.playing
    const built = buildRun({ ...run.options, ...change }, this.planners, extras)
    if ('issues' in built) {
      this.host.post({ type: 'error', message: built.issues.map((i) => i.message).join('\n') })
      return
    }
    this.adopt(built.run, built.notes)
    if (t > 0) {
      this.controls.seek(t)
      this.controls.resumeAfterJob(wasPlaying)
    } else {
      this.sendAll()
      if (wasPlaying) this.controls.play(this.controls.clock.speed)
    }
  }

  /** Makes `run` the current run: stops the old one, forgets its frames, announces the new one. */
  private adopt(run: Run, notes: string[]): void {
    this.run?.dispose()
    this.controls.attach(run)
    this.run = run
    this.frames.reset()
    this.digestShown = 0
    this.contacts.clear()
    this.host.post(run.loadedMessage(this.planners, notes))
  }

  private fail(err: unknown): void {
    this.controls.halt()
    this.host.post({ type: 'error', message: `The simulation stopped: ${errorText(err)}` })
    if (this.run) this.sendAll()
  }

  // Output --------------------------------------------------------------------------------------

  private sendAll(): void {
    this.sendFrame()
    this.sendDigest()
  }

  /** The orbits that changed since the last frame, then the frame that shows them. */
  private sendFrame(): void {
    this.frames.sentAt(this.host.now())
    const run = this.run
    if (!run) return
    for (const e of run.engines) {
      const orbits = e.orbits.update(e.sim)
      if (orbits) this.host.post(orbits)
    }
    const clock = this.controls.clock
    const { message, transfer } = this.frames.pack(run.engines, {
      timeS: clock.displayTime(run.time(), run.spec.stepS),
      epochMs: run.spec.epochMs,
      playing: clock.playing,
      alpha: clock.interpolating() ? clock.alpha : null,
    })
    this.host.post(message, transfer)
  }

  private sendDigest(): void {
    const run = this.run
    if (!run) return
    this.lastDigest = this.host.now()
    this.digestShown = this.frames.drawn
    this.host.post({
      type: 'digest',
      timeS: run.time(),
      stepIndex: run.stepIndex(),
      playing: this.controls.playingShown(),
      speed: this.controls.clock.speed,
      done: run.done(),
      busy: this.controls.busy(),
      digests: run.engines.map((e) => strategyDigest(e, this.selected, this.contacts)),
    })
  }
}
