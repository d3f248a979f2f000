// Inside an isolated planner's worker thread: catch what the planner's code may throw outside
// a call (timers, unawaited promises) before anything else runs, import the user's module by
// path, and hand its export to the platform-neutral guest.

import { pathToFileURL } from 'node:url'
import { parentPort, receiveMessageOnPort, workerData } from 'node:worker_threads'
import { describeThrown } from '../../core'
import { type Guest, startGuest } from '../../planners/isolation/guest'
import type { GuestMessage, HostMessage } from '../../planners/isolation/protocol'

const port = parentPort
if (!port) throw new Error('planner-worker-main.ts runs only as a worker thread')

let guest: Guest | null = null
const early: unknown[] = []
const stray = (err: unknown) => (guest ? guest.stray(err) : early.push(err))
process.on('uncaughtException', stray)
process.on('unhandledRejection', stray)

const { file } = workerData as { file: string }
let exported: unknown
let loadError: string | undefined
try {
  const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>
  exported = mod.default ?? mod.planner ?? mod.planners
} catch (err) {
  const code = (err as NodeJS.ErrnoException)?.code
  loadError = code === 'ERR_MODULE_NOT_FOUND' ? 'no such file' : describeThrown(err)
}
guest = startGuest(
  {
    post: (m: GuestMessage) => port.postMessage(m),
    onMessage: (h: (m: HostMessage) => void) => port.on('message', h),
    receiveNow: () => receiveMessageOnPort(port)?.message as HostMessage | undefined,
  },
  exported,
  { clock: () => performance.now(), loadError },
)
for (const err of early) guest.stray(err)
