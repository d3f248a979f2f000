// The event log: everything that happened in a run and why, in time order. It is plain data
// (it goes into the JSON report and across the worker boundary as is), append-only, and a
// snapshot keeps only its length: restoring truncates it.

import type { ComponentName } from './spec'

export type SimEventType =
  | 'degradationOnset'
  | 'componentFailed'
  | 'satelliteFailed'
  | 'satelliteDecayed'
  | 'stationOutageStart'
  | 'stationOutageEnd'
  | 'solarStormStart'
  | 'solarStormEnd'
  | 'taskBurst'
  | 'taskCaptured'
  | 'taskDelivered'
  | 'taskExpired'
  | 'conjunctionWarning'
  | 'conjunctionPassed'
  | 'collision'
  | 'maneuverExecuted'
  | 'maneuverRefused'
  | 'slotFilled'
  | 'lowPower'
  | 'alert'
  | 'decision'
  | 'note'
  | 'plannerFault'

export interface SimEvent {
  /** Seconds after epoch. */
  t: number
  type: SimEventType
  satellite?: string
  station?: string
  task?: string
  component?: ComponentName
  /** Which planner said so, for decisions, alerts and faults. */
  planner?: string
  /** One line of plain language: what happened and why. */
  message: string
  /** Small numeric facts that belong to the event (Δv in m/s, lead time in s, …). */
  data?: Record<string, number | string>
}

/** Formats seconds after epoch as "T+1d 02:03:04" for logs and summaries. */
export function formatElapsed(tS: number): string {
  const sign = tS < 0 ? '-' : '+'
  let s = Math.round(Math.abs(tS))
  const d = Math.floor(s / 86400)
  s -= d * 86400
  const h = Math.floor(s / 3600)
  s -= h * 3600
  const m = Math.floor(s / 60)
  s -= m * 60
  const hms = [h, m, s].map((x) => String(x).padStart(2, '0')).join(':')
  return `T${sign}${d > 0 ? `${d}d ` : ''}${hms}`
}
