// Digest building: the low-rate, plain-data picture of one engine for the UI's stores. The event
// log and the metric series only grow within a run (re-simulating after a step back logs the same
// prefix), so `EngineLog` keeps the furthest history seen and each digest carries what is new
// since the previous one plus the current length.

import { METRICS, type MetricKey, type SimEvent, type Simulation, STATUS_NAMES } from '../core'
import { type ContactCache, satelliteDetail } from './detail'
import { EVENT_CATEGORY, type FleetCounts, type StrategyDigest, type TaskCounts } from './protocol'

function emptyValues(): Record<MetricKey, (number | null)[]> {
  const out = {} as Record<MetricKey, (number | null)[]>
  for (const m of METRICS) out[m.key] = []
  return out
}

/** The furthest event log and metric series of one engine in this run, and how much was sent. */
export class EngineLog {
  /** The furthest event log seen (the engine's current log is its prefix). */
  readonly history: SimEvent[] = []
  private sentEvents = 0
  private readonly seriesT: number[] = []
  private readonly seriesValues = emptyValues()
  private sentSeries = 0

  /** Takes in what the engine logged and sampled beyond the furthest history seen. */
  harvest(sim: Simulation): void {
    const events = sim.events()
    for (let i = this.history.length; i < events.length; i++) this.history.push(events[i])
    const series = sim.series()
    for (let i = this.seriesT.length; i < series.t.length; i++) {
      this.seriesT.push(series.t[i])
      for (const m of METRICS) this.seriesValues[m.key].push(series.values[m.key][i] ?? null)
    }
  }

  /** Time of the next event worth stopping for after the engine's now, known from an earlier pass. */
  nextKnownEvent(sim: Simulation): number | null {
    const now = sim.time()
    for (let i = sim.events().length; i < this.history.length; i++) {
      const ev = this.history[i]
      if (EVENT_CATEGORY[ev.type] && ev.t > now) return ev.t
    }
    return null
  }

  /** Events and samples not sent yet; marks them sent. */
  takeNew(): Pick<StrategyDigest, 'newEvents' | 'newSeries'> {
    const newEvents = { from: this.sentEvents, events: this.history.slice(this.sentEvents) }
    this.sentEvents = this.history.length
    const from = this.sentSeries
    const values = emptyValues()
    for (const m of METRICS) values[m.key] = this.seriesValues[m.key].slice(from)
    const newSeries = { from, t: this.seriesT.slice(from), values }
    this.sentSeries = this.seriesT.length
    return { newEvents, newSeries }
  }
}

/** Whether the engine logged an event worth stopping for at index `from` or later. */
export function loggedInteresting(sim: Simulation, from: number): boolean {
  const events = sim.events()
  for (let i = from; i < events.length; i++) if (EVENT_CATEGORY[events[i].type]) return true
  return false
}

export interface DigestSource {
  name: string
  sim: Simulation
  log: EngineLog
}

/** One engine's digest; `selected` is the satellite id the inspector shows, or null. */
export function strategyDigest(
  e: DigestSource,
  selected: string | null,
  contacts: ContactCache,
): StrategyDigest {
  const s = e.sim.state()
  const { newEvents, newSeries } = e.log.takeNew()
  const tasks: TaskCounts = {
    known: s.knownTasks,
    pending: 0,
    open: 0,
    captured: 0,
    delivered: 0,
    expired: 0,
  }
  for (let q = 0; q < s.knownTasks; q++) tasks[s.tasks[q].state]++
  const fleet: FleetCounts = {
    total: s.status.length,
    nominal: 0,
    alert: 0,
    failed: 0,
    maneuvering: 0,
    safe: 0,
    decayed: 0,
  }
  for (let k = 0; k < s.status.length; k++) fleet[STATUS_NAMES[s.status[k]]]++
  return {
    strategy: e.name,
    metrics: e.sim.metrics(),
    eventCount: e.sim.events().length,
    newEvents,
    seriesCount: e.sim.series().t.length,
    newSeries,
    tasks,
    fleet,
    alerts: s.alerts.map((a) => ({ ...a })),
    conjunctions: s.conjunctions.map((c) => ({
      satellite: c.satellite,
      tcaS: c.tcaS,
      predictedMissM: c.predictedMissM,
    })),
    selected: selected === null ? null : satelliteDetail(e.name, e.sim, selected, contacts),
  }
}
