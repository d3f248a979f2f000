// The session: the one place that talks to the simulation worker. It turns the worker's
// messages into store updates (digests → stores, frames → the FrameRef the scene reads per
// frame, orbits → one OrbitBook per strategy the scene draws loops from) and the UI's intents
// into messages. Framework-free, so tests drive it with a fake port.

import type { ScenarioSpec } from '../core/spec'
import {
  type FrameMessage,
  type FromWorker,
  type RunExportFormat,
  type ScenarioSource,
  SPEEDS,
  type Speed,
  type ToWorker,
  type UserStrategyDef,
} from '../worker/protocol'
import { type AppStore, createAppStore, type PanelTab, pushMessage } from './appStore'
import { type ExportedFile, ExportRequests } from './exports'
import { applyOrbits, emptyOrbitBook, type OrbitBook } from './orbit-book'
import { createSeedRuns, type SeedPortLike, type SeedRuns } from './seedRuns'
import { createSimStore } from './simStore'

/** Frames kept for giving their buffers back; beyond this (nothing is being drawn) they are dropped. */
const MAX_UNRETURNED = 4

/** What the session needs of a worker (see worker/client.ts); a fake in tests. */
export interface SimPortLike {
  post(message: ToWorker, transfer?: Transferable[]): void
  listen(fn: (message: FromWorker) => void): void
  terminate(): void
}

/** Per-run holder of the latest frame. A new run gets a new object, so a scene never reads a
 *  frame of another run's size. */
export interface FrameHolder {
  current: FrameMessage | null
}

export interface LoadRequest {
  text: string
  file: string
  source: ScenarioSource
}

export interface LoadWishes {
  strategies?: string[]
  seed?: number
  timeS?: number
  selected?: string | null
}

export interface Session {
  app: AppStore
  /** The FrameRef of the run shown now; replaced when a new run loads. */
  frame(): FrameHolder
  /** Per strategy shown (viewport order), its orbits; a new run gets new books. */
  orbits(): OrbitBook[]
  /** Calls `fn` after every frame message (to wake an on-demand render loop); returns the unsubscribe. */
  onFrame(fn: () => void): () => void
  /** The scene drew the frame with this seq (the worker paces its frames by it). */
  frameShown(seq: number): void
  loadText(request: LoadRequest, wishes?: LoadWishes): void
  /** The text of the scenario running now, or null (none yet, or a synthetic stress run). */
  scenarioText(): LoadRequest | null
  /** Multi-seed compare in workers of its own, when the session was given a way to start them. */
  seeds: SeedRuns | null
  loadStress(satellites: number, wishes?: { timeS?: number; play?: Speed }): void
  play(speed?: Speed): void
  pause(): void
  togglePlay(): void
  setSpeed(speed: Speed): void
  step(): void
  stepBack(): void
  seek(timeS: number): void
  toStart(): void
  toEnd(): void
  nextEvent(): void
  select(satellite: string | null): void
  /** With `seed`, the strategies run at that seed (in one rebuild). */
  setStrategies(strategies: string[], seed?: number): void
  /** The user's own strategies (setStrategies may then name them); kept for a restart. */
  setUserStrategies(strategies: UserStrategyDef[]): void
  /** `typed`: what the user typed, echoed in the message when it is not a seed. */
  setSeed(seed: number, typed?: string): void
  setTab(tab: PanelTab): void
  /**
   * The whole run of the first shown strategy at the current seed as a file (what `sim run`
   * and `sim export` write); rejects with a message for people when it cannot.
   */
  requestExport(format: RunExportFormat): Promise<ExportedFile>
  /** Starts a fresh worker and reloads the running scenario at the same time. */
  restart(): void
  dispose(): void
}

export interface SessionOptions {
  /** How long the worker may stay silent while it should be busy before the UI says so. */
  stallMs?: number
  now?: () => number
  /** Starts a multi-seed worker (the browser's `sim compare --seeds`), and how many to use. */
  startSeedWorker?: () => SeedPortLike
  seedWorkers?: number
}

const STALL_TEXT = 'The simulation is not responding. It may be stuck in a planner; restart it to go on.'

