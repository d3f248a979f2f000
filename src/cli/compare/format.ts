// The three faces of a comparison: an aligned table for people (best value marked), CSV with
// one row per run for spreadsheets, and JSON for programs.

import { csvCell, METRICS } from '../../core'
import { formatValue } from '../summary'
import type { Comparison } from './aggregate'

export function formatTable(c: Comparison): string {
  const several = c.seeds.length > 1
  const seedText = several
    ? `seeds ${c.seeds[0]}…${c.seeds[c.seeds.length - 1]} (${c.seeds.length} runs each)`
    : `seed ${c.seeds[0]}`
  const lines = [
    `${c.title}`,
    `scenario ${c.scenario} · ${seedText}`,
    'Illustrative sandbox — not a flight system.',
    '',
  ]
  const header = ['metric', ...c.strategies.map((s) => s.name), 'better']
  const rows: string[][] = [header]
  for (const def of METRICS) {
    const cells = c.strategies.map((s) => {
      const m = s.metrics[def.key]
      if (!m || m.mean === null) return '—'
      const value = several
        ? `${formatValue(m.mean, '').trim()} ± ${formatValue(m.sd, '').trim()} ${m.unit}`
        : formatValue(m.mean, m.unit)
      return c.best[def.key] === s.name ? `${value} *` : `${value}  `
    })
    if (!c.strategies.some((s) => s.metrics[def.key])) continue
    rows.push([def.label, ...cells, def.better])
  }
  const widths = header.map((_, col) => Math.max(...rows.map((r) => r[col].length)))
  for (const [i, r] of rows.entries()) {
    lines.push(
      r.map((cell, col) => (col === 0 ? cell.padEnd(widths[col]) : cell.padStart(widths[col]))).join('  '),
    )
    if (i === 0) lines.push(widths.map((w) => '-'.repeat(w)).join('  '))
  }
  lines.push(
    '',
    `* best on that metric${several ? ' (by mean; ± is the standard deviation over seeds)' : ''}`,
  )
  const d = c.firstDivergence
  lines.push('')
  if (!d) lines.push('The strategies made the same decisions throughout.')
  else {
    lines.push(`First divergence (seed ${d.seed}) at ${d.at}:`)
    const w = Math.max(...d.actions.map((a) => a.strategy.length))
    for (const a of d.actions) lines.push(`  ${a.strategy.padEnd(w)}  ${a.action}`)
  }
  return `${lines.join('\n')}\n`
}

export function formatCsv(c: Comparison): string {
  const keys = METRICS.filter((def) => c.strategies[0]?.metrics[def.key])
  const lines = [['strategy', 'seed', ...keys.map((k) => `${k.key} (${k.unit})`)].map(csvCell).join(',')]
  for (const s of c.strategies) {
    for (const [i, seed] of c.seeds.entries()) {
      lines.push(
        [s.name, seed, ...keys.map((k) => s.metrics[k.key]?.perSeed[i]?.value ?? null)]
          .map(csvCell)
          .join(','),
      )
    }
  }
  return `${lines.join('\n')}\n`
}

export function formatJson(c: Comparison): string {
  return `${JSON.stringify(c, null, 2)}\n`
}
