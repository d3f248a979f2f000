// The browser-side driver of the engine, free of any Worker API so it runs in Node tests too.
// It owns one engine per strategy shown and steps them in lockstep; it keeps snapshots every
// N steps for step back and scrubbing; and while playing it runs a "fix your timestep" loop:
// wall time × speed fills an accumulator, whole engine steps drain it, and frames show the
// satellites interpolated between the last two steps, so 1× looks smooth with 30 s steps.
//
// Everything the UI sees goes through `host.post`: frames (≤ 30 Hz, transferable typed arrays)
// and digests (≈ 2 Hz and after every discrete action, plain data).

import {
  createSimulation,
  METRICS,
  type MetricKey,
  type ScenarioSpec,
  type SimEvent,
  type SimSnapshot,
  type Simulation,
  STATUS_NAMES,
} from '../core'
import { COMPONENT_NAMES } from '../core/spec'
import { sunDirectionEci } from '../core/sun'
import { gmstRad } from '../core/time'
import { registry } from '../planners'
import { loadScenarioText, type ScenarioIssue } from '../scenario'
import { BufferPool } from './buffer-pool'
import {
  type DigestMessage,
  EVENT_CATEGORY,
  type FleetCounts,
  type FrameMessage,
  type FromWorker,
  type LoadedMessage,
  MAX_STRATEGIES,
  type PlannerInfo,
  type SatelliteDetail,
  type ScenarioSource,
  type Speed,
  type StrategyDigest,
  type StrategyFrame,
  type TaskCounts,
  type ToWorker,
} from './protocol'
import { stressScenarioText } from './stress'

export interface RunnerHost {
  post(message: FromWorker, transfer?: Transferable[]): void
  now(): number
  schedule(fn: () => void, ms: number): unknown
  cancel(handle: unknown): void
}

/** Frames at most every this many ms (≈ 30 Hz). */
export const FRAME_MS = 33
/**
 * Digests at most every this many ms while running (≈ 2 Hz): panels are read, not watched, and
 * each digest re-renders them on the UI thread (the 3D view, clock and scrub cursor follow frames).
 */
export const DIGEST_MS = 500
/** Without word that frames are drawn, still send one this often (a hidden page, a lost ack). */
const STALE_ACK_MS = 1000
/** Work per tick while seeking or at max speed, ms of wall time. */
const BUDGET_MS = 40
/** Longest wall-time gap the playback loop accepts (a background tab, a GC pause). */
const MAX_WALL_MS = 250
/** Bytes of snapshots to keep per engine, at most. */
const SNAPSHOT_BYTES = 48 * 1024 * 1024
const MAX_SNAPSHOTS = 120
/** How far ahead the inspector looks for the next contact. */
const CONTACT_HORIZON_S = 12 * 3600

interface Engine {
  name: string
  sim: Simulation
  snapshots: Map<number, SimSnapshot>
  /** Positions (m) one step before the current state, for interpolation. */
  prev: Float64Array
  /** The furthest event log seen in this run (the current log is its prefix). */
  history: SimEvent[]
  sentEvents: number
  seriesT: number[]
  seriesValues: Record<MetricKey, (number | null)[]>
  sentSeries: number
}

interface Run {
  spec: ScenarioSpec
  file: string
  source: ScenarioSource
  seed: number
  strategies: string[]
  engines: Engine[]
  totalSteps: number
  snapshotEvery: number
  telemetryWindow: number | undefined
}

interface Job {
  target: number
  stopOnEvent: boolean
  label: string
  from: number
  resume: boolean
}

function emptyValues(): Record<MetricKey, (number | null)[]> {
  const out = {} as Record<MetricKey, (number | null)[]>
  for (const m of METRICS) out[m.key] = []
  return out
}

/** Rough size of a snapshot's state: the typed arrays dominate. */
function snapshotBytes(snap: SimSnapshot): number {
  let bytes = 0
  for (const value of Object.values(snap.state)) {
    if (ArrayBuffer.isView(value)) bytes += value.byteLength
    else if (Array.isArray(value)) bytes += value.length * 64
  }
  return bytes + 4096
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err)
}

