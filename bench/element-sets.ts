// Benchmark: element-set files turned into scenarios (read, checked, validated, normalised) in
// ms per 1,000 records, for 3LE text, OMM JSON and OMM CSV of 10,000 records, and an hour of
// simulation of the 3LE fleet. Baseline in the same run: satellite.js initialising SGP4 from the
// same 10,000 element sets (twoline2satrec), the least any consumer of the file pays.

import { twoline2satrec } from 'satellite.js'
import { createSimulation } from '../src/core'
import { formatIssues, loadScenarioText } from '../src/scenario'
import { generateSets, ommCsvText, ommRecord, threeLineText, tleLines } from '../tests/support/element-sets'
import { type BenchRow, medianNs, row } from './row'

const RECORDS = 10_000

export async function elementSetRows(): Promise<BenchRow[]> {
  const sets = generateSets(RECORDS)
  const lines = sets.map(tleLines)
  const initAll = () => {
    for (const [l1, l2] of lines) twoline2satrec(l1, l2)
  }
  const baseline = msPer1000(medianNs(initAll, 5, 1))
  const files: [string, string, string][] = [
    ['3LE', 'fleet.tle', threeLineText(sets)],
    ['OMM JSON', 'gp.json', JSON.stringify(sets.map(ommRecord))],
    ['OMM CSV', 'gp.csv', ommCsvText(sets)],
  ]
  const rows: BenchRow[] = []
  for (const [format, file, text] of files) {
    const ms = msPer1000(medianNs(() => load(text, file), 5, 1))
    rows.push(
      row(
        'element-set file → scenario',
        { format, records: RECORDS },
        ms,
        'ms/1000 records',
        baseline,
        'satellite.js twoline2satrec',
      ),
    )
  }
  const spec = load(files[0][2], files[0][1])
  const runMs = msPer1000(
    medianNs(
      () => {
        const sim = createSimulation(spec, spec.strategies[0].name)
        sim.runUntil(3600)
      },
      3,
      0,
    ),
  )
  rows.push(
    row(
      'element-set fleet, 1 h run (30 s step)',
      { records: RECORDS },
      runMs,
      'ms/1000 records',
      baseline,
      'satellite.js twoline2satrec',
    ),
  )
  return rows
}

function load(text: string, file: string) {
  const result = loadScenarioText(text, file)
  if (!result.ok) throw new Error(formatIssues(result.issues.slice(0, 5)))
  return result.scenario
}

const msPer1000 = (ns: number) => ns / 1e6 / (RECORDS / 1000)
