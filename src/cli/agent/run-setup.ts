// What --agent, --record and --replay do to one run: which planners replace which kinds, the
// scenario as reported (the agents named in the strategy), and the recording written at the end.
// `run` and every `compare` job bind through here, so both treat agents alike.

import type { EnginePlanner, ScenarioSpec, StrategySpec } from '../../core'
import type { PlannerRegistry } from '../../planners'
import { RECORDING_VERSION, type RecordedCall, recordingPlanner, replayPlanners } from '../../planners/agent'
import { type BoundStrategy, bindStrategy, type IsolationOptions } from '../bind'
import { InputError, UsageError } from '../errors'
import { type AgentSpec, agentId, parseAgents, specWithStrategy, strategyWithAgents } from './options'
import { readRecording, writeRecording } from './recording'

export const AGENT_OPTIONS = {
  agent: { type: 'string', multiple: true },
  record: { type: 'string' },
  replay: { type: 'string' },
} as const

export interface AgentRunOptions {
  agents: AgentSpec[]
  record?: string
  replay?: { file: string } & ReturnType<typeof readRecording>
}

export function agentRunOptions(values: Record<string, unknown>): AgentRunOptions {
  const agents = parseAgents(values.agent as string[] | undefined)
  const record = values.record as string | undefined
  const replayFile = values.replay as string | undefined
  if (replayFile !== undefined && (agents.length || record !== undefined))
    throw new UsageError('--replay runs the recorded agents: leave out --agent and --record')
  if (record !== undefined && !agents.length) throw new UsageError('--record records agents: add --agent')
  const replay = replayFile === undefined ? undefined : { file: replayFile, ...readRecording(replayFile) }
  return { agents, record, replay }
}

export interface AgentRun extends BoundStrategy {
  /** The scenario as the report tells it: the agents' kinds name the agents. */
  spec: ScenarioSpec
  /** Writes the recording (with --record) once the run is over. */
  finish(seed: number): void
}

export async function bindAgentRun(
  registry: PlannerRegistry,
  spec: ScenarioSpec,
  strategy: StrategySpec,
  iso: IsolationOptions,
  o: AgentRunOptions,
): Promise<AgentRun> {
  const replayed = o.replay?.header.agents ?? []
  const inProcess: StrategySpec = { ...strategy }
  for (const a of replayed) delete inProcess[a.kind]
  const bound = await bindStrategy(registry, spec, inProcess, { ...iso, agents: o.agents })
  const calls: RecordedCall[] = []
  const ids = new Set(o.agents.map(agentId))
  let planners: EnginePlanner[] = bound.planners
  if (o.record) planners = planners.map((p) => (ids.has(p.id) ? recordingPlanner(p, spec, calls) : p))
  if (o.replay)
    planners = [
      ...planners,
      ...replayPlanners(spec, o.replay, {
        where: `--replay: ${o.replay.file}`,
        fail: (message) => new InputError(message),
      }),
    ]
  const named = [...o.agents, ...replayed]
  return {
    planners,
    dispose: bound.dispose,
    spec: specWithStrategy(spec, strategyWithAgents(strategy, named)),
    finish: (seed) => {
      if (!o.record) return
      writeRecording(
        o.record,
        {
          protocol: 'mission-sandbox/1',
          recording: RECORDING_VERSION,
          scenario: spec.id,
          strategy: strategy.name,
          seed,
          agents: o.agents.map((a) => ({ ...a, id: agentId(a) })),
        },
        calls,
      )
    },
  }
}

/**
 * `compare --replay FILE`: a column for the recorded run ("recorded:<strategy>") beside the
 * strategies, on the recording's seed (a recording is one seed's run).
 */
export function recordedColumn(
  file: string | undefined,
  names: readonly string[],
  seedsGiven: boolean,
): { file: string; name: string; seed: number } | undefined {
  if (file === undefined) return undefined
  if (seedsGiven) throw new UsageError("--replay: a recording is one seed's run; leave out --seeds")
  const { header } = readRecording(file)
  const name = `recorded:${header.strategy}`
  if (names.includes(name)) throw new UsageError(`--replay: a strategy is already named "${name}"`)
  return { file, name, seed: header.seed }
}
