// The Web Worker entry: wires the runner to `postMessage`. Everything else lives in runner.ts,
// which has no Worker API and is tested in Node.

import type { FromWorker, ToWorker } from './protocol'
import { SimRunner } from './runner'

const scope = self as unknown as {
  postMessage(message: FromWorker, transfer?: Transferable[]): void
  addEventListener(type: 'message', fn: (e: MessageEvent<ToWorker>) => void): void
  addEventListener(type: 'error' | 'unhandledrejection', fn: (e: Event) => void): void
}

const runner = new SimRunner({
  post: (message, transfer) => scope.postMessage(message, transfer ?? []),
  now: () => performance.now(),
  schedule: (fn, ms) => setTimeout(fn, ms),
  cancel: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
})

scope.addEventListener('message', (e) => runner.handle(e.data))
scope.addEventListener('unhandledrejection', (e) => {
  const reason = (e as PromiseRejectionEvent).reason
  scope.postMessage({
    type: 'error',
    message: `worker: ${reason instanceof Error ? reason.message : reason}`,
  })
})
