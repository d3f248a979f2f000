// One simulation started from command-line values, shared by `run` and `export`: the file (or
// element-set file) read, its notices shown, the strategy found and bound, the seed and the end
// time parsed.

import { createSimulation, type Simulation, type SimulationOptions } from '../core'
import { registry } from '../planners'
import { clip } from '../scenario'
import { durationOption, seedOption } from './durations'
import { InputError, UsageError } from './errors'
import { readScenario, warningLines } from './load'

export interface StartValues {
  strategy?: string
  seed?: string
  until?: string
}

export function startSimulation(
  file: string | undefined,
  values: StartValues,
  err: (text: string) => void,
  options: Pick<SimulationOptions, 'satelliteSeries'> = {},
): { sim: Simulation; untilS: number; path: string } {
  const seed = values.seed === undefined ? undefined : seedOption(values.seed)
  const until = values.until === undefined ? undefined : durationOption('until', values.until)
  const { spec, notices, file: shown, path } = readScenario(file)
  for (const notice of notices) err(`${notice}\n`)
  err(warningLines(shown, spec))
  const strategy = values.strategy
    ? spec.strategies.find((s) => s.name === values.strategy)
    : spec.strategies[0]
  if (!strategy) {
    throw new UsageError(
      `--strategy: scenario ${spec.id} has no strategy "${clip(values.strategy ?? '', 60)}" (it has: ${spec.strategies.map((s) => s.name).join(', ')})`,
    )
  }
  const bound = registry.bind(strategy)
  if (bound.problems.length) throw new InputError(bound.problems.join('\n'))
  const sim = createSimulation(spec, strategy.name, {
    planners: bound.planners,
    seed,
    clock: () => performance.now(),
    ...options,
  })
  return { sim, untilS: until ?? spec.durationS, path }
}
