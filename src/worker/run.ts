// One loaded run: the scenario, the strategies shown and one engine per strategy, stepped in
// lockstep from the same seed. `buildRun` makes it (choosing strategies and seed, noting what it
// could not honour); the Run answers "where are we" (step, time, done) for all engines at once,
// steps them together and brings them back to a snapshot.

import {
  createSimulation,
  type EnginePlanner,
  type ScenarioSpec,
  type Simulation,
  type StrategySpec,
} from '../core'
import type { PlannerRegistry } from '../planners/registry'
import type { ScenarioIssue } from '../scenario'
import { EngineLog, loggedInteresting } from './digest'
import type { FrameSource } from './frames'
import { finestSpacing, SNAPSHOT_BYTES, SnapshotHistory } from './history'
import { OrbitFacts } from './orbit-facts'
import { type LoadedMessage, MAX_STRATEGIES, type PlannerInfo, type ScenarioSource } from './protocol'

/** One strategy's engine and what the worker keeps beside it. */
export interface Engine extends FrameSource {
  snapshots: SnapshotHistory
  log: EngineLog
  orbits: OrbitFacts
}

export interface RunOptions {
  spec: ScenarioSpec
  file: string
  source: ScenarioSource
  /** Strategy names asked for (unknown ones are noted and dropped; none: the first). */
  strategies?: string[]
  seed?: number
  /** Telemetry samples kept per channel (a smaller window for big stress runs). */
  telemetryWindow?: number
}

/** A user's strategy already bound (user-strategies.ts): shown by name like the scenario's own. */
export interface ExtraStrategy {
  strategy: StrategySpec
  planners: EnginePlanner[]
  info: PlannerInfo[]
  dispose(): void
}

export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err)
}

export class Run {
  readonly totalSteps: number
  /** The snapshots' spacing at the start (it grows as the memory budget fills; history.ts). */
  readonly snapshotEvery: number

  /** Some engine has a planner behind the isolation boundary: step it with stepAsync(). */
  readonly isolated: boolean

  constructor(
    readonly options: RunOptions,
    readonly seed: number,
    readonly strategies: string[],
    readonly engines: Engine[],
    private readonly extras: readonly ExtraStrategy[] = [],
  ) {
    this.totalSteps = Math.ceil(options.spec.durationS / options.spec.stepS - 1e-9)
    this.snapshotEvery = engines[0].snapshots.every
    this.isolated = extras.some((x) => x.planners.some((p) => p.isolated))
  }

  /** Ends the planner threads of the user's strategies (the run is being replaced). */
  dispose(): void {
    for (const x of this.extras) x.dispose()
  }

  get spec(): ScenarioSpec {
    return this.options.spec
  }

  stepIndex(): number {
    return this.engines[0].sim.state().stepIndex
  }

  time(): number {
    return this.engines[0].sim.time()
  }

  done(): boolean {
    return this.engines[0].sim.done()
  }

  /** The step to show for a time asked for (clamped to the run; NaN and negatives are 0). */
  stepFor(timeS: number): number {
    if (!Number.isFinite(timeS) || timeS <= 0) return 0
    if (timeS >= this.spec.durationS) return this.totalSteps
    return Math.min(this.totalSteps, Math.round(timeS / this.spec.stepS))
  }

  /** One lockstep step of every engine, keeping snapshots and the logs. Throws what an engine throws. */
  step(): void {
    for (const e of this.engines) {
      e.snapshots.keep(e.sim)
      const start = performance.now()
      e.sim.step()
      e.snapshots.stepped(performance.now() - start)
      e.log.harvest(e.sim)
    }
  }

  /**
   * The same lockstep step for a run with isolated planners: each engine awaits its planners'
   * answers in turn (the worker stays free to read messages meanwhile).
   */
  async stepAsync(): Promise<void> {
    for (const e of this.engines) {
      e.snapshots.keep(e.sim)
      await e.sim.stepAsync()
      e.log.harvest(e.sim)
    }
  }

  /**
   * Up to `n` async steps in one go, for as long as `budgetMs` of wall time allows (and, with
   * `stopOnEvent`, until an event worth stopping for): one awaited slice of work.
   */
  async stepManyAsync(
    n: number,
    o: { now(): number; budgetMs: number; stopOnEvent: boolean },
  ): Promise<{ stopped: boolean }> {
    const start = o.now()
    for (let k = 0; k < n && !this.done(); k++) {
      const before = o.stopOnEvent ? this.engines.map((e) => e.sim.events().length) : []
      await this.stepAsync()
      if (o.stopOnEvent && this.loggedSince(before, loggedInteresting)) return { stopped: true }
      if (o.now() - start > o.budgetMs) break
    }
    return { stopped: false }
  }

  /**
   * The latest step at or before `target` that every engine has a snapshot of, or −1. (Each
   * engine thins its own history as its own budget fills, so their spacings may differ.)
   */
  latestSnapshotAtOrBefore(target: number): number {
    const [first, ...others] = this.engines.map((e) => e.snapshots)
    return first.latestAtOrBefore(target, others)
  }

  /** Every engine back to its snapshot at `step` (engines without one stay where they are). */
  restore(step: number): void {
    for (const e of this.engines) e.snapshots.restore(e.sim, step)
  }

  /** Whether any engine logged an event worth stopping for since the counts in `before`. */
  loggedSince(before: readonly number[], interesting: (sim: Simulation, from: number) => boolean): boolean {
    return this.engines.some((e, k) => interesting(e.sim, before[k]))
  }