export class SimRunner {
  private run: Run | null = null
  private playing = false
  private speed: Speed = 60
  private acc = 0
  private alpha = 1
  private prevValid = false
  private job: Job | null = null
  private selected: string | null = null
  private tickHandle: unknown = null
  private lastTick = 0
  private lastDigest = 0
  private seq = 0
  /** The last frame the UI reported drawn, and when a frame was last sent. */
  private shownSeq = 0
  private lastFrameAt = 0
  /** Frame buffers the UI gave back. */
  private readonly buffers = new BufferPool()
  /** Per strategy, the last next-contact search (it propagates ahead, so it is not redone per digest). */
  private readonly contactCache = new Map<
    string,
    { k: number; fromS: number; value: SatelliteDetail['nextContact'] }
  >()

  constructor(private readonly host: RunnerHost) {}

  handle(msg: ToWorker): void {
    try {
      this.dispatch(msg)
    } catch (err) {
      this.fail(err)
    }
  }

  private dispatch(msg: ToWorker): void {
    switch (msg.type) {
      case 'load':
        this.load(msg.text, msg.file, msg.source, msg)
        return
      case 'loadStress': {
        const n = Math.max(1, Math.min(10_000, Math.floor(Number(msg.satellites) || 1000)))
        this.load(stressScenarioText(n), `stress-${n}`, { kind: 'stress', satellites: n }, msg, 8)
        if (this.run && msg.play !== undefined) this.play(msg.play)
        return
      }
      case 'setStrategies':
        this.rebuild({ strategies: msg.strategies })
        return
      case 'setSeed':
        this.rebuild({ seed: msg.seed })
        return
      case 'play':
        this.play(msg.speed)
        return
      case 'setSpeed':
        this.setSpeed(msg.speed)
        return
      case 'pause':
        this.pause()
        return
      case 'step':
        this.stepOnce()
        return
      case 'stepBack':
        this.stepBack()
        return
      case 'seek':
        this.seek(msg.timeS)
        return
      case 'nextEvent':
        this.nextEvent()
        return
      case 'frameShown':
        if (Number.isInteger(msg.seq) && msg.seq > this.shownSeq && msg.seq <= this.seq)
          this.shownSeq = msg.seq
        this.buffers.give(msg.recycle)
        return
      case 'select':
        this.selected = typeof msg.satellite === 'string' ? msg.satellite : null
        this.contactCache.clear()
        this.sendDigest()
        return
      default:
        this.host.post({ type: 'error', message: `unknown request ${JSON.stringify(msg).slice(0, 80)}` })
    }
  }

  // Loading -----------------------------------------------------------------------------------

  private load(
    text: string,
    file: string,
    source: ScenarioSource,
    want: { strategies?: string[]; seed?: number; timeS?: number; selected?: string | null },
    telemetryWindow?: number,
  ): void {
    const loaded = loadScenarioText(String(text), String(file), { knownPlanners: registry.names() })
    if (!loaded.ok) {
      this.host.post({ type: 'loadError', file, issues: loaded.issues })
      return
    }
    const built = this.build(loaded.scenario, file, source, want.strategies, want.seed, telemetryWindow)
    if ('issues' in built) {
      this.host.post({ type: 'loadError', file, issues: built.issues })
      return
    }
    this.adopt(built.run)
    if (want.selected !== undefined) this.selected = want.selected
    if (this.selected !== null && !built.run.spec.satellites.some((s) => s.id === this.selected))
      this.selected = null
    this.postLoaded(built.notes)
    const t = Number(want.timeS)
    if (Number.isFinite(t) && t > 0) this.seek(t)
    else this.sendAll()
  }

