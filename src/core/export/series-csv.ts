// The report's time series as CSV (`sim run --series FILE`, the app's Export menu): one row per
// sample, the time in seconds after the epoch and as UTC, then every metric, then each
// satellite's state of charge, propellant and status. Units are in the header, in brackets.

import type { SimReport } from '../engine/report'
import { type CsvValue, csvRow } from './csv'

export function formatSeriesCsv(report: SimReport): string {
  const series = report.series
  if (!series) throw new Error('internal: the report has no series (build it with withSeries)')
  const epochMs = Date.parse(report.epoch)
  const header: string[] = ['t [s]', 'utc']
  for (const m of series.metrics) header.push(`${m.key} [${m.unit}]`)
  for (const s of series.satellites)
    header.push(`${s.id} soc [0-1]`, `${s.id} propellant [kg]`, `${s.id} status`)
  const rows = [csvRow(header)]
  series.tS.forEach((t, i) => {
    const cells: CsvValue[] = [t, new Date(epochMs + t * 1000).toISOString()]
    for (const m of series.metrics) cells.push(m.values[i])
    for (const s of series.satellites) cells.push(s.soc[i], s.propellantKg[i], s.status[i])
    rows.push(csvRow(cells))
  })
  return `${rows.join('\n')}\n`
}
