// The fixed-step engine. `createSimulation` builds the world and the state; `step()` advances
// one step in a fixed order (script → propagate → burns → geometry → payload → power →
// health → conjunctions → sampling → planners), so the same scenario and seed always give the
// same numbers. Drivers (the CLI loop, the browser worker) only call step/runUntil.

import type { ManeuverDecision } from '../decisions'
import type { SimEvent } from '../events'
import { targetInFootprint } from '../geometry'
import { estimateWork, type RunSize, workProblems } from '../limits'
import type { MetricSeries, MetricValues } from '../metrics'
import { METRICS } from '../metrics'
import type { ScenarioSpec, StrategySpec } from '../spec'
import { sunDirectionEci } from '../sun'
import { gmstRad } from '../time'
import type { WorldView } from '../view'
import { trackAccess } from './access'
import type { Ctx, EnginePlanner, SimulationOptions } from './context'
import { copyDecision, validateDecision } from './decision-check'
import { freshGeodetic } from './geodetic'
import { type GeometryStepResult, geometryPass } from './geometry-pass'
import { decaySatellite, failSatellite, healthPass, sampleTelemetry } from './health'
import { executeManeuver } from './maneuver'
import { currentMetrics } from './measure'
import { downlinkPass, imagingPass, makePayloadScratch, powerPass } from './payload'
import { callPlanner, orderPlanners, runDuePlanners, runDuePlannersAsync } from './planning'
import { createPropagator, type OrbitFact } from './propagator'
import { buildReport, type ReportOptions, type SimReport } from './report'
import { emptySatelliteSeries } from './run-records'
import { sampleSatellites } from './sat-series'
import { conjunctionPass, scriptedPass } from './scripted'
import { cloneSharing, refillDerived, withoutDerived } from './snapshot-share'
import { initialState, type SimState } from './state'
import { updateStatus } from './status-pass'
import { buildView, socOf } from './view-builder'
import { buildWorld, type World } from './world'

/** Telemetry samples kept per channel unless SimulationOptions.telemetryWindow says otherwise. */
export const DEFAULT_TELEMETRY_WINDOW = 288
/** A spare whose last slot-recovery burn leaves it this close to the slot has filled it. */
export const SLOT_TOLERANCE_M = 50_000

function runSize(spec: ScenarioSpec): RunSize {
  return {
    durationS: spec.durationS,
    stepS: spec.stepS,
    sampleEveryS: spec.sampleEveryS,
    satellites: spec.satellites.length,
    stations: spec.groundStations.length,
  }
}

/** A mistake in how the engine was called (unknown strategy, bad option): shown to the user. */
export class SimulationError extends Error {
  override name = 'SimulationError'
}

export interface SimSnapshot {
  readonly scenarioId: string
  readonly strategy: string
  readonly state: SimState
}

export interface Simulation {
  readonly spec: ScenarioSpec
  readonly strategy: StrategySpec
  readonly seed: number
  readonly world: World
  /** Seconds after epoch. */
  time(): number
  /** Advances one step; false (and does nothing) once the scenario's duration is reached. */
  step(): boolean
  /** Steps until time ≥ tS or the end; calls onProgress(fraction) now and then. */
  runUntil(tS: number, onProgress?: (fraction: number) => void): void
  /**
   * step() that awaits isolated planners (required when the strategy has any; with none it
   * computes exactly what step() does).
   */
  stepAsync(): Promise<boolean>
  /** runUntil() over stepAsync(). */
  runUntilAsync(tS: number, onProgress?: (fraction: number) => void): Promise<void>
  done(): boolean
  /**
   * The state as plain data. With `base` (an earlier snapshot of this engine), arrays that equal
   * base's are shared with it, not copied (snapshot-share.ts): keep snapshots unwritten.
   */
  snapshot(base?: SimSnapshot): SimSnapshot
  restore(snapshot: SimSnapshot): void
  events(): readonly SimEvent[]
  metrics(): MetricValues
  series(): MetricSeries
  /** The same read-only view planners get, for inspection and display. */
  view(): WorldView
  /** Validates and queues a burn as if a trajectory planner asked; returns the refusal or null. */
  scheduleManeuver(m: ManeuverDecision): string | null
  report(options?: ReportOptions): SimReport
  /** Live state arrays for fast display (read-only by convention; copied by snapshot()). */
  state(): SimState
  /** Geodetic lat (rad), lon (rad), height (m) of every satellite now, 3 each (computed on demand). */
  geodetic(): Float64Array
  /** Satellite k's orbit as propagated now: elements and the time they hold at, or its TLE. */
  orbit(k: number): OrbitFact
  /** Increases whenever an orbit may have changed (a burn, a restore); compare, don't count. */
  orbitRevision(): number
}

