// An in-memory GuestTransport: the guest runs in this thread, and every message is
// structured-cloned and delivered on a later turn, as across a real thread boundary. It proves
// the protocol and the view rebuild without a thread; terminate() simply stops delivery.

import type { AnyPlanner } from '../../src/planners'
import { type Guest, startGuest } from '../../src/planners/isolation/guest'
import type { GuestTransport, StartGuest } from '../../src/planners/isolation/host'
import type { GuestMessage, HostMessage } from '../../src/planners/isolation/protocol'

/**
 * `started` counts the threads started; with `strays`, this process's unhandled rejections
 * while the guest is open go to the guest as errors outside plan() (a thread's entry does that).
 */
export function memoryGuest(
  exported: AnyPlanner | AnyPlanner[] | unknown,
  started?: { count: number },
  strays = false,
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
    setImmediate(() => {
      guest = startGuest({ post: (m) => later(() => toHost, m), onMessage: (h) => (toGuest = h) }, exported, {
        clock: () => performance.now(),
      })
    })
    return {
      post: (m) => later(() => toGuest, m),
      onMessage: (h) => (toHost = h),
      onExit: () => {},
      terminate: () => {
        open = false
        process.off('unhandledRejection', onRejection)
      },
    }
  }
}
