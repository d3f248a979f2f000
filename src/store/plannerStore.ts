// The planners the user can build strategies from, and the strategies they built: the built-in
// catalog (described by the inspector), the modules the user loaded (their text, kept to run
// them later in a worker of their own, and their descriptions), and the user's strategies.
// Vanilla zustand; the UI binds with `useStore`. None of this goes into a link: a module is code
// on the user's disk, so a link may name a user's strategy only to say it cannot be rebuilt.

import { createStore, type StoreApi } from 'zustand/vanilla'
import type { PlannerKind } from '../core/decisions'
import type { Recording } from '../planners/agent/recording-format'
import type { PlannerDescription } from '../worker/plugins/inspect-protocol'

/** Most modules loaded at once, and most strategies a user may define. */
export const MAX_USER_MODULES = 8
export const MAX_USER_STRATEGIES = 8

export interface UserModule {
  file: string
  text: string
  planners: PlannerDescription[]
}

export interface UserStrategy {
  name: string
  /** Full planner id per kind (e.g. "allocation/first-come"); a kind left out has no planner. */
  planners: Partial<Record<PlannerKind, string>>
  params: Partial<Record<PlannerKind, Record<string, unknown>>>
}

/** A recorded agent run opened with "Open recording…": a strategy replayed from the file. */
export interface UserRecording {
  /** The strategy's name ("recorded: greedy_agent.py"). */
  name: string
  file: string
  data: Recording
}

export interface PlannerState {
  builtIns: PlannerDescription[] | null
  modules: UserModule[]
  strategies: UserStrategy[]
  recordings: UserRecording[]
  /** The module file being checked now, or null. */
  checking: string | null
  /** The planners and strategies dialog is open. */
  editorOpen: boolean
}

export type PlannerStore = StoreApi<PlannerState>

export function createPlannerStore(initial: Partial<PlannerState> = {}): PlannerStore {
  return createStore<PlannerState>()(() => ({
    builtIns: null,
    modules: [],
    strategies: [],
    recordings: [],
    checking: null,
    editorOpen: false,
    ...initial,
  }))
}

/** Every planner known, built-in first; `file` names the module of a user's planner. */
export function allPlanners(
  s: Pick<PlannerState, 'builtIns' | 'modules'>,
): (PlannerDescription & { file?: string })[] {
  return [...(s.builtIns ?? []), ...s.modules.flatMap((m) => m.planners.map((p) => ({ ...p, file: m.file })))]
}

/** The module a planner id comes from, or undefined for a built-in (or unknown) one. */
export function moduleOf(s: PlannerState, id: string): UserModule | undefined {
  return s.modules.find((m) => m.planners.some((p) => p.id === id))
}

/** True when a strategy runs code from a user's module. */
export function usesUserPlanner(s: PlannerState, strategy: UserStrategy): boolean {
  return Object.values(strategy.planners).some((id) => id !== undefined && moduleOf(s, id) !== undefined)
}

/**
 * Adds a checked module (a module loaded again from the same file name replaces the old one).
 * Returns the problem, in words, when it cannot be added.
 */
export function addModule(store: PlannerStore, module: UserModule): string | null {
  const s = store.getState()
  const others = s.modules.filter((m) => m.file !== module.file)
  if (others.length >= MAX_USER_MODULES)
    return `at most ${MAX_USER_MODULES} planner modules can be loaded at once; remove one first`
  const taken = new Map<string, string>()
  for (const p of s.builtIns ?? []) taken.set(p.id, 'a built-in planner')
  for (const m of others) for (const p of m.planners) taken.set(p.id, `a planner from ${m.file}`)
  for (const p of module.planners) {
    const owner = taken.get(p.id)
    if (owner) return `its planner id "${p.id}" is already taken by ${owner}; give it another id`
  }
  const at = s.modules.findIndex((m) => m.file === module.file)
  const modules = at < 0 ? [...s.modules, module] : s.modules.map((m, k) => (k === at ? module : m))
  // A strategy that named a planner the new version no longer has loses that planner.
  const ids = new Set(allPlanners({ ...s, modules }).map((p) => p.id))
  store.setState({ modules, strategies: s.strategies.map((x) => keepKnown(x, ids)) })
  return null
}

function keepKnown(strategy: UserStrategy, ids: Set<string>): UserStrategy {
  const planners: UserStrategy['planners'] = {}
  for (const [kind, id] of Object.entries(strategy.planners) as [PlannerKind, string][])
    if (ids.has(id)) planners[kind] = id
  return { ...strategy, planners }
}

/** Removes a module and every strategy that used one of its planners. */
export function removeModule(store: PlannerStore, file: string): void {
  const s = store.getState()
  const gone = s.modules.find((m) => m.file === file)
  if (!gone) return
  const ids = new Set(gone.planners.map((p) => p.id))
  store.setState({
    modules: s.modules.filter((m) => m !== gone),
    strategies: s.strategies.filter((x) => !Object.values(x.planners).some((id) => id && ids.has(id))),
  })
}

/** A strategy name as links and the chooser show it. */
export const STRATEGY_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$/

/** Every problem with a strategy, in words (`reserved`: the scenario's own strategy names). */
export function strategyProblems(
  s: PlannerState,
  strategy: UserStrategy,
  reserved: readonly string[],
): string[] {
  const problems: string[] = []
  if (!STRATEGY_NAME.test(strategy.name))
    problems.push('name: expected 1 to 40 letters, digits, "-", "_" or "." (starting with a letter or digit)')
  else if (reserved.includes(strategy.name))
    problems.push(`name: the scenario already has a strategy "${strategy.name}"; choose another name`)
  const known = new Set(allPlanners(s).map((p) => p.id))
  const chosen = Object.values(strategy.planners).filter((id): id is string => id !== undefined)
  if (chosen.length === 0) problems.push('choose at least one planner')
  for (const id of chosen) if (!known.has(id)) problems.push(`planner "${id}" is not loaded`)
  const replacing = s.strategies.some((x) => x.name === strategy.name)
  if (!replacing && s.strategies.length >= MAX_USER_STRATEGIES)
    problems.push(`at most ${MAX_USER_STRATEGIES} strategies of your own; remove one first`)
  return problems
}

/**
 * Adds (or, with the same name, replaces) a user's strategy. Returns every problem in words;
 * empty when it was added.
 */
export function saveStrategy(
  store: PlannerStore,
  strategy: UserStrategy,
  reserved: readonly string[],
): string[] {
  const s = store.getState()
  const problems = strategyProblems(s, strategy, reserved)
  if (problems.length) return problems
  const replacing = s.strategies.some((x) => x.name === strategy.name)
  store.setState({
    strategies: replacing
      ? s.strategies.map((x) => (x.name === strategy.name ? strategy : x))
      : [...s.strategies, strategy],
  })
  return []
}

export function removeStrategy(store: PlannerStore, name: string): void {
  store.setState({ strategies: store.getState().strategies.filter((x) => x.name !== name) })
}
