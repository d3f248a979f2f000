// The planner registry: every built-in strategy, by kind. Adding a planner is one file plus one
// line in its kind's index.ts. Scenario files name planners by their short name ("greedy-priority").

import type { EnginePlanner, PlannerKind, ScenarioSpec, StrategySpec } from '../core'
import { PLANNER_KINDS } from '../core'
import { ALLOCATION_PLANNERS } from './allocation'
import { MAINTENANCE_PLANNERS } from './maintenance'
import { type AnyPlanner, shortName } from './planner'
import { TRAJECTORY_PLANNERS } from './trajectory'

const BUILT_IN: AnyPlanner[] = [...TRAJECTORY_PLANNERS, ...ALLOCATION_PLANNERS, ...MAINTENANCE_PLANNERS]

export class PlannerRegistry {
  private readonly byId = new Map<string, AnyPlanner>()

  constructor(planners: readonly AnyPlanner[] = BUILT_IN) {
    for (const p of planners) this.add(p)
  }

  /** Registers a planner; a duplicate id is a mistake and is refused. */
  add(p: AnyPlanner): void {
    if (this.byId.has(p.id)) throw new Error(`a planner with id "${p.id}" is already registered`)
    if (!PLANNER_KINDS.includes(p.kind))
      throw new Error(`planner "${p.id}" has unknown kind "${String(p.kind)}"`)
    if (!p.id.startsWith(`${p.kind}/`)) throw new Error(`planner id "${p.id}" must start with "${p.kind}/"`)
    this.byId.set(p.id, p)
  }

  all(): AnyPlanner[] {
    return [...this.byId.values()]
  }

  /**
   * Looks a planner up by full id or by short name within a kind. A full id wins (every id has a
   * slash, so a bare name never matches one); a name with a slash that is no full id is still a
   * short name: names() lists "team/first-come" for "allocation/team/first-come", and the
   * scenario loader accepts what names() lists.
   */
  find(kind: PlannerKind, name: string): AnyPlanner | undefined {
    return this.byId.get(name) ?? this.byId.get(`${kind}/${name}`)
  }

  /** Short names per kind, for the scenario loader's cross-check and for help texts. */
  names(): Record<PlannerKind, string[]> {
    const out: Record<PlannerKind, string[]> = { trajectory: [], allocation: [], maintenance: [] }
    for (const p of this.byId.values()) out[p.kind].push(shortName(p.id))
    return out
  }

  /**
   * Binds a strategy's planners to their validated parameters. Returns the planners and, for
   * each problem, a message naming the strategy, kind and what was wrong.
   */
  bind(strategy: StrategySpec): { planners: EnginePlanner[]; problems: string[] } {
    const planners: EnginePlanner[] = []
    const problems: string[] = []
    for (const kind of PLANNER_KINDS) {
      const name = strategy[kind]
      if (!name) continue
      const p = this.find(kind, name)
      if (!p) {
        const known = this.names()[kind]
        problems.push(
          `strategy "${strategy.name}": ${kind} planner "${name}" is not installed${known.length ? ` (known: ${known.join(', ')})` : ''}`,
        )
        continue
      }
      const parsed = p.params.safeParse(strategy.params[kind] ?? {})
      if (!parsed.success) {
        const detail = parsed.error.issues
          .map((i) => `${i.path.join('.') || '(params)'}: ${i.message}`)
          .join('; ')
        problems.push(`strategy "${strategy.name}": params.${kind}: ${detail}`)
        continue
      }
      const params = parsed.data
      planners.push({ id: p.id, kind: p.kind, triggers: p.triggers, plan: (view) => p.plan(view, params) })
    }
    return { planners, problems }
  }

  /** Binds the scenario's strategy of that name, or says in one message why it cannot. */
  bindNamed(spec: ScenarioSpec, name: string): { planners: EnginePlanner[] } | { problem: string } {
    const strategy = spec.strategies.find((s) => s.name === name)
    if (!strategy) return { problem: `scenario ${spec.id} has no strategy "${name}"` }
    const bound = this.bind(strategy)
    return bound.problems.length ? { problem: bound.problems.join('\n') } : { planners: bound.planners }
  }

  /**
   * The parameters a strategy sets to something other than its planners' defaults, one line each
   * ("allocation horizonH: 12 (default 6)"), so two strategies on the same planner read apart.
   */
  changedParams(strategy: StrategySpec): string[] {
    const out: string[] = []
    for (const kind of PLANNER_KINDS) {
      const name = strategy[kind]
      const p = name ? this.find(kind, name) : undefined
      if (!p) continue
      const set = p.params.safeParse(strategy.params[kind] ?? {})
      const defaults = p.params.safeParse({})
      if (!set.success || set.data === null || typeof set.data !== 'object') continue
      const base = (defaults.success ? defaults.data : {}) as Record<string, unknown>
      for (const [key, value] of Object.entries(set.data as Record<string, unknown>).sort(([a], [b]) =>
        a < b ? -1 : a > b ? 1 : 0,
      )) {
        const was = base?.[key]
        if (JSON.stringify(value) === JSON.stringify(was)) continue
        out.push(
          `${kind} ${key}: ${JSON.stringify(value)}${was === undefined ? '' : ` (default ${JSON.stringify(was)})`}`,
        )
      }
    }
    return out
  }
}

export const registry = new PlannerRegistry()
