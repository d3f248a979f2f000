// One whole run turned into a downloadable file, for the app's Export menu: the same numbers as
// `sim run --json`, `--access-csv`, `--series` and `sim export --czml` give for the same
// scenario, strategy and seed, because it is the same engine run to the scenario's end.

import type { EnginePlanner } from '../engine/context'
import { createSimulation } from '../engine/simulation'
import type { ScenarioSpec } from '../spec'
import { formatAccessCsv } from './access-csv'
import { buildCzml } from './czml'
import { formatSeriesCsv } from './series-csv'
import { recordTrajectories } from './trajectory'

export type RunExportFormat = 'report' | 'access-csv' | 'series-csv' | 'czml'
export const RUN_EXPORT_FORMATS: readonly RunExportFormat[] = ['report', 'access-csv', 'series-csv', 'czml']

export interface RunExport {
  fileName: string
  mime: string
  text: string
}

export function exportRun(
  spec: ScenarioSpec,
  strategy: string,
  planners: EnginePlanner[],
  seed: number,
  format: RunExportFormat,
): RunExport {
  const sim = createSimulation(spec, strategy, { planners, seed, satelliteSeries: format === 'series-csv' })
  const base = `${spec.id}-${strategy}-seed${seed}`
  if (format === 'czml') {
    const tracks = recordTrajectories(sim)
    const text = `${JSON.stringify(buildCzml(sim.report(), spec.groundStations, tracks))}\n`
    return { fileName: `${base}.czml`, mime: 'application/json', text }
  }
  sim.runUntil(spec.durationS)
  if (format === 'report') {
    return {
      fileName: `${base}.json`,
      mime: 'application/json',
      text: `${JSON.stringify(sim.report(), null, 2)}\n`,
    }
  }
  if (format === 'access-csv') {
    return { fileName: `${base}-access.csv`, mime: 'text/csv', text: formatAccessCsv(sim.report()) }
  }
  return {
    fileName: `${base}-series.csv`,
    mime: 'text/csv',
    text: formatSeriesCsv(sim.report({ withSeries: true })),
  }
}
