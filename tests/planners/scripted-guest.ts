// A GuestTransport whose guest the test scripts. By default it behaves as guest.ts does (loads,
// accepts its parameters, answers every call with no decisions); a test replaces any step to
// make the thread misbehave — answer out of turn, stay silent, end — and reads what the host
// did to it: the messages it was sent and how often it was terminated. Replies arrive on a
// later microtask, as a thread's would after the host has started waiting; a terminated or
// ended thread delivers nothing more (GuestTransport: no exit notice after terminate()).

import type { GuestTransport, StartGuest } from '../../src/planners/isolation/host'
import type { GuestMessage, HostMessage, PlannerManifest } from '../../src/planners/isolation/protocol'

export const SCRIPTED_MANIFEST: PlannerManifest = {
  id: 'allocation/scripted',
  kind: 'allocation',
  label: 'Scripted',
  description: 'A guest the test plays.',
  triggers: [],
  paramsJsonSchema: null,
  defaultParams: {},
}

export interface ScriptedThread {
  /** What the host sent this thread, in order. */
  received: HostMessage[]
  /** How often the host called terminate(). */
  terminated: number
  /** Whether the thread still delivers (neither terminated nor ended). */
  running(): boolean
  /** Sends a message to the host on a later microtask. */
  reply(m: GuestMessage): void
  /** Sends a message to the host now, from the caller's stack. */
  sendNow(m: GuestMessage): void
  /** Ends the thread with that reason: on a later microtask, or `now`. */
  end(reason: string, now?: boolean): void
}

export interface GuestScript {
  /** What a new thread does first (default: 'loaded' with SCRIPTED_MANIFEST). */
  start?(t: ScriptedThread): void
  /** The answer to 'init' (default: 'ready', no problems). */
  init?(m: HostMessage & { type: 'init' }, t: ScriptedThread): void
  /** The answer to 'plan' (default: 'planned', no decisions, 1 ms, rebuilt in 2 ms). */
  plan?(m: HostMessage & { type: 'plan' }, t: ScriptedThread): void
}

export const NO_DECISIONS = { ok: true as const, items: [], total: 0 }

export function scriptedGuest(
  script: GuestScript = {},
  wakeable = false,
): { start: StartGuest; threads: ScriptedThread[] } {
  const threads: ScriptedThread[] = []
  const start: StartGuest = (): GuestTransport => {
    let toHost: (m: GuestMessage) => void = () => {}
    let onExit: (reason: string) => void = () => {}
    let open = true
    const t: ScriptedThread = {
      received: [],
      terminated: 0,
      running: () => open,
      reply: (m) => {
        void Promise.resolve().then(() => open && toHost(m))
      },
      sendNow: (m) => toHost(m),
      end: (reason, now = false) => {
        const exit = () => {
          if (!open) return
          open = false
          onExit(reason)
        }
        if (now) exit()
        else void Promise.resolve().then(exit)
      },
    }
    threads.push(t)
    const transport: GuestTransport = {
      wakeable,
      post: (m) => {
        t.received.push(m)
        if (!open) return
        if (m.type === 'init') (script.init ?? ((_m, th) => th.reply({ type: 'ready', problems: [] })))(m, t)
        if (m.type === 'plan')
          (
            script.plan ??
            ((pm, th) =>
              th.reply({ type: 'planned', call: pm.call, ok: true, read: NO_DECISIONS, ms: 1, rebuildMs: 2 }))
          )(m, t)
      },
      onMessage: (h) => (toHost = h),
      onExit: (h) => (onExit = h),
      terminate: () => {
        t.terminated++
        open = false
      },
    }
    ;(script.start ?? ((th) => th.reply({ type: 'loaded', planners: [SCRIPTED_MANIFEST] })))(t)
    return transport
  }
  return { start, threads }
}