  private build(
    spec: ScenarioSpec,
    file: string,
    source: ScenarioSource,
    wanted: string[] | undefined,
    seedWanted: number | undefined,
    telemetryWindow: number | undefined,
  ): { run: Run; notes: string[] } | { issues: ScenarioIssue[] } {
    const notes: string[] = []
    const known = spec.strategies.map((s) => s.name)
    let strategies = [...new Set((wanted ?? []).filter((s) => typeof s === 'string'))]
    const unknown = strategies.filter((s) => !known.includes(s))
    if (unknown.length)
      notes.push(`Scenario ${spec.id} has no strategy ${unknown.map((s) => `"${s}"`).join(', ')}; ignored.`)
    strategies = strategies.filter((s) => known.includes(s))
    if (strategies.length > MAX_STRATEGIES) {
      notes.push(
        `At most ${MAX_STRATEGIES} strategies run side by side; showing the first ${MAX_STRATEGIES}.`,
      )
      strategies = strategies.slice(0, MAX_STRATEGIES)
    }
    if (strategies.length === 0) strategies = [known[0]]
    let seed = spec.seed
    if (seedWanted !== undefined) {
      if (Number.isInteger(seedWanted) && seedWanted >= 0 && seedWanted < 2 ** 32) seed = seedWanted
      else
        notes.push(`Seed ${String(seedWanted)} is not an integer from 0 to 4294967295; using ${spec.seed}.`)
    }
    const issues: ScenarioIssue[] = []
    const engines: Engine[] = []
    for (const name of strategies) {
      const strategy = spec.strategies.find((s) => s.name === name)!
      const bound = registry.bind(strategy)
      if (bound.problems.length) {
        for (const p of bound.problems) issues.push({ file, path: `strategies.${name}`, message: p })
        continue
      }
      try {
        const sim = createSimulation(spec, name, { planners: bound.planners, seed, telemetryWindow })
        engines.push({
          name,
          sim,
          snapshots: new Map(),
          prev: new Float64Array(sim.state().pos.length),
          history: [],
          sentEvents: 0,
          seriesT: [],
          seriesValues: emptyValues(),
          sentSeries: 0,
        })
      } catch (err) {
        issues.push({ file, path: `strategies.${name}`, message: errorText(err) })
      }
    }
    if (issues.length) return { issues }
    const stepS = spec.stepS
    const totalSteps = Math.ceil(spec.durationS / stepS - 1e-9)
    // Snapshot spacing: as many as fit the memory budget, at most MAX_SNAPSHOTS over the run.
    const first = engines[0].sim.snapshot()
    const fit = Math.max(4, Math.min(MAX_SNAPSHOTS, Math.floor(SNAPSHOT_BYTES / snapshotBytes(first))))
    const snapshotEvery = Math.max(1, Math.ceil(totalSteps / fit))
    engines[0].snapshots.set(0, first)
    for (const e of engines.slice(1)) e.snapshots.set(0, e.sim.snapshot())
    for (const e of engines) this.harvest(e)
    const run: Run = {
      spec,
      file,
      source,
      seed,
      strategies,
      engines,
      totalSteps,
      snapshotEvery,
      telemetryWindow,
    }
    return { run, notes }
  }

  /** Makes `run` the current run: stops what the old one was doing and forgets its frames. */
  private adopt(run: Run): void {
    this.stopTicking()
    this.playing = false
    this.job = null
    this.run = run
    this.seq = 0
    this.shownSeq = 0
    this.buffers.clear()
    this.contactCache.clear()
  }

  /** Same scenario, other strategies or seed: rebuild the engines and come back to the same time. */
  private rebuild(change: { strategies?: string[]; seed?: number }): void {
    const run = this.run
    if (!run) return
    const t = this.time()
    const wasPlaying = this.playing
    const built = this.build(
      run.spec,
      run.file,
      run.source,
      change.strategies ?? run.strategies,
      change.seed ?? run.seed,
      run.telemetryWindow,
    )
    if ('issues' in built) {
      this.host.post({ type: 'error', message: built.issues.map((i) => i.message).join('\n') })
      return
    }
    this.adopt(built.run)
    this.postLoaded(built.notes)
    if (t > 0) {
      this.seek(t)
      if (this.job) (this.job as Job).resume = wasPlaying
    } else {
      this.sendAll()
      if (wasPlaying) this.play(this.speed)
    }
  }

