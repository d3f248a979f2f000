// `sim export FILE --czml out.czml [--strategy S] [--seed N] [--until D]`: runs the scenario and
// writes the run as a CZML document (sampled positions, status colours, stations, contact links)
// that CesiumJS loads as it is.

import { buildCzml, recordTrajectoriesAsync } from '../core'
import { UsageError } from './errors'
import { progressBar } from './progress'
import { type StartValues, startSimulation } from './start'

export async function exportCzml(
  file: string | undefined,
  values: StartValues,
  err: (text: string) => void,
  plannerTimeoutMs: number,
  /** Checked before the run: the output must not be the scenario file. */
  checkOutput: (inputPath: string) => void,
): Promise<string> {
  const { sim, untilS, path, dispose } = await startSimulation(file, values, err, { plannerTimeoutMs })
  try {
    checkOutput(path)
    if (sim.spec.satellites.length === 0) throw new UsageError('export: the scenario has no satellites')
    const bar = progressBar(`${sim.spec.id}/${sim.strategy.name}`)
    const tracks = await recordTrajectoriesAsync(sim, untilS)
    bar.done()
    return `${JSON.stringify(buildCzml(sim.report(), sim.spec.groundStations, tracks))}\n`
  } finally {
    dispose()
  }
}
