// The UI side of the worker: starts it and turns its failures into messages, so the app can
// show them and start a new one. The store's session talks to it through the `SimPort` shape.

import type { FromWorker, ToWorker } from './protocol'
import type { FromSeedWorker, ToSeedWorker } from './seed-protocol'

export interface SimPort {
  /** `transfer`: buffers handed over to the worker (they become unusable here). */
  post(message: ToWorker, transfer?: Transferable[]): void
  /** Replaces the listener for the worker's messages. */
  listen(fn: (message: FromWorker) => void): void
  terminate(): void
}

export function startSimWorker(): SimPort {
  const worker = new Worker(new URL('./sim.worker.ts', import.meta.url), {
    type: 'module',
    name: 'simulation',
  })
  let listener: (message: FromWorker) => void = () => {}
  worker.addEventListener('message', (e: MessageEvent<FromWorker>) => listener(e.data))
  worker.addEventListener('error', (e) => {
    e.preventDefault()
    listener({ type: 'error', message: `The simulation worker failed: ${e.message || 'unknown error'}` })
  })
  worker.addEventListener('messageerror', () => {
    listener({ type: 'error', message: 'A message from the simulation worker could not be read.' })
  })
  return {
    post: (message, transfer) => worker.postMessage(message, transfer ?? []),
    listen: (fn) => {
      listener = fn
    },
    terminate: () => worker.terminate(),
  }
}

/** The UI side of a multi-seed worker (seeds.worker.ts). */
export interface SeedPort {
  post(message: ToSeedWorker): void
  listen(fn: (message: FromSeedWorker) => void): void
  terminate(): void
}

export function startSeedWorker(): SeedPort {
  const worker = new Worker(new URL('./seeds.worker.ts', import.meta.url), { type: 'module', name: 'seeds' })
  let listener: (message: FromSeedWorker) => void = () => {}
  worker.addEventListener('message', (e: MessageEvent<FromSeedWorker>) => listener(e.data))
  worker.addEventListener('error', (e) => {
    e.preventDefault()
    listener({
      type: 'failed',
      id: -1,
      message: `A multi-seed worker failed: ${e.message || 'unknown error'}`,
    })
  })
  return {
    post: (message) => worker.postMessage(message),
    listen: (fn) => {
      listener = fn
    },
    terminate: () => worker.terminate(),
  }
}

/** Workers for a multi-seed run: one core is left to the page and the simulation worker. */
export function seedWorkerCount(): number {
  const cores = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency || 2 : 2
  return Math.max(1, Math.min(4, cores - 1))
}
