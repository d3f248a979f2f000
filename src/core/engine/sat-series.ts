// Per-satellite time series (state of charge, propellant, status) sampled with the metrics, for
// `sim run --series` and the report's `series`. Off unless asked for (SimulationOptions
// .satelliteSeries): at 10,000 satellites a day of 5-minute samples is millions of numbers, which
// snapshots would copy for nothing. Flat arrays, satellite-major within a sample.

import type { MetricKey, MetricSeries } from '../metrics'
import { METRIC_BY_KEY, METRICS } from '../metrics'
import type { Ctx } from './context'
import type { SatelliteSeries } from './run-records'
import { STATUS_NAMES } from './state'
import { socOf } from './view-builder'

/** Appends one sample of every satellite (called at each metrics sample). */
export function sampleSatellites(ctx: Ctx, into: SatelliteSeries): void {
  const s = ctx.s
  for (let k = 0; k < ctx.world.satCount; k++) {
    into.soc.push(socOf(ctx, k))
    into.propellantKg.push(s.propellantKg[k])
    into.status.push(s.status[k])
  }
}

/** The report's `series`: sample times, each metric with its unit, each satellite's columns. */
export interface SeriesReport {
  tS: number[]
  metrics: { key: MetricKey; unit: string; values: (number | null)[] }[]
  satellites: {
    id: string
    soc: number[]
    propellantKg: number[]
    status: (typeof STATUS_NAMES)[number][]
  }[]
}

const r = (x: number, digits: number): number => {
  const f = 10 ** digits
  return Math.round(x * f) / f
}

export function seriesReport(
  ctx: Ctx,
  metrics: MetricSeries,
  sats: SatelliteSeries | null,
  keys: readonly MetricKey[],
): SeriesReport {
  const n = ctx.world.satCount
  const samples = metrics.t.length
  const column = (list: number[], k: number, digits: number) => {
    const out: number[] = []
    for (let i = 0; i < samples; i++) out.push(r(list[i * n + k], digits))
    return out
  }
  return {
    tS: [...metrics.t],
    metrics: METRICS.filter((m) => keys.includes(m.key)).map((m) => ({
      key: m.key,
      unit: METRIC_BY_KEY[m.key].unit,
      values: metrics.values[m.key].map((v) => (v === null ? null : r(v, 6))),
    })),
    satellites:
      sats === null
        ? []
        : ctx.world.sats.map((sat, k) => ({
            id: sat.id,
            soc: column(sats.soc, k, 4),
            propellantKg: column(sats.propellantKg, k, 4),
            status: column(sats.status, k, 0).map((x) => STATUS_NAMES[x]),
          })),
  }
}
