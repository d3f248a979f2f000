// A recorded agent run as a strategy of the app ("Open recording…"): the scenario's strategy the
// agents played in, with each recorded agent's kind replayed from the recording by the same code
// as the CLI's `--replay` (src/planners/agent/replay.ts) and the other kinds planned as usual. A
// recording is one seed's run of one scenario: bound for another, it says so instead of running.
// A view that no longer matches the recording stops the run with the replay's own message.

import { PLANNER_KINDS, type ScenarioSpec, type StrategySpec } from '../core'
import { replayPlanners } from '../planners/agent/replay'
import type { PlannerRegistry } from '../planners/registry'
import type { PlannerInfo, UserStrategyDef } from './protocol'

export interface RecordedBindOptions {
  spec: ScenarioSpec
  registry: PlannerRegistry
  telemetryWindow?: number
  /** The seed the run is built with. */
  seed?: number
}

export interface BoundRecorded {
  strategy: StrategySpec
  planners: ReturnType<typeof replayPlanners>
  info: PlannerInfo[]
  dispose(): void
}

/** Binds a recorded run's strategy, or says (all at once) why it cannot run here. */
export function bindRecordedStrategy(
  def: UserStrategyDef & { recording: NonNullable<UserStrategyDef['recording']> },
  o: RecordedBindOptions,
): BoundRecorded | { problems: string[] } {
  const { file, data } = def.recording
  const { header } = data
  const own = `strategy "${def.name}" (${file})`
  if (header.scenario !== o.spec.id)
    return {
      problems: [
        `${own}: it was recorded on scenario "${header.scenario}", and the loaded scenario is "${o.spec.id}"; open that scenario first`,
      ],
    }
  const base = o.spec.strategies.find((s) => s.name === header.strategy)
  if (!base)
    return {
      problems: [`${own}: the scenario has no strategy "${header.strategy}", which the recording played`],
    }
  const seed = o.seed ?? o.spec.seed
  if (seed !== header.seed)
    return {
      problems: [
        `${own}: it was recorded with seed ${header.seed}, and the run's seed is ${seed}; set the seed to ${header.seed} to replay it`,
      ],
    }
  const replayed = new Set(header.agents.map((a) => a.kind))
  const inProcess: StrategySpec = { ...base, name: def.name, params: { ...base.params } }
  for (const kind of replayed) {
    delete inProcess[kind]
    delete inProcess.params[kind]
  }
  const bound = o.registry.bind(inProcess)
  if (bound.problems.length) return { problems: bound.problems.map((m) => `${own}: ${m}`) }
  // The strategy as reported: the agents' kinds name the agents, as `sim run --replay` reports them.
  const strategy: StrategySpec = { ...base, name: def.name }
  for (const a of header.agents) strategy[a.kind] = a.id
  const info: PlannerInfo[] = []
  for (const kind of PLANNER_KINDS) {
    const agent = header.agents.find((a) => a.kind === kind)
    const id = strategy[kind]
    if (agent)
      info.push({
        id: agent.id,
        kind,
        label: `Recorded agent: ${agent.command}`,
        description: `The decisions ${agent.command} made in a run recorded with --record (${file}), replayed call by call; each call's view is checked against the recorded one.`,
      })
    else if (id) {
      const p = o.registry.find(kind, id)
      if (p) info.push({ id: p.id, kind, label: p.label, description: p.description })
    }
  }
  const replay = replayPlanners(o.spec, data, {
    where: `recording ${file}`,
    telemetryWindow: o.telemetryWindow,
  })
  return { strategy, planners: [...bound.planners, ...replay], info, dispose: () => {} }
}
