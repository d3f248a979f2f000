// The readable summary `sim run` prints: what was simulated, what happened, and the metrics,
// in words and aligned columns a person can scan.

import { formatElapsed, METRICS, type SimEvent, type SimReport } from '../core'

/** Event types worth a line of their own in a summary (contacts and captures are counted). */
const NOTABLE: ReadonlySet<SimEvent['type']> = new Set([
  'degradationOnset',
  'componentFailed',
  'satelliteFailed',
  'satelliteDecayed',
  'stationOutageStart',
  'solarStormStart',
  'taskBurst',
  'conjunctionWarning',
  'collision',
  'maneuverExecuted',
  'maneuverRefused',
  'slotFilled',
  'alert',
  'plannerFault',
])
const MAX_EVENT_LINES = 25
const MAX_SATELLITE_LINES = 12

export function formatDuration(seconds: number): string {
  const d = Math.floor(seconds / 86400)
  const h = Math.floor((seconds % 86400) / 3600)
  const m = Math.floor((seconds % 3600) / 60)
  const s = Math.round(seconds % 60)
  const parts = [d && `${d}d`, h && `${h}h`, m && `${m}m`, s && `${s}s`].filter(Boolean)
  return parts.length ? parts.join(' ') : '0s'
}

export function formatValue(value: number | null, unit: string): string {
  if (value === null) return '—'
  const digits = Number.isInteger(value) ? 0 : Math.abs(value) >= 100 ? 1 : 2
  return `${value.toFixed(digits)} ${unit}`
}

function table(rows: string[][], indent = '  '): string[] {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)))
  return rows.map(
    (r) =>
      indent + r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  '),
  )
}

export function formatSummary(r: SimReport): string {
  const lines: string[] = []
  const spares = r.satellites.filter((s) => s.role === 'spare').length
  lines.push(`${r.title}`)
  lines.push(`scenario ${r.scenario} · strategy ${r.strategy} · seed ${r.seed}`)
  const planners = Object.entries(r.planners)
    .map(([k, v]) => `${k} ${v ?? '(onboard default)'}`)
    .join(' · ')
  lines.push(`planners: ${planners}`)
  lines.push('Illustrative sandbox — not a flight system.')
  lines.push('')
  lines.push(`Simulated ${formatDuration(r.elapsedS)} from ${r.epoch} to ${r.simTimeUtc}, step ${r.stepS} s`)
  lines.push(
    `Satellites   ${r.counts.satellites} (${r.counts.satellites - spares} active, ${spares} spare), ${r.counts.failures} failed`,
  )
  lines.push(`Stations     ${r.counts.stations}; tasks ${r.counts.tasks}`)
  lines.push(`Contacts     ${r.counts.contacts} passes; eclipses ${r.counts.eclipseEntries} entries`)
  lines.push(
    `Events       ${r.counts.events} (failures ${r.counts.failures}, alerts ${r.counts.alerts}, decisions ${r.counts.decisions}, planner faults ${r.counts.plannerFaults})`,
  )
  lines.push('')
  lines.push('Metrics')
  const metricRows: string[][] = []
  for (const def of METRICS) {
    const m = r.metrics[def.key]
    if (!m) continue
    metricRows.push([def.label, formatValue(m.value, m.unit), `${m.better} is better`])
  }
  lines.push(...table(metricRows))
  const notable = r.events.filter((e) => NOTABLE.has(e.type))
  lines.push('')
  lines.push(`Notable events (${notable.length})`)
  for (const e of notable.slice(0, MAX_EVENT_LINES)) lines.push(`  ${formatElapsed(e.t)}  ${e.message}`)
  if (notable.length > MAX_EVENT_LINES)
    lines.push(`  … ${notable.length - MAX_EVENT_LINES} more (see --json)`)
  if (notable.length === 0) lines.push('  none')
  lines.push('')
  lines.push(`Satellites at ${formatElapsed(r.elapsedS)}`)
  const satRows = [['id', 'status', 'lat°', 'lon°', 'alt km', 'battery', 'propellant', 'stored']]
  for (const s of r.satellites.slice(0, MAX_SATELLITE_LINES)) {
    satRows.push([
      s.id,
      s.status,
      s.latDeg?.toFixed(1) ?? '—',
      s.lonDeg?.toFixed(1) ?? '—',
      s.altKm?.toFixed(0) ?? '—',
      `${(s.batterySoc * 100).toFixed(0)}%`,
      `${s.propellantKg.toFixed(1)} kg`,
      `${s.storageMb.toFixed(0)} Mb`,
    ])
  }
  lines.push(...table(satRows))
  if (r.satellites.length > MAX_SATELLITE_LINES)
    lines.push(`  … ${r.satellites.length - MAX_SATELLITE_LINES} more (see --json)`)
  return `${lines.join('\n')}\n`
}
