// The host: the engine's side of an isolation boundary around one user planner. It starts the
// planner's thread through a GuestTransport (Node: worker_threads, src/cli/isolation; browser:
// a Web Worker), gives every call a hard deadline, and turns whatever goes wrong into a
// PlanOutcome: a call that does not return in time is stopped (the thread is terminated), and
// a thread that runs out of memory, calls process.exit or crashes is gone; either way the
// planner is disabled for the rest of the run with a fault naming what happened, and the run
// goes on from the state before the call. Platform-neutral: no Node or DOM API here.

import type { EnginePlanner, PlanOutcome, PortableViewData, ScenarioSpec } from '../../core'
import type { GuestMessage, HostMessage, PlannerManifest } from './protocol'

/** One isolated thread running guest.ts, as the platform provides it. */
export interface GuestTransport {
  /** Sends a message to the guest (structured clone). */
  post(message: HostMessage): void
  /** Sets the receiver of every message from the guest. */
  onMessage(handler: (message: GuestMessage) => void): void
  /**
   * Sets the receiver of the thread's end, called at most once, with what happened in words:
   * "ran out of memory (512 MB)", "called process.exit(0)", "crashed: …". Not called after
   * terminate().
   */
  onExit(handler: (reason: string) => void): void
  /** Stops the thread now, whatever it is doing. */
  terminate(): void
  /** Words added to a deadline fault (an agent process's last standard-error output). */
  detail?(): string
  /**
   * Whether the guest can wait awake for a call (a Node worker thread can receive
   * synchronously; a browser worker cannot): then the host sends 'wake' before packing.
   */
  readonly wakeable?: boolean
}

/** Starts a fresh thread with the planner module loaded in it. */
export type StartGuest = () => GuestTransport

/** Default deadline of one planner call (and the CLI's --planner-timeout default). */
export const DEFAULT_PLANNER_TIMEOUT_MS = 5000
/** Loading a module (and compiling it) may take longer than a call; a hang still ends. */
const MIN_LOAD_TIMEOUT_MS = 10_000

/** "5 s", "250 ms": how a deadline reads in a fault. */
export function formatDeadline(ms: number): string {
  return ms >= 1000 && ms % 100 === 0 ? `${ms / 1000} s` : `${ms} ms`
}

type Waited = { message: GuestMessage } | { exit: string } | { timeout: true }

/** Warnings about errors outside plan() shown per planner; the rest are counted, not shown. */
export const MAX_STRAY_WARNINGS = 3

/** Passes on the first MAX_STRAY_WARNINGS warnings, then says once that it stops. */
function boundedWarn(warn: (message: string) => void): (message: string) => void {
  let shown = 0
  return (message) => {
    shown++
    if (shown <= MAX_STRAY_WARNINGS) warn(message)
    else if (shown === MAX_STRAY_WARNINGS + 1) warn('more errors outside plan() are not shown')
  }
}

/** One thread and the one answer the host is waiting for (calls never overlap). */
class Session {
  private waiter: ((w: Waited) => void) | null = null
  private exited: string | null = null
  private readonly t: GuestTransport

  constructor(start: StartGuest, warn: (message: string) => void, restarts = true) {
    this.t = start()
    this.t.onMessage((m) => {
      if (m.type === 'stray') return warn(`an error outside plan() (ignored): ${m.message}`)
      const w = this.waiter
      this.waiter = null
      w?.({ message: m })
    })
    this.t.onExit((reason) => {
      this.exited = reason
      const w = this.waiter
      this.waiter = null
      if (w) w({ exit: reason })
      else if (restarts) warn(`its thread ended between calls (${reason}); a new one starts at the next call`)
    })
  }

  /** Why the thread ended, or null while it runs. */
  get endReason(): string | null {
    return this.exited
  }

  get alive(): boolean {
    return this.exited === null
  }

  post(m: HostMessage): void {
    this.t.post(m)
  }

  get wakeable(): boolean {
    return this.t.wakeable === true
  }

  /** The next message, the thread's end, or the deadline (which terminates the thread). */
  wait(timeoutMs: number): Promise<Waited> {
    if (this.exited !== null) return Promise.resolve({ exit: this.exited })
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiter = null
        this.kill()
        resolve({ timeout: true })
      }, timeoutMs)
      this.waiter = (w) => {
        clearTimeout(timer)
        resolve(w)
      }
    })
  }

  kill(): void {
    if (this.exited === null) this.exited = 'terminated'
    this.t.terminate()
  }

  detail(): string {
    return this.t.detail?.() ?? ''
  }
}

const noWarn = () => {}

/** Why a thread loading a module did not say 'loaded' within `loadMs`, in words. */
function loadProblems(w: Waited, loadMs: number): string[] {
  if ('timeout' in w) return [`did not finish loading within ${formatDeadline(loadMs)}`]
  if ('exit' in w) return [`its thread ended while loading: ${w.exit}`]
  if (w.message.type === 'loadFailed') return w.message.problems
  return [`unexpected message "${w.message.type}" while loading`]
}