  private postLoaded(notes: string[]): void {
    const run = this.run!
    const planners: Record<string, PlannerInfo[]> = {}
    for (const name of run.strategies) {
      const strategy = run.spec.strategies.find((s) => s.name === name)!
      planners[name] = (['trajectory', 'allocation', 'maintenance'] as const).flatMap((kind) => {
        const id = strategy[kind]
        const p = id ? registry.find(kind, id) : undefined
        return p ? [{ id: p.id, kind, label: p.label, description: p.description }] : []
      })
    }
    const msg: LoadedMessage = {
      type: 'loaded',
      file: run.file,
      source: run.source,
      scenario: run.spec,
      satelliteIds: run.engines[0].sim.world.sats.map((s) => s.id),
      strategies: run.strategies,
      planners,
      seed: run.seed,
      totalSteps: run.totalSteps,
      snapshotEvery: run.snapshotEvery,
      notes,
    }
    this.host.post(msg)
  }

  // Time control --------------------------------------------------------------------------------

  private stepIndex(): number {
    return this.run ? this.run.engines[0].sim.state().stepIndex : 0
  }

  private time(): number {
    return this.run ? this.run.engines[0].sim.time() : 0
  }

  private done(): boolean {
    return this.run ? this.run.engines[0].sim.done() : true
  }

  private stepFor(timeS: number): number {
    const run = this.run!
    if (!Number.isFinite(timeS) || timeS <= 0) return 0
    if (timeS >= run.spec.durationS) return run.totalSteps
    return Math.min(run.totalSteps, Math.round(timeS / run.spec.stepS))
  }

  private play(speed: Speed): void {
    if (!this.run) return
    this.setSpeedValue(speed)
    if (this.job) {
      this.job.resume = true
      this.sendDigest()
      return
    }
    if (this.done()) {
      this.restoreTo(0)
    }
    this.playing = true
    this.acc = 0
    if (this.speed !== 'max') {
      // Step once now and show the move from the old state to the new one from alpha = 0.
      this.copyPrev()
      if (!this.stepAll()) return
      this.alpha = 0
    }
    this.lastTick = this.host.now()
    this.sendAll()
    this.ensureTicking()
  }

  private setSpeedValue(speed: Speed): void {
    if (speed === 'max') this.speed = 'max'
    else if (Number.isFinite(speed) && speed > 0) this.speed = Math.min(1e6, speed)
  }

  private setSpeed(speed: Speed): void {
    const before = this.speed
    this.setSpeedValue(speed)
    if (this.playing && before === 'max' && this.speed !== 'max') {
      this.acc = 0
      this.prevValid = false
      this.alpha = 1
    }
    this.sendDigest()
  }

  private pause(): void {
    if (this.job) this.job.resume = false
    if (!this.playing) {
      this.sendDigest()
      return
    }
    this.playing = false
    this.alpha = 1
    this.sendAll()
  }

  private stepOnce(): void {
    if (!this.run || this.job) return
    this.playing = false
    this.alpha = 1
    this.prevValid = false
    this.stepAll()
    this.sendAll()
  }

  private stepBack(): void {
    if (!this.run) return
    if (this.job) {
      this.job.target = Math.max(0, this.job.target - 1)
      return
    }
    this.playing = false
    this.alpha = 1
    const target = Math.max(0, this.stepIndex() - 1)
    this.startJob(target, false, 'Stepping back')
  }

  private seek(timeS: number): void {
    if (!this.run) return
    const resume = this.job ? this.job.resume : this.playing
    this.playing = false
    this.alpha = 1
    this.startJob(this.stepFor(Number(timeS)), false, 'Simulating', resume)
  }

  private nextEvent(): void {
    const run = this.run
    if (!run) return
    this.playing = false
    this.alpha = 1
    // Already simulated once? Then the history knows when the next event happens.
    let best = Number.POSITIVE_INFINITY
    for (const e of run.engines) {
      const count = e.sim.events().length
      const now = e.sim.time()
      for (let i = count; i < e.history.length; i++) {
        const ev = e.history[i]
        if (EVENT_CATEGORY[ev.type] && ev.t > now) {
          best = Math.min(best, ev.t)
          break
        }
      }
    }
    if (Number.isFinite(best)) this.startJob(this.stepFor(best), false, 'Simulating')
    else this.startJob(run.totalSteps, true, 'Looking for the next event')
  }

