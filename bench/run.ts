// `npm run bench`: every benchmark row, each figure beside a baseline measured in the same run.
// Prints a table; with --json, an array of { name, params, value, unit, baseline, baselineName,
// ratio }. Select groups with --only engine,assignment,planners,element-sets,isolation,scale,agent.

import { agentRows } from './agent'
import { type BenchArgs, parseBenchArgs } from './args'
import { assignmentRows } from './assignment'
import { elementSetRows } from './element-sets'
import { engineRows } from './engine'
import { isolationRows } from './isolation'
import { plannerRows } from './planners'
import { type BenchRow, printRows } from './row'
import { scaleRows } from './scale'

const GROUPS: Record<string, () => Promise<BenchRow[]>> = {
  engine: engineRows,
  assignment: assignmentRows,
  planners: plannerRows,
  'element-sets': elementSetRows,
  isolation: isolationRows,
  scale: scaleRows,
  agent: agentRows,
}

async function main(): Promise<void> {
  let args: BenchArgs
  try {
    args = parseBenchArgs(process.argv.slice(2), Object.keys(GROUPS))
  } catch (err) {
    process.stderr.write(`bench: ${(err as Error).message}\n`)
    process.exit(2)
  }
  const { json, groups: only } = args
  const rows: BenchRow[] = []
  for (const g of only) {
    process.stderr.write(`bench: ${g}…\n`)
    rows.push(...(await GROUPS[g]()))
  }
  printRows(rows, json)
}

await main()
