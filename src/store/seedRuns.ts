// The browser's multi-seed compare: runs every shown strategy over seeds 1..N in a few Web Workers
// (jobs dealt round-robin), gathers the metrics and turns them into per-strategy statistics with
// core's seedStats — the numbers `sim compare --json --seeds 1..N` prints. A vanilla zustand
// store; the workers come from a factory so tests drive it with fakes.

import { createStore, type StoreApi } from 'zustand/vanilla'
import { METRICS, type MetricKey } from '../core/metrics'
import { type SeedStats, seedStats } from '../core/seed-stats'
import type { FromSeedWorker, SeedJob, SeedResult, ToSeedWorker } from '../worker/seed-protocol'
import { MAX_SEEDS } from '../worker/seed-protocol'

export interface SeedPortLike {
  post(message: ToSeedWorker): void
  listen(fn: (message: FromSeedWorker) => void): void
  terminate(): void
}

export interface SeedMetricStats extends SeedStats {
  /** Per seed (in `seeds` order) the value, or null. */
  perSeed: (number | null)[]
}

export interface SeedTable {
  scenario: string
  strategies: string[]
  seeds: number[]
  /** Per strategy (in `strategies` order), per metric, the statistics over seeds. */
  stats: Partial<Record<MetricKey, SeedMetricStats>>[]
}

export interface SeedRunState {
  status: 'idle' | 'running' | 'done' | 'failed'
  done: number
  total: number
  table: SeedTable | null
  error: string | null
}

export interface SeedRuns {
  store: StoreApi<SeedRunState>
  /** Starts a run (stopping one in progress); `count` seeds 1..count, 1 to MAX_SEEDS. */
  run(request: { scenario: string; text: string; file: string }, strategies: string[], count: number): void
  cancel(): void
}

export function createSeedRuns(start: () => SeedPortLike, workers: number): SeedRuns {
  const store = createStore<SeedRunState>()(() => ({
    status: 'idle',
    done: 0,
    total: 0,
    table: null,
    error: null,
  }))
  let ports: SeedPortLike[] = []
  let runId = 0

  function stop(): void {
    for (const p of ports) p.terminate()
    ports = []
  }

  return {
    store,
    cancel() {
      runId++
      stop()
      if (store.getState().status === 'running') store.setState({ status: 'idle' })
    },
    run(request, strategies, count) {
      stop()
      const id = ++runId
      if (!(Number.isInteger(count) && count >= 1 && count <= MAX_SEEDS)) {
        store.setState({ status: 'failed', error: `Choose 1 to ${MAX_SEEDS} seeds.` })
        return
      }
      const seeds = Array.from({ length: count }, (_, i) => i + 1)
      const jobs: SeedJob[] = seeds.flatMap((seed) => strategies.map((strategy) => ({ strategy, seed })))
      const results: SeedResult[] = []
      store.setState({ status: 'running', done: 0, total: jobs.length, table: null, error: null })
      const n = Math.max(1, Math.min(workers, jobs.length))
      for (let w = 0; w < n; w++) {
        const port = start()
        ports.push(port)
        port.listen((msg) => {
          if (id !== runId) return
          if (msg.type === 'failed') {
            stop()
            store.setState({ status: 'failed', error: msg.message })
            return
          }
          if (msg.id !== id) return
          results.push(msg.result)
          store.setState({ done: results.length })
          if (results.length === jobs.length) {
            stop()
            store.setState({ status: 'done', table: seedTable(request.scenario, strategies, seeds, results) })
          }
        })
        port.post({
          type: 'run',
          id,
          text: request.text,
          file: request.file,
          jobs: jobs.filter((_, j) => j % n === w),
        })
      }
    },
  }
}

/** Per strategy and metric, the statistics over the seeds (metrics no run reported are left out). */
export function seedTable(
  scenario: string,
  strategies: string[],
  seeds: number[],
  results: readonly SeedResult[],
): SeedTable {
  const stats = strategies.map((strategy) => {
    const runs = seeds.map((seed) => results.find((r) => r.strategy === strategy && r.seed === seed))
    const out: Partial<Record<MetricKey, SeedMetricStats>> = {}
    for (const def of METRICS) {
      if (!runs.some((r) => r && def.key in r.metrics)) continue
      const perSeed = runs.map((r) => r?.metrics[def.key] ?? null)
      out[def.key] = { perSeed, ...seedStats(perSeed) }
    }
    return out
  })
  return { scenario, strategies, seeds, stats }
}
