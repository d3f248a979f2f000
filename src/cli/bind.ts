// Binding a strategy for a CLI run: built-in planners in-process (the registry), a user's
// planners behind the isolation boundary, each in its own worker thread with the run's
// deadline and memory cap. The same function serves `run` and every `compare` job, so both
// commands give user planners the same deadline and reach the same verdicts.

import {
  DEFAULT_TELEMETRY_WINDOW,
  type EnginePlanner,
  PLANNER_KINDS,
  type ScenarioSpec,
  type StrategySpec,
} from '../core'
import type { PlannerRegistry } from '../planners'
import { createIsolatedPlanner, type IsolatedPlanner } from '../planners/isolation/host'
import { InputError } from './errors'
import { nodeGuest } from './isolation/node-transport'
import { userPlanner } from './plugins'

export interface IsolationOptions {
  /** Deadline of one planner call, ms (--planner-timeout). */
  timeoutMs: number
  /** Heap cap per planner thread, MB. */
  memoryMb?: number
  /** Where warnings about a planner's stray errors go (never into a report). */
  onWarning?: (message: string) => void
}

export interface BoundStrategy {
  planners: EnginePlanner[]
  /** Ends the planner threads; call when the run is over. */
  dispose(): void
}

export async function bindStrategy(
  registry: PlannerRegistry,
  spec: ScenarioSpec,
  strategy: StrategySpec,
  iso: IsolationOptions,
): Promise<BoundStrategy> {
  const inProcess: StrategySpec = { ...strategy }
  const users: { kind: (typeof PLANNER_KINDS)[number]; file: string; id: string }[] = []
  for (const kind of PLANNER_KINDS) {
    const name = strategy[kind]
    const found = name ? registry.find(kind, name) : undefined
    const user = found ? userPlanner(registry, found.id) : undefined
    if (!user) continue
    users.push({ kind, file: user.file, id: user.manifest.id })
    delete inProcess[kind]
  }
  const bound = registry.bind(inProcess)
  const problems = [...bound.problems]
  const isolated: IsolatedPlanner[] = []
  for (const u of users) {
    const made = await createIsolatedPlanner({
      start: nodeGuest(u.file, { memoryMb: iso.memoryMb }),
      manifest: userPlanner(registry, u.id)!.manifest,
      spec,
      telemetryWindow: DEFAULT_TELEMETRY_WINDOW,
      params: strategy.params[u.kind],
      timeoutMs: iso.timeoutMs,
      onWarning: iso.onWarning,
    })
    if ('problems' in made)
      problems.push(...made.problems.map((m) => `strategy "${strategy.name}": params.${u.kind}: ${m}`))
    else isolated.push(made.planner)
  }
  const dispose = () => {
    for (const p of isolated) p.dispose()
  }
  if (problems.length) {
    dispose()
    throw new InputError(problems.join('\n'))
  }
  return { planners: [...bound.planners, ...isolated], dispose }
}
