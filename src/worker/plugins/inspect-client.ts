// The UI's side of the inspector: one fresh Web Worker per question, terminated as soon as it
// answers, when it fails, or at the deadline — so a module that loops while loading costs the
// page nothing but the wait. Framework-free; tests pass a fake worker.

import { DEFAULT_PLANNER_TIMEOUT_MS } from '../../planners/isolation/host'
import type { FromInspector, ToInspector } from './inspect-protocol'

/**
 * How long a planner module may take to load and be described before it is stopped: the same
 * bound as a planner call's deadline (the CLI's --planner-timeout default).
 */
export const INSPECT_DEADLINE_MS = DEFAULT_PLANNER_TIMEOUT_MS

/** What the client needs of a worker. */
export interface InspectorWorker {
  post(message: ToInspector): void
  /** Called once with the answer, or with the reason the worker failed. */
  listen(onAnswer: (answer: FromInspector) => void, onFailure: (why: string) => void): void
  terminate(): void
}

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

const REAL_TIMERS: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
}

export type Inspect = (question: ToInspector) => Promise<FromInspector>

/** An `Inspect` that starts a worker per question and never leaves one running. */
export function createInspect(
  start: () => InspectorWorker,
  deadlineMs = INSPECT_DEADLINE_MS,
  timers: Timers = REAL_TIMERS,
): Inspect {
  return (question) =>
    new Promise((resolve) => {
      let worker: InspectorWorker | null = null
      let settled = false
      const finish = (answer: FromInspector) => {
        if (settled) return
        settled = true
        timers.clearTimeout(timer)
        worker?.terminate()
        resolve(answer)
      }
      const timer = timers.setTimeout(
        () =>
          finish({
            type: 'refused',
            issues: [
              { message: `it did not finish loading within ${deadlineMs / 1000} s, so it was stopped` },
            ],
          }),
        deadlineMs,
      )
      try {
        const w = start()
        worker = w
        w.listen(finish, (why) => finish({ type: 'refused', issues: [{ message: why }] }))
        w.post(question)
      } catch (err) {
        finish({ type: 'refused', issues: [{ message: `the inspector could not start: ${String(err)}` }] })
      }
    })
}

/** The browser's inspector worker. */
export function startInspectorWorker(): InspectorWorker {
  const worker = new Worker(new URL('./inspect.worker.ts', import.meta.url), {
    type: 'module',
    name: 'planner-inspector',
  })
  return {
    post: (message) => worker.postMessage(message),
    listen(onAnswer, onFailure) {
      worker.addEventListener('message', (e: MessageEvent<FromInspector>) => onAnswer(e.data))
      worker.addEventListener('error', (e) => {
        e.preventDefault()
        onFailure(`it failed while loading: ${e.message || 'an error the browser does not describe'}`)
      })
      worker.addEventListener('messageerror', () => onFailure('its description could not be read'))
    },
    terminate: () => worker.terminate(),
  }
}
