// The browser side of the isolation boundary (src/planners/isolation/host.ts): each user planner
// runs in a Web Worker of its own (planner.worker.ts), started from the simulation worker. The
// first message hands the worker the module's text; from then on it speaks the isolation
// protocol. A deadline the host sets stops the worker with terminate(), which ends even a loop
// that never yields. Browsers offer no per-worker memory cap: a planner that allocates without
// bound is stopped by the deadline if its call does not return, and otherwise by the browser.

import type { GuestTransport, StartGuest } from '../../planners/isolation/host'
import type { GuestMessage } from '../../planners/isolation/protocol'

/** The first message to a planner worker: the module to load. */
export interface ModuleMessage {
  type: 'module'
  text: string
  file: string
}

/** A StartGuest that runs the module with this text in a fresh Web Worker per thread. */
export function webGuest(module: { text: string; file: string }): StartGuest {
  return (): GuestTransport => {
    const worker = new Worker(new URL('./planner.worker.ts', import.meta.url), {
      type: 'module',
      name: `planner ${module.file}`,
    })
    let ended = false
    let onExit: (reason: string) => void = () => {}
    const end = (reason: string) => {
      if (ended) return
      ended = true
      onExit(reason)
    }
    // Errors inside are caught there; one that reaches here means the worker itself failed.
    worker.addEventListener('error', (e) => {
      e.preventDefault()
      end(`crashed: ${e.message || 'an error the browser does not describe'}`)
    })
    worker.addEventListener('messageerror', () => end('crashed: a message from it could not be read'))
    const first: ModuleMessage = { type: 'module', text: module.text, file: module.file }
    worker.postMessage(first)
    return {
      post: (m) => worker.postMessage(m),
      onMessage: (h) => worker.addEventListener('message', (e: MessageEvent<GuestMessage>) => h(e.data)),
      onExit: (h) => {
        onExit = h
      },
      terminate: () => {
        ended = true
        worker.terminate()
      },
    }
  }
}