  private startJob(target: number, stopOnEvent: boolean, label: string, resume = false): void {
    const run = this.run!
    const from = this.stepIndex()
    // Restore when going back, or when a snapshot lies between here and the target.
    let best = -1
    for (const k of run.engines[0].snapshots.keys()) if (k <= target && k > best) best = k
    if (target < from || (best > from && !stopOnEvent)) this.restoreTo(best)
    this.job = { target, stopOnEvent, label, from: this.stepIndex(), resume }
    this.prevValid = false
    this.runJob()
  }

  private restoreTo(stepIndex: number): void {
    const run = this.run!
    for (const e of run.engines) {
      const snap = e.snapshots.get(stepIndex)
      if (snap) e.sim.restore(snap)
    }
    this.prevValid = false
    this.contactCache.clear()
  }

  /** Works on the current job for one budget; finishes it when the target is reached. */
  private runJob(): void {
    const job = this.job
    if (!job) return
    const start = this.host.now()
    let stop = false
    while (this.stepIndex() < job.target && !stop) {
      const before = job.stopOnEvent ? this.run!.engines.map((e) => e.sim.events().length) : []
      if (!this.stepAll()) return
      if (job.stopOnEvent) stop = this.run!.engines.some((e, k) => this.newInteresting(e, before[k]))
      if (this.host.now() - start > BUDGET_MS) break
    }
    if (stop || this.stepIndex() >= job.target) {
      this.job = null
      if (job.resume && !this.done()) {
        this.play(this.speed)
        return
      }
      this.sendAll()
      return
    }
    this.maybeFrame()
    this.maybeDigest(false)
    this.ensureTicking()
  }

  private newInteresting(e: Engine, from: number): boolean {
    const events = e.sim.events()
    for (let i = from; i < events.length; i++) if (EVENT_CATEGORY[events[i].type]) return true
    return false
  }

  /** One lockstep step of every engine; false (and paused) if an engine threw. */
  private stepAll(): boolean {
    const run = this.run!
    try {
      for (const e of run.engines) {
        const i = e.sim.state().stepIndex
        if (i % run.snapshotEvery === 0 && !e.snapshots.has(i)) e.snapshots.set(i, e.sim.snapshot())
        e.sim.step()
        this.harvest(e)
      }
      return true
    } catch (err) {
      this.fail(err)
      return false
    }
  }

  private fail(err: unknown): void {
    this.playing = false
    this.job = null
    this.alpha = 1
    this.host.post({ type: 'error', message: `The simulation stopped: ${errorText(err)}` })
    if (this.run) this.sendAll()
  }

  private harvest(e: Engine): void {
    const events = e.sim.events()
    for (let i = e.history.length; i < events.length; i++) e.history.push(events[i])
    const series = e.sim.series()
    for (let i = e.seriesT.length; i < series.t.length; i++) {
      e.seriesT.push(series.t[i])
      for (const m of METRICS) e.seriesValues[m.key].push(series.values[m.key][i] ?? null)
    }
  }

  private copyPrev(): void {
    for (const e of this.run!.engines) e.prev.set(e.sim.state().pos)
    this.prevValid = true
  }

