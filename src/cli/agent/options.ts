// `--agent KIND="COMMAND"`: which planner kinds an external program plays, and what that does to
// a strategy. The agent replaces the kind's planner in every strategy run; the report names it
// ("agent:python3 my_agent.py") where the planner's name was, and so do its events and faults.

import { PLANNER_KINDS, type PlannerKind, type ScenarioSpec, type StrategySpec } from '../../core'
import { clip } from '../../scenario'
import { UsageError } from '../errors'

export interface AgentSpec {
  kind: PlannerKind
  command: string
}

/** The planner id an agent runs under: the command, so every fault names the agent. */
export function agentId(a: AgentSpec): string {
  return `agent:${clip(a.command, 80)}`
}

/** Reads repeated --agent values; one agent per kind. */
export function parseAgents(values: string[] | undefined): AgentSpec[] {
  const agents: AgentSpec[] = []
  for (const v of values ?? []) {
    const eq = v.indexOf('=')
    const kind = v.slice(0, Math.max(eq, 0)) as PlannerKind
    const command = v.slice(eq + 1).trim()
    if (eq < 0 || !PLANNER_KINDS.includes(kind) || !command)
      throw new UsageError(
        `--agent: expected KIND="COMMAND" with KIND one of ${PLANNER_KINDS.join(', ')}, got "${clip(v, 60)}"`,
      )
    if (agents.some((a) => a.kind === kind)) throw new UsageError(`--agent: two agents for ${kind}`)
    agents.push({ kind, command })
  }
  return agents
}

/** The strategy as run: each agent's kind names the agent instead of a built-in planner. */
export function strategyWithAgents(strategy: StrategySpec, agents: readonly AgentSpec[]): StrategySpec {
  const out: StrategySpec = { ...strategy }
  for (const a of agents) out[a.kind] = agentId(a)
  return out
}

/** The scenario with one strategy replaced (the engine reports a strategy's planner names from it). */
export function specWithStrategy(spec: ScenarioSpec, strategy: StrategySpec): ScenarioSpec {
  return { ...spec, strategies: spec.strategies.map((s) => (s.name === strategy.name ? strategy : s)) }
}
