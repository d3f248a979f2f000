// One simulation started from command-line values, shared by `run` and `export`: the file (or
// element-set file) read, its notices and warnings shown, the strategy found and bound (a user's
// planners behind the isolation boundary, see bind.ts; agents, recordings and replays through
// agent/run-setup.ts), the seed and the end time parsed. The caller runs it, calls `finish` after
// the run (it writes a recording) and `dispose` when done, which ends planner threads and agents.

import { createSimulation, type Simulation, type SimulationOptions } from '../core'
import { registry } from '../planners'
import { clip } from '../scenario'
import { type AgentRunOptions, bindAgentRun } from './agent/run-setup'
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
  /** After the run: writes the recording when --record asked for one. */
  finish(): void
  dispose(): void
}

export async function startSimulation(
  file: string | undefined,
  values: StartValues,
  err: (text: string) => void,
  options: Pick<SimulationOptions, 'satelliteSeries'> & {
    plannerTimeoutMs: number
    agentRun?: AgentRunOptions
  },
): Promise<Started> {
  const seed = values.seed === undefined ? undefined : seedOption(values.seed)
  const until = values.until === undefined ? undefined : durationOption('until', values.until)
  const { spec, notices, file: shown, path } = readScenario(file)
  for (const notice of notices) err(`${notice}\n`)
  err(warningLines(shown, spec))
  const agentRun = options.agentRun ?? { agents: [] }
  // A replay runs the recorded strategy on the recorded seed unless told otherwise.
  const strategyName = values.strategy ?? agentRun.replay?.header.strategy
  const strategy = strategyName ? spec.strategies.find((s) => s.name === strategyName) : spec.strategies[0]
  if (!strategy) {
    throw new UsageError(
      `--strategy: scenario ${spec.id} has no strategy "${clip(strategyName ?? '', 60)}" (it has: ${spec.strategies.map((s) => s.name).join(', ')})`,
    )
  }
  const bound = await bindAgentRun(
    registry,
    spec,
    strategy,
    { timeoutMs: options.plannerTimeoutMs, onWarning: (m) => err(`warning: ${m}\n`) },
    agentRun,
  )
  // A recorded or replayed run leaves out the time planners took: the two reports must be equal.
  const timed = !agentRun.record && !agentRun.replay
  try {
    const sim = createSimulation(bound.spec, strategy.name, {
      planners: bound.planners,
      seed: seed ?? agentRun.replay?.header.seed,
      clock: timed ? () => performance.now() : undefined,
      satelliteSeries: options.satelliteSeries,
    })
    return {
      sim,
      untilS: until ?? spec.durationS,
      path,
      finish: () => bound.finish(sim.seed),
      dispose: () => bound.dispose(),
    }
  } catch (e) {
    bound.dispose()
    throw e
  }
}
