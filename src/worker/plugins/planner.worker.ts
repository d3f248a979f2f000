// Inside a user planner's own Web Worker (started by web-guest.ts from the simulation worker):
// catch what the planner's code may throw outside a call (timers, unawaited promises) before
// anything else runs, evaluate the module's text with the app's loader (sucrase, a `require`
// that offers only zod) when the first message brings it, and hand its export to the
// platform-neutral guest (src/planners/isolation/guest.ts), which answers the host from then on.

import { type Guest, startGuest } from '../../planners/isolation/guest'
import type { GuestMessage, HostMessage } from '../../planners/isolation/protocol'
import { evaluatePlannerModule } from './module-loader'
import type { ModuleMessage } from './web-guest'

const scope = self as unknown as {
  postMessage(message: GuestMessage): void
  addEventListener(type: 'message', fn: (e: MessageEvent<ModuleMessage | HostMessage>) => void): void
  addEventListener(type: 'error', fn: (e: ErrorEvent) => void): void
  addEventListener(type: 'unhandledrejection', fn: (e: PromiseRejectionEvent) => void): void
}

let guest: Guest | null = null
let toGuest: ((m: HostMessage) => void) | null = null
const early: unknown[] = []
const stray = (err: unknown) => (guest ? guest.stray(err) : early.push(err))
scope.addEventListener('error', (e) => {
  e.preventDefault()
  stray(e.error ?? e.message)
})
scope.addEventListener('unhandledrejection', (e) => {
  e.preventDefault()
  stray(e.reason)
})

function begin(m: ModuleMessage): void {
  const run = evaluatePlannerModule(String(m.text), String(m.file))
  const loadError = run.ok
    ? undefined
    : run.issues.map((i) => (i.line !== undefined ? `line ${i.line}: ${i.message}` : i.message)).join('; ')
  guest = startGuest(
    {
      post: (g) => scope.postMessage(g),
      onMessage: (h) => {
        toGuest = h
      },
    },
    run.ok ? run.exported : undefined,
    { clock: () => performance.now(), loadError },
  )
  for (const err of early.splice(0)) guest.stray(err)
}

scope.addEventListener('message', (e) => {
  const m = e.data
  if (guest === null) {
    if (m?.type === 'module') begin(m)
    return
  }
  toGuest?.(m as HostMessage)
})
