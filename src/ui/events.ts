// What the UI makes of the event log: timeline markers (planned, from the scenario; happened,
// from the digests), the decision trace compare mode diffs, and the plain-language summary.
// Pure functions of plain data, tested in tests/ui.

import type { SimEvent, SimEventType } from '../core/events'
import type { ScenarioSpec, ScriptedEvent } from '../core/spec'
import { EVENT_CATEGORY, type EventCategory, type FleetCounts, type TaskCounts } from '../worker/protocol'
import { formatDuration, formatNumber, plural } from './format'

export const CATEGORY_LABEL: Record<EventCategory, string> = {
  failure: 'Failures',
  alert: 'Alerts',
  manoeuvre: 'Manoeuvres',
  outage: 'Outages',
  task: 'Tasks',
}

export const EVENT_LABEL: Record<SimEventType, string> = {
  degradationOnset: 'degradation',
  componentFailed: 'component failed',
  satelliteFailed: 'satellite failed',
  satelliteDecayed: 'satellite decayed',
  stationOutageStart: 'outage starts',
  stationOutageEnd: 'outage ends',
  solarStormStart: 'storm starts',
  solarStormEnd: 'storm ends',
  taskBurst: 'task burst',
  taskCaptured: 'captured',
  taskDelivered: 'delivered',
  taskExpired: 'expired',
  conjunctionWarning: 'conjunction',
  conjunctionPassed: 'conjunction passed',
  collision: 'collision',
  maneuverExecuted: 'manoeuvre',
  maneuverRefused: 'refused',
  slotFilled: 'slot filled',
  lowPower: 'low power',
  alert: 'alert',
  decision: 'decision',
  note: 'note',
  plannerFault: 'planner fault',
}

export interface Marker {
  t: number
  /** For outages and storms: when it ends. */
  endT?: number
  category: EventCategory
  label: string
  planned: boolean
  /** How many events this marker stands for (close ones are merged). */
  count: number
}

const PLANNED_CATEGORY: Record<ScriptedEvent['type'], EventCategory> = {
  degradation: 'failure',
  failure: 'failure',
  stationOutage: 'outage',
  solarStorm: 'outage',
  taskBurst: 'task',
  conjunction: 'alert',
}

function plannedLabel(e: ScriptedEvent): string {
  switch (e.type) {
    case 'degradation':
      return `${e.satellite}: ${e.component} starts to degrade (${e.profile.kind})`
    case 'failure':
      return `${e.satellite}: ${e.component} fails`
    case 'stationOutage':
      return `Station ${e.station} off the air for ${formatDuration(e.durationS)}`
    case 'solarStorm':
      return `Solar storm for ${formatDuration(e.durationS)} (−${Math.round(e.powerLoss * 100)} % solar power)`
    case 'taskBurst':
      return `${plural(e.tasks.length, 'new task')}: ${e.tasks.map((t) => t.id).join(', ')}`
    case 'conjunction':
      return `${e.satellite}: conjunction warning (closest approach ${formatDuration(e.tcaS - e.atS)} later)`
  }
}

/** The scenario's scripted events, as planned markers. */
export function plannedMarkers(spec: ScenarioSpec): Marker[] {
  return spec.events
    .map((e) => ({
      t: e.atS,
      endT: 'durationS' in e ? e.atS + e.durationS : undefined,
      category: PLANNED_CATEGORY[e.type],
      label: `Planned: ${plannedLabel(e)}`,
      planned: true,
      count: 1,
    }))
    .sort((a, b) => a.t - b.t)
}

/**
 * Markers for events that happened, merged when closer than `bucketS` within one category so
 * a long run never draws thousands of buttons.
 */
export function happenedMarkers(events: readonly SimEvent[], bucketS: number, strategy?: string): Marker[] {
  const out: Marker[] = []
  const last = new Map<EventCategory, Marker>()
  for (const e of events) {
    const category = EVENT_CATEGORY[e.type]
    if (!category) continue
    const prev = last.get(category)
    if (prev && e.t - prev.t < bucketS) {
      prev.count++
      if (prev.count <= 4) prev.label += `\n${e.message}`
      else if (prev.count === 5) prev.label += '\n…'
      continue
    }
    const m: Marker = {
      t: e.t,
      category,
      label: `${strategy ? `${strategy}: ` : ''}${e.message}`,
      planned: false,
      count: 1,
    }
    out.push(m)
    last.set(category, m)
  }
  return out
}

