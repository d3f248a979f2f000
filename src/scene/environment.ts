// What the scenario's environment events mean for the picture at a time: which ground stations are
// off the air (drawn dimmed) and whether a solar storm is on (the view is tinted). Pure functions
// of the scenario and the time; every strategy sees the same environment.

import type { ScenarioSpec } from '../core/spec'

/** Per station (scenario order), its outages as [start, end) in s after epoch. */
export function stationOutages(scenario: ScenarioSpec): [number, number][][] {
  const index = new Map(scenario.groundStations.map((s, k) => [s.id, k]))
  const out: [number, number][][] = scenario.groundStations.map(() => [])
  for (const e of scenario.events) {
    if (e.type !== 'stationOutage') continue
    const k = index.get(e.station)
    if (k !== undefined) out[k].push([e.atS, e.atS + e.durationS])
  }
  return out
}

/** Writes 1 for each station off the air at time t, else 0. */
export function writeStationsDown(
  outages: readonly [number, number][][],
  t: number,
  out: Float32Array,
): void {
  for (let k = 0; k < out.length; k++) {
    const list = outages[k] ?? []
    let down = 0
    for (const [a, b] of list) if (t >= a && t < b) down = 1
    out[k] = down
  }
}

export interface StormNow {
  /** Share of solar-array output lost, 0..1. */
  powerLoss: number
  endS: number
}

/** The solar storm going on at time t, or null. */
export function stormAt(scenario: ScenarioSpec, t: number): StormNow | null {
  for (const e of scenario.events) {
    if (e.type === 'solarStorm' && t >= e.atS && t < e.atS + e.durationS)
      return { powerLoss: e.powerLoss, endS: e.atS + e.durationS }
  }
  return null
}