  // The loop ----------------------------------------------------------------------------------------

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
    if (!this.run) return
    const now = this.host.now()
    const wallMs = Math.min(Math.max(0, now - this.lastTick), MAX_WALL_MS)
    this.lastTick = now
    try {
      if (this.job) {
        this.runJob()
        return
      }
      if (!this.playing) return
      this.advance(wallMs, now)
      if (this.done()) {
        this.playing = false
        this.alpha = 1
        this.sendAll()
        return
      }
      this.maybeFrame()
      this.maybeDigest(false)
    } catch (err) {
      this.fail(err)
      return
    }
    const spent = this.host.now() - now
    this.tickHandle = this.host.schedule(() => this.tick(), Math.max(1, FRAME_MS - spent))
  }

  private advance(wallMs: number, start: number): void {
    const stepS = this.run!.spec.stepS
    if (this.speed === 'max') {
      this.alpha = 1
      this.prevValid = false
      while (!this.done() && this.host.now() - start < BUDGET_MS) if (!this.stepAll()) return
      return
    }
    this.acc += (wallMs / 1000) * this.speed
    let n = Math.floor(this.acc / stepS)
    while (n > 0 && !this.done()) {
      if (n === 1) this.copyPrev()
      if (!this.stepAll()) return
      this.acc -= stepS
      n--
      if (n > 0 && this.host.now() - start > BUDGET_MS) {
        // The machine cannot keep up with this speed: drop the backlog rather than spiral.
        this.acc = 0
        this.prevValid = false
        break
      }
    }
    this.alpha = this.prevValid ? Math.min(1, Math.max(0, this.acc / stepS)) : 1
  }

  // Output ------------------------------------------------------------------------------------------

  private displayTime(): number {
    const run = this.run!
    const t = this.time()
    if (!this.playing || !this.prevValid || this.alpha >= 1) return t
    return Math.max(0, t - run.spec.stepS * (1 - this.alpha))
  }

  private sendAll(): void {
    this.sendFrame()
    this.sendDigest()
  }

  /**
   * A frame while running, unless the UI has not drawn the previous ones yet: a slow renderer
   * (software WebGL, 10,000 satellites) gets fewer frames instead of a queue of stale ones.
   */
  private maybeFrame(): void {
    const now = this.host.now()
    if (this.seq - this.shownSeq > 1 && now - this.lastFrameAt < STALE_ACK_MS) return
    this.sendFrame()
  }

  private sendFrame(): void {
    this.lastFrameAt = this.host.now()
    const run = this.run
    if (!run) return
    const t = this.displayTime()
    const ms = run.spec.epochMs + t * 1000
    const sun = new Float64Array(3)
    sunDirectionEci(ms, sun, 0)
    const interpolate = this.playing && this.prevValid && this.alpha < 1
    const a = this.alpha
    const frames: StrategyFrame[] = []
    const transfer: Transferable[] = []
    for (const e of run.engines) {
      const s = e.sim.state()
      const pos = s.pos
      const out = new Float32Array(this.buffers.take(4 * pos.length))
      if (interpolate) {
        const prev = e.prev
        for (let i = 0; i < pos.length; i++) out[i] = (prev[i] + (pos[i] - prev[i]) * a) / 1000
      } else {
        for (let i = 0; i < pos.length; i++) out[i] = pos[i] / 1000
      }
      const status = new Uint8Array(this.buffers.take(s.status.length))
      status.set(s.status)
      const linkStation = new Int16Array(this.buffers.take(2 * s.linkStation.length))
      linkStation.set(s.linkStation)
      frames.push({ strategy: e.name, positionsKm: out, status, linkStation })
      transfer.push(out.buffer, status.buffer, linkStation.buffer)
    }
    const msg: FrameMessage = {
      type: 'frame',
      seq: ++this.seq,
      timeS: t,
      gmstRad: gmstRad(ms),
      sunEci: [sun[0], sun[1], sun[2]],
      playing: this.playing,
      frames,
    }
    this.host.post(msg, transfer)
  }

  private maybeDigest(force: boolean): void {
    const now = this.host.now()
    if (force || now - this.lastDigest >= DIGEST_MS) this.sendDigest()
  }

  private sendDigest(): void {
    const run = this.run
    if (!run) return
    this.lastDigest = this.host.now()
    const job = this.job
    const busy = job
      ? {
          label: job.label,
          fraction:
            job.target === job.from
              ? 1
              : Math.min(1, Math.max(0, (this.stepIndex() - job.from) / (job.target - job.from))),
        }
      : null
    const msg: DigestMessage = {
      type: 'digest',
      timeS: this.time(),
      stepIndex: this.stepIndex(),
      playing: this.playing || Boolean(job?.resume),
      speed: this.speed,
      done: this.done(),
      busy,
      digests: run.engines.map((e) => this.digestOf(e)),
    }
    this.host.post(msg)
  }

  private digestOf(e: Engine): StrategyDigest {
    const s = e.sim.state()
    const newEvents = { from: e.sentEvents, events: e.history.slice(e.sentEvents) }
    e.sentEvents = e.history.length
    const from = e.sentSeries
    const values = emptyValues()
    for (const m of METRICS) values[m.key] = e.seriesValues[m.key].slice(from)
    const newSeries = { from, t: e.seriesT.slice(from), values }
    e.sentSeries = e.seriesT.length
    const tasks: TaskCounts = {
      known: s.knownTasks,
      pending: 0,
      open: 0,
      captured: 0,
      delivered: 0,
      expired: 0,
    }
    for (let q = 0; q < s.knownTasks; q++) tasks[s.tasks[q].state]++
    const fleet: FleetCounts = {
      total: s.status.length,
      nominal: 0,
      alert: 0,
      failed: 0,
      maneuvering: 0,
      safe: 0,
      decayed: 0,
    }
    for (let k = 0; k < s.status.length; k++) fleet[STATUS_NAMES[s.status[k]]]++
    return {
      strategy: e.name,
      metrics: e.sim.metrics(),
      eventCount: e.sim.events().length,
      newEvents,
      seriesCount: e.sim.series().t.length,
      newSeries,
      tasks,
      fleet,
      alerts: s.alerts.map((a) => ({ ...a })),
      conjunctions: s.conjunctions.map((c) => ({
        satellite: c.satellite,
        tcaS: c.tcaS,
        predictedMissM: c.predictedMissM,
      })),
      selected: this.detailOf(e),
    }
  }

  private detailOf(e: Engine): SatelliteDetail | null {
    const id = this.selected
    if (id === null) return null
    const world = e.sim.world
    const k = world.satIndex.get(id)
    if (k === undefined) return null
    const s = e.sim.state()
    const view = e.sim.view()
    const sat = view.satellites[k]
    const components = COMPONENT_NAMES.map((component, c) => {
      const tel = view.telemetry(k, component)
      return {
        component,
        health: s.health[k * COMPONENT_NAMES.length + c],
        failed: !Number.isNaN(s.componentFailedAtS[k * COMPONENT_NAMES.length + c]),
        t: Array.from(tel.t),
        v: Array.from(tel.v),
      }
    })
    const [vx, vy, vz] = sat.velocityEciMS
    const link = s.linkStation[k]
    const spec = world.sats[k]
    return {
      id,
      index: k,
      role: sat.role,
      status: sat.status,
      plane: sat.plane ?? null,
      slot: sat.slot ?? null,
      isTle: sat.isTle,
      elements: sat.elements,
      latDeg: (sat.latRad * 180) / Math.PI,
      lonDeg: (sat.lonRad * 180) / Math.PI,
      altKm: sat.altM / 1000,
      speedKmS: Math.hypot(vx, vy, vz) / 1000,
      sunlit: sat.sunlit,
      soc: sat.soc,
      minSoc: sat.bus.minSoc,
      storageUsedMb: sat.storageUsedBits / 1e6,
      storageMb: sat.bus.storageBits / 1e6,
      propellantKg: sat.propellantKg,
      propellantStartKg: spec.bus.propellantKg,
      thrusterOk: sat.thrusterOk,
      mode: sat.mode,
      pendingManeuvers: sat.pendingManeuvers,
      components,
      linkStation: link >= 0 ? (world.stations[link]?.id ?? null) : null,
      nextContact: this.nextContact(e, k, view),
    }
  }

  private nextContact(
    e: Engine,
    k: number,
    view: ReturnType<Simulation['view']>,
  ): SatelliteDetail['nextContact'] {
    const t = e.sim.time()
    const cached = this.contactCache.get(e.name)
    if (
      cached &&
      cached.k === k &&
      t >= cached.fromS &&
      t - cached.fromS < 1800 &&
      (cached.value === null || t <= cached.value.endS)
    )
      return cached.value
    const sampleS = Math.max(30, e.sim.spec.stepS)
    let best: SatelliteDetail['nextContact'] = null
    view.stations.forEach((station, j) => {
      const windows = view.visibilityWindows(k, j, t, t + CONTACT_HORIZON_S, sampleS)
      const w = windows.find(([, end]) => end >= t)
      if (w && (best === null || w[0] < best.startS)) best = { station: station.id, startS: w[0], endS: w[1] }
    })
    this.contactCache.set(e.name, { k, fromS: t, value: best })
    return best
  }
}
