// The user's own strategies in the simulation worker: what the UI last said they are, and how
// one is bound for a run — built-in planners in-process through the registry, a user's planners
// behind the isolation boundary (src/planners/isolation/host.ts), each in a Web Worker of its
// own with the same per-call deadline as the CLI's default. Binding is asynchronous (the planner
// threads load their module and check their parameters first).

import {
  DEFAULT_TELEMETRY_WINDOW,
  type EnginePlanner,
  PLANNER_KINDS,
  type ScenarioSpec,
  type StrategySpec,
} from '../core'
import {
  createIsolatedPlanner,
  DEFAULT_PLANNER_TIMEOUT_MS,
  type IsolatedPlanner,
  type StartGuest,
} from '../planners/isolation/host'
import type { PlannerRegistry } from '../planners/registry'
import { webGuest } from './plugins/web-guest'
import type { PlannerInfo, UserStrategyDef } from './protocol'
import { bindRecordedStrategy } from './recorded-strategy'

/** Starts a planner thread for a module (a fake in Node tests). */
export type GuestFactory = (module: { text: string; file: string }) => StartGuest

export interface BoundUser {
  strategy: StrategySpec
  planners: EnginePlanner[]
  info: PlannerInfo[]
  dispose(): void
}

export interface BindOptions {
  spec: ScenarioSpec
  registry: PlannerRegistry
  telemetryWindow?: number
  timeoutMs?: number
  guest?: GuestFactory
  onWarning?(message: string): void
  /** The seed the run is built with (a recorded run replays only on its own). */
  seed?: number
}

/** The strategy as the engine knows strategies (planners by full id). */
export function strategySpecOf(def: UserStrategyDef): StrategySpec {
  const out: StrategySpec = { name: def.name, params: {} }
  for (const kind of PLANNER_KINDS) {
    const id = def.planners[kind]
    if (typeof id !== 'string') continue
    out[kind] = id
    if (def.params[kind] !== undefined) out.params[kind] = def.params[kind]
  }
  return out
}

/** Binds one user strategy, or says (all at once) why it cannot run. */
export async function bindUserStrategy(
  def: UserStrategyDef,
  o: BindOptions,
): Promise<BoundUser | { problems: string[] }> {
  if (def.recording) return bindRecordedStrategy({ ...def, recording: def.recording }, o)
  const strategy = strategySpecOf(def)
  const inProcess: StrategySpec = { name: def.name, params: {} }
  const info: PlannerInfo[] = []
  const isolated: Promise<{ planner: IsolatedPlanner } | { problems: string[] }>[] = []
  for (const kind of PLANNER_KINDS) {
    const id = strategy[kind]
    if (!id) continue
    const module = def.modules.find((m) => m.planners.some((p) => p.id === id))
    const manifest = module?.planners.find((p) => p.id === id)
    if (!module || !manifest) {
      inProcess[kind] = id
      inProcess.params[kind] = strategy.params[kind]
      const p = o.registry.find(kind, id)
      if (p) info.push({ id: p.id, kind, label: p.label, description: p.description })
      continue
    }
    info.push({ id, kind, label: manifest.label, description: manifest.description })
    isolated.push(
      createIsolatedPlanner({
        start: (o.guest ?? webGuest)(module),
        manifest,
        spec: o.spec,
        telemetryWindow: o.telemetryWindow ?? DEFAULT_TELEMETRY_WINDOW,
        params: strategy.params[kind],
        timeoutMs: o.timeoutMs ?? DEFAULT_PLANNER_TIMEOUT_MS,
        onWarning: o.onWarning,
      }).then((made) =>
        'problems' in made
          ? { problems: made.problems.map((m) => `strategy "${def.name}": ${kind} planner ${id}: ${m}`) }
          : made,
      ),
    )
  }
  const bound = o.registry.bind(inProcess)
  const made = await Promise.all(isolated)
  const threads = made.flatMap((m) => ('planner' in m ? [m.planner] : []))
  const dispose = () => {
    for (const p of threads) p.dispose()
  }
  const problems = [...bound.problems, ...made.flatMap((m) => ('problems' in m ? m.problems : []))]
  if (problems.length) {
    dispose()
    return { problems }
  }
  return { strategy, planners: [...bound.planners, ...threads], info, dispose }
}

/** What the UI last sent: the user's strategies by name. */
