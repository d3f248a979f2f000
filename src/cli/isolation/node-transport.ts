// The Node side of the isolation boundary: each user planner runs in its own worker_threads
// Worker (planner-worker.mjs → planner-worker-main.ts → the guest), with a heap cap from
// resourceLimits. The Worker's 'error' and 'exit' events tell what ended a thread: running out
// of heap (ERR_WORKER_OUT_OF_MEMORY), process.exit inside the planner, or a crash. Memory
// outside the heap (typed arrays) is not covered by resourceLimits, so a watchdog also stops
// the thread when the process's resident memory grows past the cap.

import { resolve } from 'node:path'
import { Worker } from 'node:worker_threads'
import { describeThrown } from '../../core'
import type { GuestTransport, StartGuest } from '../../planners/isolation/host'

/** Default heap cap per planner thread, MB. */
export const DEFAULT_PLANNER_MEMORY_MB = 512
/** How often the off-heap watchdog looks at the process's resident memory. */
const WATCH_MS = 25
const MB = 1024 * 1024

export interface NodeGuestOptions {
  memoryMb?: number
}

/** A StartGuest that runs the planner module at `file` in a fresh worker thread. */
export function nodeGuest(file: string, options: NodeGuestOptions = {}): StartGuest {
  const memoryMb = options.memoryMb ?? DEFAULT_PLANNER_MEMORY_MB
  const path = resolve(file)
  return (): GuestTransport => {
    const worker = new Worker(new URL('./planner-worker.mjs', import.meta.url), {
      workerData: { file: path },
      resourceLimits: { maxOldGenerationSizeMb: memoryMb, maxYoungGenerationSizeMb: 32 },
      // A planner's console output goes to standard error, never into a report on stdout.
      stdout: true,
      stderr: true,
    })
    worker.stdout.pipe(process.stderr)
    worker.stderr.pipe(process.stderr)
    // The CLI ends when its work is done, whatever planner threads are still around.
    worker.unref()
    let ended = false
    let cause: string | null = null
    let exitHandler: (reason: string) => void = () => {}
    const outOfMemory = `ran out of memory (${memoryMb} MB)`
    const finish = (reason: string) => {
      if (ended) return
      ended = true
      clearInterval(watch)
      exitHandler(reason)
    }
    const ceiling = process.memoryUsage.rss() + (memoryMb + 256) * MB
    const watch = setInterval(() => {
      if (process.memoryUsage.rss() <= ceiling) return
      void worker.terminate()
      finish(outOfMemory)
    }, WATCH_MS)
    watch.unref()
    worker.on('error', (err: Error & { code?: string }) => {
      cause = err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? outOfMemory : `crashed: ${describeThrown(err)}`
    })
    worker.on('exit', (code) => finish(cause ?? `called process.exit(${code})`))
    return {
      wakeable: true,
      post: (m) => worker.postMessage(m),
      onMessage: (h) => worker.on('message', h),
      onExit: (h) => {
        exitHandler = h
      },
      terminate: () => {
        ended = true
        clearInterval(watch)
        void worker.terminate()
      },
    }
  }
}
