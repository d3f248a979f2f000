// The guest: runs inside an isolated thread (a Node worker thread or a browser Web Worker) next
// to one user planner module, and answers the host's messages (protocol.ts). Platform-neutral:
// the thread's entry loads the module its own way (Node: import by path; browser: a blob URL)
// and hands the exported value here, with a port to talk through.
//
// Each call rebuilds the WorldView with the engine's own pure code (createViewRebuilder), so the
// planner's decisions are byte-identical to an in-process call; the output is read here
// (readDecisions: plain copies, bounded) so only plain data crosses back.

import { createViewRebuilder, describeThrown, isThenable, readDecisions, type WorldView } from '../../core'
import { describePlanner } from '../describe'
import { manifestOf as toManifest } from '../manifest'
import type { AnyPlanner } from '../planner'
import { plannerProblems } from '../plugin-check'
import type { GuestMessage, HostMessage, PlannerManifest } from './protocol'

/** How the guest talks to its host: the thread entry wires these to its port. */
export interface GuestPort {
  post(message: GuestMessage): void
  onMessage(handler: (message: HostMessage) => void): void
  /**
   * The next message if one has arrived, else undefined, without waiting (Node:
   * receiveMessageOnPort). Optional: a browser worker has no such call and ignores 'wake'.
   */
  receiveNow?(): HostMessage | undefined
}

/** How long a woken guest waits awake for the call that a 'wake' announced, ms. */
const WAKE_SPIN_MS = 1

export interface Guest {
  /**
   * An error outside any call (the entry's uncaught-exception and unhandled-rejection hooks
   * call this): reported to the host as 'stray' and otherwise ignored, so a planner's timer
   * can neither crash its thread nor change a run's results.
   */
  stray(error: unknown): void
}

/** What the host and the app are told of a planner: the one description the app uses too. */
function manifestOf(p: AnyPlanner): PlannerManifest {
  return toManifest(describePlanner(p))
}

/** The module's planners, or every problem with them (a list export names each entry). */
export function modulePlanners(exported: unknown): { planners: AnyPlanner[] } | { problems: string[] } {
  if (exported === undefined) return { problems: ["export the planner as the module's default export"] }
  const list = Array.isArray(exported) ? exported : [exported]
  const problems: string[] = []
  list.forEach((p, k) => {
    for (const m of plannerProblems(p)) problems.push(list.length > 1 ? `[${k}] ${m}` : m)
  })
  return problems.length ? { problems } : { planners: list as AnyPlanner[] }
}

export interface GuestOptions {
  /**
   * Milliseconds, for the time each call spends inside plan() (the report's timing section).
   * Injected by the thread's entry: planners' code, this room included, reads no clock itself.
   */
  clock: () => number
  /** Why the module could not be loaded at all (the guest then only says so). */
  loadError?: string
}

/**
 * Starts answering the host. `exported` is the module's export: its default export, or a list
 * of planners.
 */
export function startGuest(port: GuestPort, exported: unknown, options: GuestOptions): Guest {
  const { clock: now, loadError } = options
  const post = (m: GuestMessage) => {
    try {
      port.post(m)
    } catch (err) {
      port.post({ type: 'stray', message: `a message could not be sent: ${describeThrown(err)}` })
    }
  }
  if (loadError !== undefined) {
    post({ type: 'loadFailed', problems: [`cannot load it: ${loadError}`] })
    return { stray: () => {} }
  }
  let found: ReturnType<typeof modulePlanners>
  try {
    found = modulePlanners(exported)
  } catch (err) {
    found = { problems: [`reading the export threw ${describeThrown(err)}`] }
  }
  if ('problems' in found) {
    post({ type: 'loadFailed', problems: found.problems })
    return { stray: () => {} }
  }
  const planners = found.planners
  let manifests: PlannerManifest[]
  try {
    manifests = planners.map(manifestOf)
  } catch (err) {
    post({ type: 'loadFailed', problems: [`reading the planner threw ${describeThrown(err)}`] })
    return { stray: () => {} }
  }
  let planner: AnyPlanner | undefined
  let params: unknown
  let rebuild: ((data: Parameters<ReturnType<typeof createViewRebuilder>>[0]) => WorldView) | undefined

  const receive = async (m: HostMessage): Promise<void> => {
    if (m.type === 'wake') {
      // Spin briefly for the 'plan' the host is packing, so the call does not pay this
      // thread's wake-up a second time; a bounded spin, then back to sleeping.
      if (!port.receiveNow) return
      // Looks at least once: a thread descheduled for over the spin's length (a loaded machine)
      // would otherwise give up without looking at a call that has long arrived.
      const until = now() + WAKE_SPIN_MS
      do {
        const next = port.receiveNow()
        if (next) return receive(next)
      } while (now() < until)
      return
    }
    if (m.type === 'init') {
      planner = planners.find((p) => p.id === m.plannerId)
      if (!planner) return post({ type: 'ready', problems: [`the module has no planner "${m.plannerId}"`] })
      try {
        const parsed = planner.params.safeParse(m.params ?? {})
        if (!parsed.success) {
          const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(params)'}: ${i.message}`)
          return post({ type: 'ready', problems: [issues.join('; ')] })
        }
        params = parsed.data
      } catch (err) {
        return post({ type: 'ready', problems: [`its params schema threw ${describeThrown(err)}`] })
      }
      rebuild = createViewRebuilder(m.spec, m.telemetryWindow)
      return post({ type: 'ready', problems: [] })
    }
    if (!planner || !rebuild) return post({ type: 'stray', message: 'a call came before init' })
    let view: WorldView
    const r0 = now()
    try {
      view = rebuild(m.data)
    } catch (err) {
      return post({
        type: 'planned',
        call: m.call,
        ok: false,
        error: `its view could not be rebuilt: ${describeThrown(err)}`,
        ms: 0,
        rebuildMs: now() - r0,
      })
    }
    const t0 = now()
    const rebuildMs = t0 - r0
    try {
      // Timed like an in-process call (planning.ts callPlanner): the plan and the reading of
      // its decisions, so the report's timing means the same on both sides of the boundary.
      // A synchronous plan() is read at once: awaiting it would cost a turn of the microtask
      // queue on every call, and this is the boundary's hot path.
      const out = planner.plan(view, params)
      const read = readDecisions(isThenable(out) ? await out : out)
      const ms = now() - t0
      post({ type: 'planned', call: m.call, ok: true, read, ms, rebuildMs })
    } catch (err) {
      post({
        type: 'planned',
        call: m.call,
        ok: false,
        error: `threw: ${describeThrown(err)}`,
        ms: now() - t0,
        rebuildMs,
      })
    }
  }
  port.onMessage(receive)
  post({ type: 'loaded', planners: manifests })
  return { stray: (err) => post({ type: 'stray', message: describeThrown(err) }) }
}
