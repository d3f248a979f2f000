// The report's access log as one CSV table (`sim run --access-csv FILE`, the app's Export menu), a row per contact window
// (satellite × station) and per eclipse interval, times both in seconds after the epoch and as
// UTC, units in the header. Rows in the report's order: contacts by start time, then eclipses
// per satellite.

import type { SimReport } from '../engine/report'
import { csvRow } from './csv'

const HEADER = [
  'kind',
  'satellite',
  'station',
  'start_s',
  'end_s',
  'start_utc',
  'end_utc',
  'duration_s',
  'max_elevation_deg',
  'max_elevation_s',
  'clipped_start',
  'clipped_end',
]

export function formatAccessCsv(report: SimReport): string {
  const epochMs = Date.parse(report.epoch)
  const utc = (s: number) => new Date(epochMs + s * 1000).toISOString()
  const access = report.access
  if (!access) throw new Error('internal: the run kept no access log (accessLog: false)')
  const rows = [csvRow(HEADER)]
  for (const c of access.contacts) {
    rows.push(
      csvRow([
        'contact',
        c.satellite,
        c.station,
        c.startS,
        c.endS,
        utc(c.startS),
        utc(c.endS),
        c.endS - c.startS,
        c.maxElevationDeg,
        c.maxElevationS,
        c.clippedStart,
        c.clippedEnd,
      ]),
    )
  }
  for (const e of access.eclipses) {
    rows.push(
      csvRow([
        'eclipse',
        e.satellite,
        '',
        e.startS,
        e.endS,
        utc(e.startS),
        utc(e.endS),
        e.endS - e.startS,
        '',
        '',
        e.clippedStart,
        e.clippedEnd,
      ]),
    )
  }
  return `${rows.join('\n')}\n`
}
