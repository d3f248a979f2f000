// An in-memory GuestTransport: the guest runs in this thread, and every message is
// structured-cloned and delivered on a later turn, as across a real thread boundary. It proves
// the protocol and the view rebuild without a thread; terminate() simply stops delivery.

import type { AnyPlanner } from '../../src/planners'
import { startGuest } from '../../src/planners/isolation/guest'
import type { GuestTransport, StartGuest } from '../../src/planners/isolation/host'
import type { GuestMessage, HostMessage } from '../../src/planners/isolation/protocol'

export function memoryGuest(
  exported: AnyPlanner | AnyPlanner[] | unknown,
  started?: { count: number },
): StartGuest {
  return (): GuestTransport => {
    if (started) started.count++
    let open = true
    let toHost: (m: GuestMessage) => void = () => {}
    let toGuest: (m: HostMessage) => void = () => {}
    const later = <T>(deliver: () => (m: T) => void, m: T) => {
      const copy = structuredClone(m)
      setImmediate(() => open && deliver()(copy))
    }
    setImmediate(() =>
      startGuest({ post: (m) => later(() => toHost, m), onMessage: (h) => (toGuest = h) }, exported, {
        clock: () => performance.now(),
      }),
    )
    return {
      post: (m) => later(() => toGuest, m),
      onMessage: (h) => (toHost = h),
      onExit: () => {},
      terminate: () => {
        open = false
      },
    }
  }
}
