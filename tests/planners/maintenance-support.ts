// Shared by the maintenance-planner tests: runs a strategy through the registry, computes the
// ground truth of a degradation profile (when its health really crosses the failure limit) and
// scores alerts from the event log — the engine's own rules (see src/core/engine/measure.ts)
// plus precision and recall, which the engine's metrics do not carry yet.

import {
  type ComponentName,
  createSimulation,
  type DegradationProfile,
  type ScenarioSpec,
  type ScriptedEvent,
  type SimEvent,
  type Simulation,
} from '../../src/core'
import { registry } from '../../src/planners'
import { makeSpec } from '../support/spec-fixture'

const H = 3600

/** Runs one of the spec's strategies to the end with its planners bound by the registry. */
export function runStrategy(spec: ScenarioSpec, strategy: string, seed?: number): Simulation {
  const st = spec.strategies.find((s) => s.name === strategy)
  if (!st) throw new Error(`no strategy ${strategy}`)
  const { planners, problems } = registry.bind(st)
  if (problems.length) throw new Error(problems.join('\n'))
  const sim = createSimulation(spec, strategy, { planners, seed })
  sim.runUntil(spec.durationS)
  return sim
}

/** When a profile that starts at onsetS first brings health to the limit, s after epoch. */
export function trueFailureS(onsetS: number, profile: DegradationProfile, limit: number): number {
  const wear = 1 - limit
  return profile.kind === 'linear'
    ? onsetS + wear / profile.ratePerS
    : onsetS + profile.tauS * Math.log(1 + wear / profile.scale)
}

/** How much health a profile that started at onsetS has lost by tS (the engine's rule, health.ts). */
export function wearAt(onsetS: number, profile: DegradationProfile, tS: number): number {
  const tau = Math.max(0, tS - onsetS)
  return profile.kind === 'linear' ? profile.ratePerS * tau : profile.scale * Math.expm1(tau / profile.tauS)
}

/**
 * Relative standard error × √(n − 1) of σ estimated as 1.4826 × median|xᵢ − xᵢ₋₁| / √2 from n
 * samples of white Gaussian noise: a sample median has asymptotic variance p(1 − p)/(n f(q)²),
 * which for |N(0, 2σ²)| gives 1.17/√n; adjacent differences share a sample (correlation −½),
 * which adds 2·Cov(1{|dᵢ| < q}, 1{|dᵢ₊₁| < q}) = 0.053 to p(1 − p) = 0.25 and makes it 1.28/√n.
 */
export const MAD_DIFF_REL_SE = 1.28

/** How fast health falls (per second, positive) at time tS under a profile that started at onsetS. */
export function wearRateAt(onsetS: number, profile: DegradationProfile, tS: number): number {
  return profile.kind === 'linear'
    ? profile.ratePerS
    : (profile.scale / profile.tauS) * Math.exp((tS - onsetS) / profile.tauS)
}

const key = (satellite: string | undefined, component: string | undefined) => `${satellite}/${component}`

export interface AlertOutcome {
  /** First alert per satellite/component, with its predicted failure time if any. */
  first: Map<string, { t: number; predictedFailureS?: number; message: string }>
  /** Component failures in the run, by satellite/component. */
  failures: Map<string, number>
  /** Alerted satellite/components that were scripted to degrade or fail. */
  trueAlerts: number
  /** Alerted satellite/components that were not. */
  falseAlarms: number
  /** Failures with an alert at or before them. */
  announced: number
  missed: number
  /** trueAlerts / alerted; null with no alerts. */
  precision: number | null
  /** announced / failures; null with no failures. */
  recall: number | null
  /** Failure time − first alert time of each announced failure, s. */
  leadsS: number[]
}