export function createSession(startPort: () => SimPortLike, options: SessionOptions = {}): Session {
  const app = createAppStore()
  const now = options.now ?? (() => performance.now())
  const stallMs = options.stallMs ?? 10_000
  let port = startPort()
  let frame: FrameHolder = { current: null }
  let orbitBooks: OrbitBook[] = []
  let lastLoad: { request: LoadRequest; stress: number | null } | null = null
  let pending: { request: LoadRequest; stress: number | null } | null = null
  let lastHeard = now()
  let stalled = false
  let userStrategies: UserStrategyDef[] = []
  const frameListeners = new Set<() => void>()
  let lastShown = 0
  /** Frames received and not yet given back to the worker, oldest first (at most MAX_UNRETURNED). */
  let unreturned: FrameMessage[] = []

  const post = (message: ToWorker) => port.post(message)
  const exports = new ExportRequests()

  function onMessage(msg: FromWorker): void {
    lastHeard = now()
    if (stalled) {
      stalled = false
      app.setState({ messages: app.getState().messages.filter((m) => m.text !== STALL_TEXT) })
    }
    switch (msg.type) {
      case 'frame':
        if (msg.frames.length === app.getState().sims.length) {
          frame.current = msg
          unreturned.push(msg)
          // Nothing drawn for a while (a hidden page): let the collector have the old ones.
          if (unreturned.length > MAX_UNRETURNED) unreturned.shift()
          for (const fn of frameListeners) fn()
        }
        return
      case 'orbits': {
        const k = app.getState().strategies.indexOf(msg.strategy)
        if (k >= 0 && orbitBooks[k]) applyOrbits(orbitBooks[k], msg)
        return
      }
      case 'digest': {
        const s = app.getState()
        s.sims.forEach((sim, k) => {
          const d = msg.digests[k]
          if (d && d.strategy === sim.getState().strategy) sim.getState().applyDigest(d)
        })
        app.setState({
          timeS: msg.timeS,
          stepIndex: msg.stepIndex,
          playing: msg.playing,
          speed: msg.speed,
          done: msg.done,
          busy: msg.busy,
        })
        return
      }
      case 'loaded': {
        if (pending) lastLoad = pending
        pending = null
        frame = { current: null }
        orbitBooks = msg.strategies.map(() => emptyOrbitBook(msg.satelliteIds.length))
        lastShown = 0
        unreturned = []
        const s = app.getState()
        const sims = msg.strategies.map((name) => createSimStore(name, msg.planners[name] ?? []))
        const keepSelection = s.selected !== null && msg.satelliteIds.includes(s.selected)
        app.setState({
          loading: false,
          pendingFile: null,
          scenario: msg.scenario,
          file: msg.file,
          source: msg.source,
          satelliteIds: msg.satelliteIds,
          strategies: msg.strategies,
          strategyParams: msg.strategyParams ?? {},
          sims,
          seed: msg.seed,
          totalSteps: msg.totalSteps,
          snapshotEvery: msg.snapshotEvery,
          timeS: 0,
          stepIndex: 0,
          done: false,
          busy: null,
          selected: keepSelection ? s.selected : null,
          loadIssues: null,
          focusStrategy: Math.min(s.focusStrategy, sims.length - 1),
        })
        for (const note of [...msg.notes, ...(msg.scenario.warnings ?? [])]) pushMessage(app, 'note', note)
        // The scenario's own playback speed (a 24 h run at 60× would take 24 minutes).
        const speed = scenarioSpeed(msg.scenario)
        if (speed !== null && speed !== s.speed) {
          app.setState({ speed })
          post({ type: 'setSpeed', speed })
        }
        return
      }
      case 'loadError':
        pending = null
        app.setState({ pendingFile: null, loadIssues: { file: msg.file, issues: msg.issues } })
        return
      case 'error':
        pushMessage(app, 'error', msg.message)
        return
      case 'exported':
        exports.settle(msg)
        return
    }
  }

  port.listen(onMessage)

  const watchdog = setInterval(() => {
    const s = app.getState()
    const shouldTalk = s.playing || s.busy !== null || s.pendingFile !== null
    if (!stalled && shouldTalk && now() - lastHeard > stallMs) {
      stalled = true
      pushMessage(app, 'error', STALL_TEXT)
    }
  }, 1000)

  function currentSpec(): ScenarioSpec | null {
    return app.getState().scenario
  }

  const session: Session = {
    app,
    frame: () => frame,
    orbits: () => orbitBooks,
    frameShown(seq) {
      if (seq > lastShown) {
        lastShown = seq
        // Give back the buffers of frames two or more behind the one drawn now: nothing reads
        // them any more (a view still showing the previous frame may, so that one stays).
        const recycle: ArrayBuffer[] = []
        while (unreturned.length > 0 && (unreturned[0].seq ?? 0) < seq - 1) {
          for (const f of unreturned.shift()!.frames) {
            const buffers = [f.positionsKm, f.status, f.linkStation, f.taskState, f.taskSatellite]
            for (const b of buffers.map((a) => a?.buffer))
              if (b instanceof ArrayBuffer && b.byteLength > 0) recycle.push(b)
          }
        }
        if (recycle.length > 0) port.post({ type: 'frameShown', seq, recycle }, recycle)
        else post({ type: 'frameShown', seq })
      }
    },
    onFrame(fn) {
      frameListeners.add(fn)
      return () => frameListeners.delete(fn)
    },
    scenarioText: () => (lastLoad && lastLoad.stress === null ? lastLoad.request : null),
    seeds: options.startSeedWorker ? createSeedRuns(options.startSeedWorker, options.seedWorkers ?? 1) : null,
    loadText(request, wishes = {}) {
      pending = { request, stress: null }
      lastHeard = now()
      app.setState(
        wishes.selected !== undefined
          ? { pendingFile: request.file, selected: wishes.selected }
          : { pendingFile: request.file },
      )
      post({ type: 'load', ...request, ...wishes })
    },
    loadStress(satellites, wishes = {}) {
      pending = {
        request: { text: '', file: `stress-${satellites}`, source: { kind: 'stress', satellites } },
        stress: satellites,
      }
      lastHeard = now()
      app.setState({ pendingFile: `stress-${satellites}` })
      post({ type: 'loadStress', satellites, ...wishes })
    },
    play(speed) {
      lastHeard = now()
      post({ type: 'play', speed: speed ?? app.getState().speed })
    },
    pause: () => post({ type: 'pause' }),
    togglePlay() {
      if (app.getState().playing) session.pause()
      else session.play()
    },
    setSpeed(speed) {
      app.setState({ speed })
      post({ type: 'setSpeed', speed })
    },
    step: () => post({ type: 'step' }),
    stepBack: () => {
      lastHeard = now()
      post({ type: 'stepBack' })
    },
    seek(timeS) {
      const spec = currentSpec()
      if (!spec || !Number.isFinite(timeS)) return
      lastHeard = now()
      post({ type: 'seek', timeS: Math.max(0, Math.min(spec.durationS, timeS)) })
    },
    toStart: () => session.seek(0),
    toEnd() {
      const spec = currentSpec()
      if (spec) session.seek(spec.durationS)
    },
    nextEvent() {
      lastHeard = now()
      post({ type: 'nextEvent' })
    },
    select(satellite) {
      app.setState({ selected: satellite })
      post({ type: 'select', satellite })
    },
    setStrategies(strategies, seed) {
      if (strategies.length === 0) return
      lastHeard = now()
      post(
        seed === undefined
          ? { type: 'setStrategies', strategies }
          : { type: 'setStrategies', strategies, seed },
      )
    },
    setUserStrategies(strategies) {
      userStrategies = strategies
      post({ type: 'userStrategies', strategies })
    },
    setSeed(seed, typed) {
      if (!Number.isInteger(seed) || seed < 0 || seed >= 2 ** 32) {
        const shown = typed === undefined ? String(seed) : typed.trim().slice(0, 40)
        pushMessage(app, 'error', `A seed is an integer from 0 to 4294967295; "${shown}" is not.`)
        return
      }
      lastHeard = now()
      post({ type: 'setSeed', seed })
    },
    setTab: (tab) => app.setState({ tab }),
    requestExport(format) {
      const strategy = app.getState().strategies[0]
      if (strategy === undefined) return Promise.reject(new Error('Nothing is loaded to export.'))
      lastHeard = now()
      return exports.request(post, format, strategy)
    },
    restart() {
      const s = app.getState()
      exports.rejectAll('The simulation was restarted; export again.')
      port.terminate()
      port = startPort()
      port.listen(onMessage)
      if (userStrategies.length) post({ type: 'userStrategies', strategies: userStrategies })
      stalled = false
      app.setState({ messages: s.messages.filter((m) => m.text !== STALL_TEXT), playing: false, busy: null })
      const again = lastLoad
      if (!again) return
      const wishes: LoadWishes = {
        strategies: s.strategies,
        seed: s.seed ?? undefined,
        timeS: s.timeS,
        selected: s.selected,
      }
      if (again.stress !== null) session.loadStress(again.stress, { timeS: s.timeS })
      else session.loadText(again.request, wishes)
    },
    dispose() {
      clearInterval(watchdog)
      port.terminate()
    },
  }
  return session
}

/** The fixed speed a scenario asks for (the fastest of SPEEDS not above it), or null. */
export function scenarioSpeed(scenario: ScenarioSpec): Speed | null {
  const want = scenario.view?.speed
  if (!want) return null
  let best: Speed | null = null
  for (const sp of SPEEDS) if (typeof sp === 'number' && sp <= want) best = sp
  return best
}
