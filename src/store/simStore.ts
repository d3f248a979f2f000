// One store per strategy shown: the low-rate picture of its run (metrics, event log, metric
// series, counts, alerts, the selected satellite's detail). Compare mode simply makes several.
// Vanilla zustand: no React here; the UI binds with `useStore`.
//
// The event log and the series arrive incrementally (see worker/protocol.ts). The store keeps
// the furthest history seen in this run — the timeline marks what happened even after a step
// back — and `eventCount` / `seriesCount` say how much of it is "now".

import { createStore, type StoreApi } from 'zustand/vanilla'
import type { AlertView, MetricKey, MetricValues, SimEvent } from '../core'
import { METRICS } from '../core/metrics'
import type {
  FleetCounts,
  PlannerInfo,
  SatelliteDetail,
  StrategyDigest,
  TaskCounts,
} from '../worker/protocol'

export interface SimStoreState {
  strategy: string
  planners: PlannerInfo[]
  metrics: MetricValues | null
  /** The furthest event log seen; events[0, eventCount) is the log now. */
  history: SimEvent[]
  eventCount: number
  seriesT: number[]
  seriesValues: Record<MetricKey, (number | null)[]>
  seriesCount: number
  tasks: TaskCounts | null
  fleet: FleetCounts | null
  alerts: AlertView[]
  conjunctions: StrategyDigest['conjunctions']
  selected: SatelliteDetail | null
  /** Bumped on every digest, so views that read the arrays know to redraw. */
  revision: number
  applyDigest(digest: StrategyDigest): void
}

export type SimStore = StoreApi<SimStoreState>

function emptyValues(): Record<MetricKey, (number | null)[]> {
  const out = {} as Record<MetricKey, (number | null)[]>
  for (const m of METRICS) out[m.key] = []
  return out
}

/** Appends `items` at index `from`, dropping anything already there (it is the same data). */
function spliceAt<T>(list: T[], from: number, items: readonly T[]): T[] {
  if (items.length === 0 && from >= list.length) return list
  const start = Math.max(0, Math.min(from, list.length))
  return [...list.slice(0, start), ...items]
}

export function createSimStore(strategy: string, planners: PlannerInfo[] = []): SimStore {
  return createStore<SimStoreState>()((set, get) => ({
    strategy,
    planners,
    metrics: null,
    history: [],
    eventCount: 0,
    seriesT: [],
    seriesValues: emptyValues(),
    seriesCount: 0,
    tasks: null,
    fleet: null,
    alerts: [],
    conjunctions: [],
    selected: null,
    revision: 0,
    applyDigest(d) {
      const s = get()
      const history = spliceAt(s.history, d.newEvents.from, d.newEvents.events)
      let seriesT = s.seriesT
      let seriesValues = s.seriesValues
      if (d.newSeries.t.length > 0 || d.newSeries.from < s.seriesT.length) {
        seriesT = spliceAt(s.seriesT, d.newSeries.from, d.newSeries.t)
        seriesValues = { ...s.seriesValues }
        for (const m of METRICS)
          seriesValues[m.key] = spliceAt(
            s.seriesValues[m.key],
            d.newSeries.from,
            d.newSeries.values[m.key] ?? [],
          )
      }
      set({
        metrics: d.metrics,
        history,
        eventCount: Math.min(d.eventCount, history.length),
        seriesT,
        seriesValues,
        seriesCount: Math.min(d.seriesCount, seriesT.length),
        tasks: d.tasks,
        fleet: d.fleet,
        alerts: d.alerts,
        conjunctions: d.conjunctions,
        selected: d.selected,
        revision: s.revision + 1,
      })
    },
  }))
}

/** The event log now (a prefix of the history). */
export function currentEvents(s: Pick<SimStoreState, 'history' | 'eventCount'>): SimEvent[] {
  return s.eventCount >= s.history.length ? s.history : s.history.slice(0, s.eventCount)
}
