// One compare job: a scenario text, a strategy and a seed in; the run's metrics and the trace
// of what its planners did out. Plain data both ways, so a job runs the same in-process and on
// a worker thread.

import { createSimulation, deterministicMetrics, type MetricValues, type SimEvent } from '../../core'
import { registry } from '../../planners'
import { formatIssues, loadScenarioText } from '../../scenario'
import type { AgentSpec } from '../agent/options'
import { readRecording } from '../agent/recording'
import { bindAgentRun } from '../agent/run-setup'
import { InputError } from '../errors'
import { loadPlannerModules } from '../plugins'

export interface CompareJob {
  index: number
  text: string
  file: string
  strategy: string
  seed: number
  plannerModules: string[]
  /** Deadline of one call to a user's planner, ms: the same as `run` uses. */
  plannerTimeoutMs: number
  /** External programs playing planner kinds in every strategy (--agent). */
  agents?: AgentSpec[]
  /** A recording (--replay) whose outcomes this job replays; `strategy` then names its column. */
  replay?: string
}

/** What a planner did, as compared across strategies to find where they first diverged. */
export interface TraceEntry {
  t: number
  type: SimEvent['type']
  satellite: string | null
  what: string
  message: string
}

export interface JobResult {
  index: number
  strategy: string
  seed: number
  metrics: Partial<MetricValues>
  trace: TraceEntry[]
}

const TRACED: ReadonlySet<SimEvent['type']> = new Set([
  'decision',
  'note',
  'alert',
  'maneuverExecuted',
  'plannerFault',
])

export async function runJob(job: CompareJob): Promise<JobResult> {
  await loadPlannerModules(job.plannerModules, registry, job.plannerTimeoutMs)
  const result = loadScenarioText(job.text, job.file, { knownPlanners: registry.names() })
  if (!result.ok) throw new InputError(formatIssues(result.issues))
  const spec = result.scenario
  const replay = job.replay ? { file: job.replay, ...readRecording(job.replay) } : undefined
  const name = replay?.header.strategy ?? job.strategy
  const strategy = spec.strategies.find((s) => s.name === name)
  if (!strategy) throw new InputError(`scenario ${spec.id} has no strategy "${name}"`)
  const bound = await bindAgentRun(
    registry,
    spec,
    strategy,
    { timeoutMs: job.plannerTimeoutMs, onWarning: (m) => process.stderr.write(`warning: ${m}\n`) },
    { agents: replay ? [] : (job.agents ?? []), replay },
  )
  const sim = createSimulation(bound.spec, strategy.name, {
    planners: bound.planners,
    seed: job.seed,
    accessLog: false,
  })
  try {
    await sim.runUntilAsync(spec.durationS)
  } finally {
    bound.dispose()
  }
  const metrics = deterministicMetrics(sim.metrics())
  const trace = sim
    .events()
    .filter((e) => TRACED.has(e.type))
    .map((e) => ({
      t: e.t,
      type: e.type,
      satellite: e.satellite ?? null,
      what: `${e.type}:${e.satellite ?? ''}:${e.component ?? ''}:${e.data?.kind ?? ''}`,
      message: e.message,
    }))
  return { index: job.index, strategy: job.strategy, seed: job.seed, metrics, trace }
}
