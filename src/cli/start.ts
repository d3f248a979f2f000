// One simulation started from command-line values, shared by `run` and `export`: the file (or
// element-set file) read, its notices and warnings shown, the strategy found and bound (a user's
// planners behind the isolation boundary, see bind.ts), the seed and the end time parsed. The
// caller runs it and calls `dispose` when done, which ends any planner threads.

import { createSimulation, type Simulation, type SimulationOptions } from '../core'
import { registry } from '../planners'
import { clip } from '../scenario'
import { bindStrategy } from './bind'
import { durationOption, seedOption } from './durations'
import { UsageError } from './errors'
import { readScenario, warningLines } from './load'

export interface StartValues {
  strategy?: string
  seed?: string
  until?: string
}

export interface Started {
  sim: Simulation
  untilS: number
  /** Where the scenario was read from (an output must not overwrite it). */
  path: string
  dispose(): void
}

export async function startSimulation(
  file: string | undefined,
  values: StartValues,
  err: (text: string) => void,
  options: Pick<SimulationOptions, 'satelliteSeries'> & { plannerTimeoutMs: number },
): Promise<Started> {
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
  const bound = await bindStrategy(registry, spec, strategy, {
    timeoutMs: options.plannerTimeoutMs,
    onWarning: (m) => err(`warning: ${m}\n`),
  })
  try {
    const sim = createSimulation(spec, strategy.name, {
      planners: bound.planners,
      seed,
      clock: () => performance.now(),
      satelliteSeries: options.satelliteSeries,
    })
    return { sim, untilS: until ?? spec.durationS, path, dispose: () => bound.dispose() }
  } catch (e) {
    bound.dispose()
    throw e
  }
}