/** Scores the alerts of a run against the scenario's scripted degradations and failures. */
export function scoreRun(spec: ScenarioSpec, events: readonly SimEvent[]): AlertOutcome {
  const doomed = new Set(
    spec.events
      .filter((e) => e.type === 'degradation' || e.type === 'failure')
      .map((e) => key((e as { satellite: string }).satellite, (e as { component: string }).component)),
  )
  const first: AlertOutcome['first'] = new Map()
  const failures = new Map<string, number>()
  for (const e of events) {
    const k = key(e.satellite, e.component)
    if (e.type === 'alert' && !first.has(k)) {
      const p = e.data?.predictedFailureS
      first.set(k, { t: e.t, predictedFailureS: p === undefined ? undefined : Number(p), message: e.message })
    }
    if (e.type === 'componentFailed' && !failures.has(k)) failures.set(k, e.t)
  }
  let trueAlerts = 0
  for (const k of first.keys()) if (doomed.has(k)) trueAlerts++
  const leadsS: number[] = []
  for (const [k, t] of failures) {
    const a = first.get(k)
    if (a && a.t <= t) leadsS.push(t - a.t)
  }
  return {
    first,
    failures,
    trueAlerts,
    falseAlarms: first.size - trueAlerts,
    announced: leadsS.length,
    missed: failures.size - leadsS.length,
    precision: first.size ? trueAlerts / first.size : null,
    recall: failures.size ? leadsS.length / failures.size : null,
    leadsS,
  }
}

export const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length

/** Degradations of assorted shapes, one per satellite, on a 12-satellite fixture. */
export const WEAR: {
  satellite: string
  component: ComponentName
  onsetH: number
  profile: DegradationProfile
}[] = [
  {
    satellite: 'P1-S1',
    component: 'reactionWheel',
    onsetH: 2,
    profile: { kind: 'linear', ratePerS: 0.02 / H },
  },
  { satellite: 'P1-S2', component: 'battery', onsetH: 4, profile: { kind: 'linear', ratePerS: 0.05 / H } },
  {
    satellite: 'P1-S3',
    component: 'reactionWheel',
    onsetH: 6,
    profile: { kind: 'exponential', tauS: 5 * H, scale: 0.02 },
  },
  {
    satellite: 'P1-S4',
    component: 'battery',
    onsetH: 1,
    profile: { kind: 'exponential', tauS: 8 * H, scale: 0.01 },
  },
  {
    satellite: 'P2-S1',
    component: 'reactionWheel',
    onsetH: 10,
    profile: { kind: 'exponential', tauS: 3 * H, scale: 0.03 },
  },
  {
    satellite: 'P2-S2',
    component: 'thruster',
    onsetH: 3,
    profile: { kind: 'exponential', tauS: 10 * H, scale: 0.05 },
  },
  {
    satellite: 'P2-S3',
    component: 'reactionWheel',
    onsetH: 12,
    profile: { kind: 'linear', ratePerS: 0.1 / H },
  },
  {
    satellite: 'P2-S4',
    component: 'battery',
    onsetH: 5,
    profile: { kind: 'exponential', tauS: 4 * H, scale: 0.005 },
  },
]

const MAINTENANCE = ['threshold', 'trend', 'cusum'] as const

/**
 * A 48 h run of the 12-satellite fixture (60 s steps, 10 min planner cadence, 5 min samples,
 * σ = 0.01) with the WEAR degradations (or none), optional extra events, and one strategy per
 * maintenance planner plus "none".
 */
export function wearSpec(
  opts: { wear?: boolean; extra?: ScriptedEvent[]; durationH?: number } = {},
): ScenarioSpec {
  const events: ScriptedEvent[] = (opts.wear === false ? [] : WEAR).map((w) => ({
    type: 'degradation' as const,
    atS: w.onsetH * H,
    satellite: w.satellite,
    component: w.component,
    profile: w.profile,
  }))
  events.push(...(opts.extra ?? []))
  events.sort((a, b) => a.atS - b.atS)
  return makeSpec({
    durationS: (opts.durationH ?? 48) * H,
    stepS: 60,
    events,
    tasks: [],
    strategies: [
      { name: 'none', params: {} },
      ...MAINTENANCE.map((m) => ({ name: m, maintenance: m, params: {} })),
    ],
  })
}