  /** The words for people about each strategy's planners. */
  plannerInfo(registry: PlannerRegistry): Record<string, PlannerInfo[]> {
    const planners: Record<string, PlannerInfo[]> = {}
    for (const name of this.strategies) {
      const extra = this.extras.find((x) => x.strategy.name === name)
      if (extra) {
        planners[name] = extra.info
        continue
      }
      const strategy = this.spec.strategies.find((s) => s.name === name)!
      planners[name] = (['trajectory', 'allocation', 'maintenance'] as const).flatMap((kind) => {
        const id = strategy[kind]
        const p = id ? registry.find(kind, id) : undefined
        return p ? [{ id: p.id, kind, label: p.label, description: p.description }] : []
      })
    }
    return planners
  }

  loadedMessage(registry: PlannerRegistry, notes: string[]): LoadedMessage {
    return {
      type: 'loaded',
      file: this.options.file,
      source: this.options.source,
      scenario: this.spec,
      satelliteIds: this.engines[0].sim.world.sats.map((s) => s.id),
      strategies: this.strategies,
      planners: this.plannerInfo(registry),
      strategyParams: Object.fromEntries(
        this.spec.strategies.map((st) => [st.name, registry.changedParams(st)]),
      ),
      seed: this.seed,
      totalSteps: this.totalSteps,
      snapshotEvery: this.snapshotEvery,
      notes,
    }
  }
}

/** The strategies to show: known ones asked for, at most MAX_STRATEGIES, else the first. */
function chooseStrategies(
  spec: ScenarioSpec,
  wanted: string[] | undefined,
  notes: string[],
  extras: readonly ExtraStrategy[],
): string[] {
  const known = [...spec.strategies, ...extras.map((x) => x.strategy)].map((s) => s.name)
  let strategies = [...new Set((wanted ?? []).filter((s) => typeof s === 'string'))]
  const unknown = strategies.filter((s) => !known.includes(s))
  if (unknown.length)
    notes.push(`Scenario ${spec.id} has no strategy ${unknown.map((s) => `"${s}"`).join(', ')}; ignored.`)
  strategies = strategies.filter((s) => known.includes(s))
  if (strategies.length > MAX_STRATEGIES) {
    notes.push(`At most ${MAX_STRATEGIES} strategies run side by side; showing the first ${MAX_STRATEGIES}.`)
    strategies = strategies.slice(0, MAX_STRATEGIES)
  }
  return strategies.length === 0 ? [known[0]] : strategies
}

function chooseSeed(spec: ScenarioSpec, wanted: number | undefined, notes: string[]): number {
  if (wanted === undefined) return spec.seed
  if (Number.isInteger(wanted) && wanted >= 0 && wanted < 2 ** 32) return wanted
  notes.push(`Seed ${String(wanted)} is not an integer from 0 to 4294967295; using ${spec.seed}.`)
  return spec.seed
}

/** Builds the engines of a run, or says why a strategy cannot run (all problems at once). */
export function buildRun(
  options: RunOptions,
  registry: PlannerRegistry,
  extras: readonly ExtraStrategy[] = [],
): { run: Run; notes: string[] } | { issues: ScenarioIssue[] } {
  const { spec, file } = options
  const notes: string[] = []
  const strategies = chooseStrategies(spec, options.strategies, notes, extras)
  // The engines know the user's strategies too; the UI is told the scenario as it is.
  const engineSpec: ScenarioSpec = extras.length
    ? { ...spec, strategies: [...spec.strategies, ...extras.map((x) => x.strategy)] }
    : spec
  const seed = chooseSeed(spec, options.seed, notes)
  const issues: ScenarioIssue[] = []
  const sims: { name: string; sim: Simulation }[] = []
  for (const name of strategies) {
    const extra = extras.find((x) => x.strategy.name === name)
    const bound = extra
      ? { planners: extra.planners, problems: [] }
      : registry.bind(spec.strategies.find((s) => s.name === name)!)
    if (bound.problems.length) {
      for (const p of bound.problems) issues.push({ file, path: `strategies.${name}`, message: p })
      continue
    }
    try {
      const telemetryWindow = options.telemetryWindow
      sims.push({
        name,
        sim: createSimulation(engineSpec, name, {
          planners: bound.planners,
          seed,
          telemetryWindow,
          accessLog: false,
        }),
      })
    } catch (err) {
      issues.push({ file, path: `strategies.${name}`, message: errorText(err) })
    }
  }
  if (issues.length) {
    for (const x of extras) x.dispose()
    return { issues }
  }
  const totalSteps = Math.ceil(spec.durationS / spec.stepS - 1e-9)
  const every = finestSpacing(totalSteps)
  const engines: Engine[] = sims.map(({ name, sim }) => {
    const log = new EngineLog()
    log.harvest(sim)
    return {
      name,
      sim,
      snapshots: new SnapshotHistory(every, sim.snapshot(), SNAPSHOT_BYTES, () => performance.now()),
      log,
      orbits: new OrbitFacts(name),
      prev: new Float64Array(sim.state().pos.length),
    }
  })
  const used = extras.filter((x) => strategies.includes(x.strategy.name))
  for (const x of extras) if (!used.includes(x)) x.dispose()
  return { run: new Run({ ...options, strategies, seed }, seed, strategies, engines, used), notes }
}
