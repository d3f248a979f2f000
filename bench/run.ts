// `npm run bench`: every benchmark row, each figure beside a baseline measured in the same run.
// Prints a table; with --json, an array of { name, params, value, unit, baseline, baselineName,
// ratio }. Select groups with --only engine,assignment,planners,element-sets.

import { assignmentRows } from './assignment'
import { elementSetRows } from './element-sets'
import { engineRows } from './engine'
import { plannerRows } from './planners'
import { type BenchRow, printRows } from './row'

const GROUPS: Record<string, () => Promise<BenchRow[]>> = {
  engine: engineRows,
  assignment: assignmentRows,
  planners: plannerRows,
  'element-sets': elementSetRows,
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
  printRows(rows, json)
}

await main()