/** Events with their position in the log: a stable identity for list keys (the log only grows). */
export function positioned<T>(events: readonly T[]): { e: T; at: number }[] {
  return events.map((e, at) => ({ e, at }))
}

// Compare mode -----------------------------------------------------------------------------------

/** Event types that are a strategy's own doing (the same set `sim compare` traces). */
export const TRACED: ReadonlySet<SimEventType> = new Set([
  'decision',
  'alert',
  'maneuverExecuted',
  'plannerFault',
])

/** The identity of an action, as `sim compare` defines it: what, to whom, when. */
export function actionKey(e: SimEvent): string {
  return `${e.t}|${e.type}:${e.satellite ?? ''}:${e.component ?? ''}:${e.data?.kind ?? ''}`
}

export interface Divergence {
  t: number
  /** Per strategy (in order), what it did at t that the others did not; empty when nothing. */
  actions: SimEvent[][]
}

/**
 * Where the strategies' planners did different things: every moment at which one strategy took
 * an action (decision, alert, burn, fault) that not every other strategy took too. Also returns,
 * per strategy, the set of its events that are part of a divergence (for highlighting).
 */
export function divergences(logs: readonly (readonly SimEvent[])[]): {
  moments: Divergence[]
  diverged: Set<SimEvent>[]
} {
  const diverged = logs.map(() => new Set<SimEvent>())
  if (logs.length < 2) return { moments: [], diverged }
  const counts = logs.map((log) => {
    const m = new Map<string, number>()
    for (const e of log) if (TRACED.has(e.type)) m.set(actionKey(e), (m.get(actionKey(e)) ?? 0) + 1)
    return m
  })
  const byTime = new Map<number, SimEvent[][]>()
  logs.forEach((log, k) => {
    const seen = new Map<string, number>()
    for (const e of log) {
      if (!TRACED.has(e.type)) continue
      const key = actionKey(e)
      const n = (seen.get(key) ?? 0) + 1
      seen.set(key, n)
      const shared = counts.every((c) => (c.get(key) ?? 0) >= n)
      if (shared) continue
      diverged[k].add(e)
      let slot = byTime.get(e.t)
      if (!slot) byTime.set(e.t, (slot = logs.map(() => [])))
      slot[k].push(e)
    }
  })
  const moments = [...byTime.entries()].sort((a, b) => a[0] - b[0]).map(([t, actions]) => ({ t, actions }))
  return { moments, diverged }
}

// The plain-language summary ----------------------------------------------------------------------

export interface SummaryInput {
  timeS: number
  tasks: TaskCounts | null
  fleet: FleetCounts | null
  events: readonly SimEvent[]
  deltaV: number | null
  minSoc: number | null
  done: boolean
}

export function runSummary(x: SummaryInput): string {
  const count = (type: SimEventType) => x.events.reduce((n, e) => n + (e.type === type ? 1 : 0), 0)
  const parts: string[] = []
  const tasks = x.tasks
  if (tasks && tasks.known > 0) parts.push(`${tasks.delivered} of ${tasks.known} tasks delivered`)
  else parts.push('no imaging tasks yet')
  if (tasks && tasks.captured > 0) parts.push(`${tasks.captured} captured and waiting for a downlink`)
  if (tasks && tasks.expired > 0) parts.push(`${tasks.expired} expired`)
  const failed = count('satelliteFailed') + count('satelliteDecayed')
  parts.push(failed === 0 ? 'no satellite lost' : `${plural(failed, 'satellite')} lost`)
  const alerts = count('alert')
  if (alerts > 0) parts.push(`${plural(alerts, 'alert')} raised`)
  const burns = count('maneuverExecuted')
  if (burns > 0) parts.push(`${plural(burns, 'manoeuvre')} (Δv ${formatNumber(x.deltaV ?? 0)} m/s)`)
  const faults = count('plannerFault')
  if (faults > 0) parts.push(`${plural(faults, 'planner fault')}`)
  const list = parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}` : parts[0]
  const when =
    x.timeS <= 0
      ? 'At the start'
      : x.done
        ? `Over the whole run (${formatDuration(x.timeS)})`
        : `In ${formatDuration(x.timeS)}`
  const soc =
    x.minSoc !== null && Number.isFinite(x.minSoc)
      ? `; the lowest battery charge was ${Math.round(x.minSoc)} %`
      : ''
  return `${when}, ${list}${soc}.`
}
