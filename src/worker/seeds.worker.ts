// The multi-seed Web Worker entry: runs the jobs it is given one after another and posts each
// result as it comes (see seed-job.ts; several of these workers share a multi-seed run).

import { runSeedJob } from './seed-job'
import type { FromSeedWorker, ToSeedWorker } from './seed-protocol'

const scope = self as unknown as {
  postMessage(message: FromSeedWorker): void
  addEventListener(type: 'message', fn: (e: MessageEvent<ToSeedWorker>) => void): void
}

scope.addEventListener('message', (e) => {
  const msg = e.data
  if (msg?.type !== 'run' || !Array.isArray(msg.jobs)) return
  for (const job of msg.jobs) {
    try {
      scope.postMessage({ type: 'result', id: msg.id, result: runSeedJob(msg.text, msg.file, job) })
    } catch (err) {
      scope.postMessage({
        type: 'failed',
        id: msg.id,
        message: err instanceof Error ? err.message : String(err),
      })
      return
    }
  }
})
