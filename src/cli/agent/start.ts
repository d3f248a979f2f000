// An agent as an EnginePlanner: its process behind the isolation host, with the run's deadline.

import { DEFAULT_TELEMETRY_WINDOW, type ScenarioSpec } from '../../core'
import { agentGuest, agentManifest } from '../../planners/agent'
import { createIsolatedPlanner, type IsolatedPlanner } from '../../planners/isolation/host'
import { type AgentSpec, agentId } from './options'
import { processAgent } from './process-link'

export async function startAgentPlanner(
  spec: ScenarioSpec,
  agent: AgentSpec,
  timeoutMs: number,
  onWarning?: (message: string) => void,
): Promise<{ planner: IsolatedPlanner } | { problems: string[] }> {
  return createIsolatedPlanner({
    start: agentGuest({
      start: processAgent(agent.command),
      kind: agent.kind,
      deadlineMs: timeoutMs,
      // The report's timing section: the whole round trip, queries included (measured only).
      clock: () => performance.now(),
    }),
    manifest: agentManifest(agentId(agent), agent.kind, agent.command),
    spec,
    telemetryWindow: DEFAULT_TELEMETRY_WINDOW,
    params: undefined,
    timeoutMs,
    restart: false,
    onWarning,
  })
}
