// An in-memory GuestTransport: the guest runs in this thread, and every message is
// structured-cloned and delivered on a later turn, as across a real thread boundary. It proves
// the protocol and the view rebuild without a thread; terminate() simply stops delivery.

import { z } from 'zod'
import type { AnyPlanner } from '../../src/planners'
import { type Guest, startGuest } from '../../src/planners/isolation/guest'
import type { GuestTransport, StartGuest } from '../../src/planners/isolation/host'
import type { GuestMessage, HostMessage } from '../../src/planners/isolation/protocol'

/** How often a wakeable guest took a call from its queue while awake (see memoryGuest). */
export interface WakeCounts {
  /** 'wake' messages delivered to the guest. */
  wakes: number
  /** Messages the guest took through receiveNow() instead of waiting for their delivery. */
  takenAwake: number
}

/**
 * `started` counts the threads started; with `strays`, this process's unhandled rejections
 * while the guest is open go to the guest as errors outside plan() (a thread's entry does that).
 * With `wake`, the transport is wakeable: the guest may take queued messages at once through
 * receiveNow(), as a Node worker thread does, and `wake` counts how often it did.
 */
export function memoryGuest(
  exported: AnyPlanner | AnyPlanner[] | unknown,
  started?: { count: number },
  strays = false,
  wake?: WakeCounts,
): StartGuest {
  return (): GuestTransport => {
    if (started) started.count++
    let open = true
    let guest: Guest | null = null
    const onRejection = (err: unknown) => guest?.stray(err)
    if (strays) process.on('unhandledRejection', onRejection)
    let toHost: (m: GuestMessage) => void = () => {}
    let toGuest: (m: HostMessage) => void = () => {}
    const later = <T>(deliver: () => (m: T) => void, m: T) => {
      const copy = structuredClone(m)
      setImmediate(() => open && deliver()(copy))
    }
    // Messages to the guest not yet delivered, oldest first: receiveNow() takes from here, and
    // a delivery whose message was taken already does nothing.
    const queue: HostMessage[] = []
    const toGuestLater = (m: HostMessage) => {
      const copy = structuredClone(m)
      queue.push(copy)
      setImmediate(() => {
        const at = queue.indexOf(copy)
        if (!open || at < 0) return
        queue.splice(at, 1)
        if (copy.type === 'wake' && wake) wake.wakes++
        toGuest(copy)
      })
    }
    const receiveNow = () => {
      const m = queue.shift()
      if (m && wake) wake.takenAwake++
      return m
    }
    setImmediate(() => {
      guest = startGuest(
        {
          post: (m) => later(() => toHost, m),
          onMessage: (h) => (toGuest = h),
          receiveNow: wake ? receiveNow : undefined,
        },
        exported,
        { clock: () => performance.now() },
      )
    })
    return {
      wakeable: wake !== undefined,
      post: toGuestLater,
      onMessage: (h) => (toHost = h),
      onExit: () => {},
      terminate: () => {
        open = false
        process.off('unhandledRejection', onRejection)
      },
    }
  }
}

/** A guest started on a port in this thread, no transport between: a unit of the guest alone. */
export interface PortGuest {
  guest: Guest
  /** Every message the guest posted, in order. */
  posted: GuestMessage[]
  /** Whether the guest listens for host messages (a guest whose module failed does not). */
  listening(): boolean
  /** Hands the guest a host message and waits until it has been handled. */
  deliver(m: HostMessage): Promise<void>
}

export function portGuest(
  exported: unknown,
  options: {
    clock?: () => number
    loadError?: string
    receiveNow?: () => HostMessage | undefined
    /** Replaces the recording post (e.g. one that throws); call `record` to keep a message. */
    post?: (m: GuestMessage, record: (m: GuestMessage) => void) => void
  } = {},
): PortGuest {
  const posted: GuestMessage[] = []
  const record = (m: GuestMessage) => posted.push(m)
  let handler: ((m: HostMessage) => void | Promise<void>) | null = null
  const guest = startGuest(
    {
      post: (m) => (options.post ? options.post(m, record) : record(m)),
      onMessage: (h) => (handler = h),
      receiveNow: options.receiveNow,
    },
    exported,
    { clock: options.clock ?? (() => 0), loadError: options.loadError },
  )
  return {
    guest,
    posted,
    listening: () => handler !== null,
    deliver: async (m) => {
      if (!handler) throw new Error('the guest does not listen')
      await handler(m)
    },
  }
}

/** What a module might export as a planner: the plugin shape (plugin-check.ts), over `over`. */
export function userPlanner(id: string, over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    kind: 'allocation',
    label: id,
    description: 'A test planner.',
    params: z.object({}),
    plan: () => [],
    ...over,
  }
}
