// `npm run bench`: every benchmark row, each figure beside a baseline measured in the same run.
// Prints a table; with --json, an array of { name, params, value, unit, baseline, baselineName,
// ratio }. Select groups with --only engine,assignment,planners.

import { assignmentRows } from './assignment'
import { engineRows } from './engine'
import { plannerRows } from './planners'
import type { BenchRow } from './row'

const GROUPS: Record<string, () => Promise<BenchRow[]>> = {
  engine: engineRows,
  assignment: assignmentRows,
  planners: plannerRows,
}

function fmt(x: number): string {
  return Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 1 ? x.toFixed(2) : x.toPrecision(3)
}

async function main(): Promise<void> {
  const args = process.argv.slice(2)
  const json = args.includes('--json')
  const onlyArg = args.find((a) => a.startsWith('--only='))?.slice(7) ?? args[args.indexOf('--only') + 1]
  const only = args.includes('--only') || onlyArg ? (onlyArg ?? '').split(',') : Object.keys(GROUPS)
  const unknown = only.filter((g) => !GROUPS[g])
  if (unknown.length) {
    process.stderr.write(
      `bench: unknown group ${unknown.join(', ')} (known: ${Object.keys(GROUPS).join(', ')})\n`,
    )
    process.exit(2)
  }
  const rows: BenchRow[] = []
  for (const g of only) {
    process.stderr.write(`bench: ${g}…\n`)
    rows.push(...(await GROUPS[g]()))
  }
  if (json) {
    process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`)
    return
  }
  const table = [['name', 'params', 'value', 'baseline', 'ratio']]
  for (const r of rows) {
    const params = Object.entries(r.params)
      .map(([k, v]) => `${k}=${v}`)
      .join(' ')
    table.push([
      r.name,
      params,
      `${fmt(r.value)} ${r.unit}`,
      `${fmt(r.baseline)} (${r.baselineName})`,
      fmt(r.ratio),
    ])
  }
  const widths = table[0].map((_, c) => Math.max(...table.map((t) => t[c].length)))
  for (const t of table) process.stdout.write(`${t.map((cell, c) => cell.padEnd(widths[c])).join('  ')}\n`)
}

await main()
