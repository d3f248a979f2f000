// The run report: what `sim run --json` prints and what the UI's summary reads. It is plain
// data with rounded numbers, built only from simulated quantities, so the same scenario and
// seed give byte-identical JSON (wall-clock planner time is left out unless asked for).

import type { SimEvent } from '../events'
import { type Better, METRICS, type MetricKey, NONDETERMINISTIC_METRICS } from '../metrics'
import { type AccessReport, accessReport } from './access'
import type { Ctx } from './context'
import { freshGeodetic } from './geodetic'
import { currentMetrics } from './measure'
import { type SeriesReport, seriesReport } from './sat-series'
import { STATUS_NAMES } from './state'
import { type TimingReport, timingReport } from './timing'
import { socOf } from './view-builder'

export interface ReportOptions {
  /** Include wall-clock figures (planner time): the report is then no longer reproducible. */
  includeTiming?: boolean
  /** Include the sampled time series (metrics, and satellites when the run sampled them). */
  withSeries?: boolean
}

export type { AccessReport, ContactWindow, EclipseInterval } from './access'
export type { SeriesReport } from './sat-series'

export interface SatelliteReport {
  id: string
  role: 'active' | 'spare'
  status: (typeof STATUS_NAMES)[number]
  /** Null for a satellite whose orbit had decayed before the run: it never had a position. */
  positionEciKm: [number, number, number] | null
  velocityEciKmS: [number, number, number] | null
  latDeg: number | null
  lonDeg: number | null
  altKm: number | null
  batterySoc: number
  propellantKg: number
  storageMb: number
}

export interface MetricReport {
  label: string
  value: number | null
  unit: string
  better: Better
}

export interface SimReport {
  scenario: string
  title: string
  strategy: string
  planners: { trajectory: string | null; allocation: string | null; maintenance: string | null }
  seed: number
  epoch: string
  simTimeUtc: string
  elapsedS: number
  stepS: number
  counts: {
    satellites: number
    stations: number
    tasks: number
    contacts: number
    eclipseEntries: number
    events: number
    failures: number
    decisions: number
    alerts: number
    plannerFaults: number
  }
  metrics: Partial<Record<MetricKey, MetricReport>>
  events: SimEvent[]
  satellites: SatelliteReport[]
  /**
   * Every contact window and eclipse interval (step resolution); there are `counts.contacts`
   * windows. Absent when the run kept no access log (SimulationOptions.accessLog false).
   */
  access?: AccessReport
  /** Only with ReportOptions.withSeries. */
  series?: SeriesReport
  /** Planner time per call; present when it was measured, and the only part that varies. */
  timing?: TimingReport
}

const r = (x: number, digits: number): number => {
  const f = 10 ** digits
  return Math.round(x * f) / f
}

export function buildReport(ctx: Ctx, seed: number, options: ReportOptions = {}): SimReport {
  const { world, s, strategy } = ctx
  const values = currentMetrics(ctx)
  const metrics: SimReport['metrics'] = {}
  const keys: MetricKey[] = []
  for (const def of METRICS) {
    if (!options.includeTiming && NONDETERMINISTIC_METRICS.includes(def.key)) continue
    metrics[def.key] = { label: def.label, value: values[def.key], unit: def.unit, better: def.better }
    keys.push(def.key)
  }
  const count = (type: SimEvent['type']) => s.events.reduce((n, e) => n + (e.type === type ? 1 : 0), 0)
  const geo = freshGeodetic(s)
  const satellites: SatelliteReport[] = world.sats.map((sat, k) => {
    const o = 3 * k
    const placed = s.decayedAtS[k] !== 0
    return {
      id: sat.id,
      role: sat.role === 'spare' && s.promoted[k] === 0 ? 'spare' : 'active',
      status: STATUS_NAMES[s.status[k]],
      positionEciKm: placed
        ? [r(s.pos[o] / 1000, 3), r(s.pos[o + 1] / 1000, 3), r(s.pos[o + 2] / 1000, 3)]
        : null,
      velocityEciKmS: placed
        ? [r(s.vel[o] / 1000, 6), r(s.vel[o + 1] / 1000, 6), r(s.vel[o + 2] / 1000, 6)]
        : null,
      latDeg: placed ? r((geo[o] * 180) / Math.PI, 4) : null,
      lonDeg: placed ? r((geo[o + 1] * 180) / Math.PI, 4) : null,
      altKm: placed ? r(geo[o + 2] / 1000, 3) : null,
      batterySoc: r(socOf(ctx, k), 4),
      propellantKg: r(s.propellantKg[k], 4),
      storageMb: r(s.storageBits[k] / 1e6, 3),
    }
  })
  const epoch = world.spec.epochMs
  const access = accessReport(world, s)
  return {
    scenario: world.spec.id,
    title: world.spec.title,
    strategy: strategy.name,
    planners: {
      trajectory: strategy.trajectory ?? null,
      allocation: strategy.allocation ?? null,
      maintenance: strategy.maintenance ?? null,
    },
    seed,
    epoch: new Date(epoch).toISOString(),
    simTimeUtc: new Date(epoch + s.t * 1000).toISOString(),
    elapsedS: s.t,
    stepS: world.spec.stepS,
    counts: {
      satellites: world.satCount,
      stations: world.stations.length,
      tasks: s.knownTasks,
      contacts: s.acc.contacts,
      eclipseEntries: s.acc.eclipseEntries,
      events: s.events.length,
      failures: count('satelliteFailed') + count('satelliteDecayed'),
      decisions: count('decision'),
      alerts: count('alert'),
      plannerFaults: s.acc.plannerFaults,
    },
    metrics,
    events: s.events.map((e) => ({ ...e })),
    satellites,
    ...(access ? { access } : {}),
    ...(options.withSeries ? { series: seriesReport(ctx, s.series, s.satSeries, keys) } : {}),
    ...withTiming(ctx),
  }
}

function withTiming(ctx: Ctx): { timing?: TimingReport } {
  const timing = timingReport(ctx.timing)
  return timing ? { timing } : {}
}