/** Loads a module in a throwaway thread and describes its planners, or says why it cannot. */
export async function probePlannerModule(
  start: StartGuest,
  timeoutMs = DEFAULT_PLANNER_TIMEOUT_MS,
): Promise<{ planners: PlannerManifest[] } | { problems: string[] }> {
  const s = new Session(start, noWarn)
  try {
    const loadMs = Math.max(timeoutMs, MIN_LOAD_TIMEOUT_MS)
    const w = await s.wait(loadMs)
    if ('message' in w && w.message.type === 'loaded') return { planners: w.message.planners }
    return { problems: loadProblems(w, loadMs) }
  } finally {
    s.kill()
  }
}

export interface IsolatedPlannerOptions {
  start: StartGuest
  manifest: PlannerManifest
  /** The scenario and the engine's telemetry window (the guest rebuilds views from them). */
  spec: ScenarioSpec
  telemetryWindow: number
  /** The strategy's raw parameters for this planner (validated by the guest). */
  params: unknown
  timeoutMs?: number
  /**
   * Whether a thread that ended between calls is started again at the next call (default).
   * An agent process is not: it may hold state, so its end disables it like a crash in a call.
   */
  restart?: boolean
  /** Errors outside any call, and threads lost between calls: shown, never part of a report. */
  onWarning?: (message: string) => void
}

/** An EnginePlanner whose calls cross the boundary; dispose() ends its thread. */
export type IsolatedPlanner = EnginePlanner & {
  dispose(): void
  /** Milliseconds the guest took to rebuild the view for the last call (for benchmarks). */
  lastRebuildMs(): number
}

/**
 * Starts the planner's thread and checks its parameters there. Resolves to the planner, or to
 * the problems (invalid parameters, a module that no longer loads).
 */
export async function createIsolatedPlanner(
  o: IsolatedPlannerOptions,
): Promise<{ planner: IsolatedPlanner } | { problems: string[] }> {
  const timeoutMs = o.timeoutMs ?? DEFAULT_PLANNER_TIMEOUT_MS
  const id = o.manifest.id
  const warn = boundedWarn((m: string) => o.onWarning?.(`planner ${id}: ${m}`))
  let session: Session | null = null
  let known = 0
  let seq = 0
  let rebuildMs = 0

  async function open(): Promise<string[]> {
    const s = new Session(o.start, warn, o.restart !== false)
    session = s
    known = 0
    const loadMs = Math.max(timeoutMs, MIN_LOAD_TIMEOUT_MS)
    const loaded = await s.wait(loadMs)
    if (!('message' in loaded) || loaded.message.type !== 'loaded') {
      s.kill()
      return loadProblems(loaded, loadMs)
    }
    s.post({
      type: 'init',
      plannerId: id,
      spec: o.spec,
      telemetryWindow: o.telemetryWindow,
      params: o.params,
    })
    const ready = await s.wait(loadMs)
    if ('message' in ready && ready.message.type === 'ready') {
      if (ready.message.problems.length) s.kill()
      return ready.message.problems
    }
    s.kill()
    if ('timeout' in ready) return [`did not answer within ${formatDeadline(loadMs)}`]
    if ('exit' in ready) return [`its thread ended: ${ready.exit}`]
    return [`unexpected message "${ready.message.type}" while checking its parameters`]
  }

  async function call(_timeS: number, data: PortableViewData): Promise<PlanOutcome> {
    const gone = session as Session | null
    if (gone && !gone.alive && o.restart === false)
      return { ok: false, fault: `${gone.endReason} (between calls)`, disable: true }
    if (!session?.alive) {
      const problems = await open()
      if (problems.length)
        return { ok: false, fault: `could not be restarted: ${problems.join('; ')}`, disable: true }
    }
    const s = session as unknown as Session
    const n = ++seq
    s.post({ type: 'plan', call: n, data })
    known = data.telemetry.count
    const w = await s.wait(timeoutMs)
    if ('timeout' in w)
      return {
        ok: false,
        fault: `did not return within ${formatDeadline(timeoutMs)}${s.detail()}`,
        disable: true,
      }
    if ('exit' in w) return { ok: false, fault: w.exit, disable: true }
    const m = w.message
    if (m.type !== 'planned' || m.call !== n) {
      s.kill()
      return { ok: false, fault: `answered out of turn ("${m.type}")`, disable: true }
    }
    rebuildMs = m.rebuildMs
    return m.ok
      ? { ok: true, read: m.read, ms: m.ms }
      : // A user's planner that throws is stopped like one that hangs: the contract is
        // that a faulty module is named once and the run goes on without it.
        { ok: false, fault: m.error, disable: true, ms: m.ms }
  }

  const problems = await open()
  if (problems.length) return { problems }
  return {
    planner: {
      id,
      kind: o.manifest.kind,
      triggers: o.manifest.triggers,
      isolated: {
        telemetryKnown: () => (session?.alive ? known : 0),
        call,
        prepare: () => {
          if (session?.alive && session.wakeable) session.post({ type: 'wake' })
        },
      },
      dispose: () => session?.kill(),
      lastRebuildMs: () => rebuildMs,
    },
  }
}