export function createSimulation(
  spec: ScenarioSpec,
  strategyName?: string,
  options: SimulationOptions = {},
): Simulation {
  const strategy = strategyName ? spec.strategies.find((x) => x.name === strategyName) : spec.strategies[0]
  if (!strategy) {
    const names = spec.strategies.map((x) => x.name).join(', ')
    throw new SimulationError(`unknown strategy "${strategyName}"; scenario ${spec.id} defines: ${names}`)
  }
  if (
    options.seed !== undefined &&
    !(Number.isInteger(options.seed) && options.seed >= 0 && options.seed < 2 ** 32)
  )
    throw new SimulationError(`seed must be an integer from 0 to 4294967295, got ${options.seed}`)
  const seed = options.seed ?? spec.seed
  // The loader refuses these first; this guards specs built by hand.
  const tooBig = workProblems(runSize(spec))
  if (tooBig.length > 0)
    throw new SimulationError(`scenario ${spec.id}: ${tooBig.map((p) => p.message).join('; ')}`)
  const effective: ScenarioSpec = { ...spec, seed }
  // A ring longer than the run's samples (+1: the closing sample) never fills: it would only
  // hold zeros (3.4 kB per satellite at the default 288), so it is cut to what the run can use.
  const runSamples = estimateWork(runSize(spec)).samples + 1
  const world = buildWorld(
    effective,
    Math.min(options.telemetryWindow ?? DEFAULT_TELEMETRY_WINDOW, runSamples),
  )
  const prop = createPropagator(world, spec.j2)
  const planners = orderPlanners(options.planners ?? [])
  const s0 = initialState(world)
  if (options.satelliteSeries) s0.satSeries = emptySatelliteSeries()
  if (options.accessLog === false) s0.access = null
  const ctx: Ctx = {
    world,
    s: s0,
    prop,
    strategy,
    planners,
    clock: options.clock,
    timing: new Map(),
    log: (e) => ctx.s.events.push(e),
    tmp6: new Float64Array(6),
  }
  const dt = spec.stepS
  const totalSteps = Math.ceil(spec.durationS / dt - 1e-9)
  const needAssignment = planners.some((p) => p.kind === 'allocation')
  const payload = makePayloadScratch(world)
  const bestSat = new Int32Array(world.stations.length)
  const bestBits = new Float64Array(world.stations.length)
  const sun = new Float64Array(3)

  /** Positions, geometry and environment at the current time, without advancing it. */
  function observe(): GeometryStepResult {
    const s = ctx.s
    prop.propagateAll(s.t, s.pos, s.vel, s.decayed)
    noteDecays()
    return observeAfterPropagation()
  }

  /** TLE satellites the propagator just found decayed: lost from now on, with an event. */
  function noteDecays(): void {
    const s = ctx.s
    for (let k = world.keplerCount; k < world.satCount; k++) {
      if (s.decayed[k] !== 0 && Number.isNaN(s.decayedAtS[k])) decaySatellite(world, s, k, ctx.log)
    }
  }

  function observeAfterPropagation(): GeometryStepResult {
    const s = ctx.s
    const ms = spec.epochMs + s.t * 1000
    sunDirectionEci(ms, sun, 0)
    return geometryPass(world, s, gmstRad(ms), sun, bestSat, bestBits)
  }

  function sample(): void {
    const s = ctx.s
    sampleTelemetry(world, s)
    if (s.knownTasks > 0) {
      let covered = 0
      for (let q = 0; q < s.knownTasks; q++) {
        const g = 3 * q
        for (let k = 0; k < world.satCount; k++) {
          if (s.failed[k] !== 0 || s.retired[k] !== 0) continue
          const o = 3 * k
          const tg = world.targetEcef
          if (
            targetInFootprint(
              s.ecef[o],
              s.ecef[o + 1],
              s.ecef[o + 2],
              tg[g],
              tg[g + 1],
              tg[g + 2],
              world.cosOffNadir[k],
            )
          ) {
            covered++
            break
          }
        }
      }
      s.acc.coverageSum += covered / s.knownTasks
      s.acc.coverageSamples++
    }
    const m = currentMetrics(ctx)
    s.series.t.push(s.t)
    for (const def of METRICS) s.series.values[def.key].push(m[def.key])
    if (s.satSeries !== null) sampleSatellites(ctx, s.satSeries)
    s.nextSampleS += spec.sampleEveryS
  }

  function executeDueBurns(): void {
    const s = ctx.s
    while (s.pending.length > 0 && s.pending[0].atS <= s.t) {
      const m = s.pending.shift()!
      const burned = executeManeuver(ctx, m)
      if (burned && m.purpose === 'slot-recovery' && m.replaces) checkSlotFill(m.satellite, m.replaces)
    }
  }

  function checkSlotFill(spareId: string, replacedId: string): void {
    const s = ctx.s
    if (s.pending.some((p) => p.satellite === spareId && p.purpose === 'slot-recovery')) return
    const k = world.satIndex.get(spareId)!
    const r = world.satIndex.get(replacedId)
    if (r === undefined) return
    const st = ctx.tmp6
    prop.propagateOne(r, s.t, st)
    const o = 3 * k
    const gap = Math.hypot(s.pos[o] - st[0], s.pos[o + 1] - st[1], s.pos[o + 2] - st[2])
    const failedAt = s.events.find((e) => e.type === 'satelliteFailed' && e.satellite === replacedId)?.t
    if (gap <= SLOT_TOLERANCE_M) {
      // The gap lasts from the failure to the spare's arrival; a spare that arrives first
      // (predictive maintenance at work) leaves no gap at all.
      const gapS = failedAt === undefined ? 0 : s.t - failedAt
      s.promoted[k] = 1
      s.acc.slotFillS.push(gapS)
      ctx.log({
        t: s.t,
        type: 'slotFilled',
        satellite: spareId,
        message:
          failedAt === undefined
            ? `${spareId} reached ${replacedId}'s slot (${(gap / 1000).toFixed(1)} km off) before ${replacedId} failed: no gap.`
            : `${spareId} reached ${replacedId}'s slot (${(gap / 1000).toFixed(1)} km off) ${(gapS / 3600).toFixed(1)} h after the failure.`,
        data: { gapKm: gap / 1000, fillS: gapS },
      })
    } else {
      ctx.log({
        t: s.t,
        type: 'decision',
        satellite: spareId,
        message: `${spareId} finished its slot-recovery burns ${(gap / 1000).toFixed(0)} km from ${replacedId}'s slot.`,
        data: { gapKm: gap / 1000 },
      })
    }
  }

  const isolated = planners.some((p) => p.isolated)

  /** Everything of a step before its planners; null at the end. Returns what planners need. */
  function advance(): { cadenceDue: boolean; firstNew: number } | null {
    const s = ctx.s
    if (s.stepIndex >= totalSteps) return null
    const firstNew = s.events.length
    const prevT = s.t
    s.stepIndex++
    s.t = Math.min(s.stepIndex * dt, spec.durationS)
    const h = s.t - prevT
    scriptedPass(ctx)
    prop.propagateAll(s.t, s.pos, s.vel, s.decayed)
    noteDecays()
    executeDueBurns()
    const g = observeAfterPropagation()
    trackAccess(world, s, g)
    s.acc.contacts += g.newContacts
    s.acc.eclipseEntries += g.eclipseEntries
    s.acc.visibleS += g.stationsInContact * h
    imagingPass(world, s, payload, needAssignment, ctx.log)
    const links = downlinkPass(world, s, payload, bestSat, h, ctx.log)
    const working = world.satCount - s.acc.satellitesFailed
    s.acc.transmitS += links * h
    s.acc.eclipseSatS += g.eclipsed * h
    s.acc.satS += working * h
    const minSoc = powerPass(world, s, payload, h, ctx.log)
    if (working > 0 && minSoc < s.acc.minSoc) s.acc.minSoc = minSoc
    healthPass(world, s, ctx.log)
    conjunctionPass(ctx, (k, why) => failSatellite(world, s, k, why, ctx.log))
    updateStatus(world, ctx.s)
    if (s.t >= s.nextSampleS || s.stepIndex === totalSteps) sample()
    const cadenceDue = planners.length > 0 && s.t >= s.nextPlanS
    if (cadenceDue) s.nextPlanS += spec.plannerCadenceS
    return { cadenceDue, firstNew }
  }

  function step(): boolean {
    if (isolated) throw new SimulationError('this strategy has an isolated planner: use stepAsync()')
    const due = advance()
    if (!due) return false
    if (planners.length > 0) runDuePlanners(ctx, due.cadenceDue, due.firstNew)
    return true
  }

  async function stepAsync(): Promise<boolean> {
    const due = advance()
    if (!due) return false
    if (planners.length > 0) await runDuePlannersAsync(ctx, due.cadenceDue, due.firstNew)
    return true
  }

  /** Drives `stepOnce` to tS, reporting progress every 200 steps; shared by both run loops. */
  function progressLoop(tS: number, onProgress: ((fraction: number) => void) | undefined) {
    const start = ctx.s.t
    const end = Math.min(tS, spec.durationS)
    let next = 0
    return {
      more: () => ctx.s.t < end - 1e-9,
      after() {
        if (onProgress && ctx.s.stepIndex >= next) {
          onProgress(end > start ? (ctx.s.t - start) / (end - start) : 1)
          next = ctx.s.stepIndex + 200
        }
      },
    }
  }

  // Time zero: the scripted events at the epoch, positions and a first sample. Contacts and
  // shadows already under way at the epoch count as beginning there.
  scriptedPass(ctx)
  const g0 = observe()
  trackAccess(world, ctx.s, g0)
  ctx.s.acc.contacts += g0.newContacts
  ctx.s.acc.eclipseEntries += g0.eclipseEntries
  updateStatus(world, ctx.s)
  sample()
  ctx.s.nextPlanS = 0

  const sim: Simulation = {
    spec: effective,
    strategy,
    seed,
    world,
    time: () => ctx.s.t,
    step,
    runUntil(tS, onProgress) {
      const loop = progressLoop(tS, onProgress)
      while (loop.more() && step()) loop.after()
      onProgress?.(1)
    },
    stepAsync,
    async runUntilAsync(tS, onProgress) {
      const loop = progressLoop(tS, onProgress)
      while (loop.more() && (await stepAsync())) loop.after()
      onProgress?.(1)
    },
    done: () => ctx.s.stepIndex >= totalSteps,
    snapshot(base) {
      const same = base && base.scenarioId === spec.id && base.strategy === strategy.name
      const live = withoutDerived({ ...ctx.s, kepler: prop.save() })
      const state = cloneSharing(live, same ? base.state : undefined)
      return { scenarioId: spec.id, strategy: strategy.name, state }
    },
    restore(snap) {
      if (snap.scenarioId !== spec.id || snap.strategy !== strategy.name)
        throw new SimulationError(
          `snapshot of ${snap.scenarioId}/${snap.strategy} cannot restore ${spec.id}/${strategy.name}`,
        )
      const restored = structuredClone(snap.state)
      refillDerived(restored, ctx.s)
      ctx.s = restored
      prop.load(ctx.s.kepler)
      // The elements live in the propagator again; the live state keeps no copy (state.ts).
      ctx.s.kepler = new Float64Array(0)
      // Recompute the derived scratch (best downlink candidates, Sun) and the derived arrays the
      // snapshot left empty (Earth-fixed positions, sunlit, visibility) for the restored time.
      observeAfterPropagation()
    },
    events: () => ctx.s.events,
    metrics: () => currentMetrics(ctx),
    series: () => ctx.s.series,
    view: () => buildView(ctx, '(viewer)', 'inspection'),
    scheduleManeuver(m) {
      // A one-off planner whose plan is this burn: checked, then applied as any planner's would be.
      const asPlanner: EnginePlanner = { id: 'manual', kind: 'trajectory', plan: () => [m] }
      const copy = copyDecision(m)
      const why = typeof copy === 'string' ? copy : validateDecision(ctx, copy, asPlanner)
      if (why) return why
      callPlanner(ctx, asPlanner, 'manual')
      return null
    },
    report: (opts) => buildReport(ctx, seed, opts),
    state: () => ctx.s,
    geodetic: () => freshGeodetic(ctx.s),
    orbit: (k) => prop.orbitOf(k),
    orbitRevision: () => prop.revision(),
  }
  return sim
}

export { socOf }
