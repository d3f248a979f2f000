// `sim export FILE --czml out.czml [--strategy S] [--seed N] [--until D]`: runs the scenario and
// writes the run as a CZML document (sampled positions, status colours, stations, contact links)
// that CesiumJS loads as it is.

import { buildCzml, recordTrajectories } from '../core'
import { UsageError } from './errors'
import { progressBar } from './progress'
import { type StartValues, startSimulation } from './start'

export function exportCzml(
  file: string | undefined,
  values: StartValues,
  err: (text: string) => void,
): { czml: string; path: string } {
  const { sim, untilS, path } = startSimulation(file, values, err)
  if (sim.spec.satellites.length === 0) throw new UsageError('export: the scenario has no satellites')
  const bar = progressBar(`${sim.spec.id}/${sim.strategy.name}`)
  const tracks = recordTrajectories(sim, untilS)
  bar.done()
  const packets = buildCzml(sim.report(), sim.spec.groundStations, tracks)
  return { czml: `${JSON.stringify(packets)}\n`, path }
}
