// Digests of every built-in scenario's full output under every one of its strategies: the JSON
// report with its series, the access CSV and the series CSV, as `sim run --json --with-series
// --access-csv … --series …` writes them (less the planner timing, which is wall-clock time and
// is absent when no clock is given). Shared by the golden test and the script that records it.

import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createSimulation, formatAccessCsv, formatSeriesCsv } from '../../src/core'
import { registry } from '../../src/planners'
import { loadScenarioText } from '../../src/scenario'

const ROOT = join(import.meta.dirname, '..', '..')

/** "file/strategy" for every built-in scenario file and every strategy it defines. */
export function builtInRuns(): string[] {
  const runs: string[] = []
  for (const file of readdirSync(join(ROOT, 'scenarios'))
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const spec = load(file)
    for (const s of spec.strategies) runs.push(`${file}/${s.name}`)
  }
  return runs
}

function load(file: string) {
  const result = loadScenarioText(readFileSync(join(ROOT, 'scenarios', file), 'utf8'), file, {
    knownPlanners: registry.names(),
  })
  if (!result.ok) throw new Error(result.issues.map((i) => i.message).join('\n'))
  return result.scenario
}

/** sha256 of the report JSON, the access CSV and the series CSV of one run, in that order. */
export function runDigest(run: string): string {
  const [file, name] = run.split('/')
  const spec = load(file)
  const strategy = spec.strategies.find((s) => s.name === name)
  if (!strategy) throw new Error(`${file} has no strategy ${name}`)
  const { planners, problems } = registry.bind(strategy)
  if (problems.length > 0) throw new Error(problems.join('\n'))
  const sim = createSimulation(spec, name, { planners, satelliteSeries: true })
  sim.runUntil(spec.durationS)
  const report = sim.report({ withSeries: true })
  const hash = createHash('sha256')
  hash.update(`${JSON.stringify(report, null, 2)}\n`)
  hash.update(formatAccessCsv(report))
  hash.update(formatSeriesCsv(report))
  return hash.digest('hex')
}
