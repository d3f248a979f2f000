// SGP4 for the scene's TLE and OMM satellites, loaded on demand. satellite.js (through
// core/sgp4.ts) is about 12 KiB of gzipped JavaScript that a Keplerian scenario (the default one,
// every Walker constellation) never runs, so the page does not fetch it before its first frame:
// SimScene asks for it only when the scenario has a satellite flying an element set, and draws
// those satellites' loops and tracks once it has arrived (their positions come from the worker
// meanwhile, as for every satellite).

import type { TleOrbit } from '../core/sgp4'
import type { ElementSetOrbit, ScenarioSpec } from '../core/spec'

/** Makes the SGP4 model of an element set (throws for one SGP4 cannot initialise). */
export type TleModelFactory = (orbit: ElementSetOrbit) => TleOrbit

let loading: Promise<TleModelFactory> | null = null

/** core/sgp4.ts's factory, fetched once per page (later calls share the first request). */
export function loadTleModelFactory(): Promise<TleModelFactory> {
  loading ??= import('../core/sgp4').then((m) => (orbit: ElementSetOrbit) => m.createElementSetOrbit(orbit))
  return loading
}

/** Whether any satellite of the scenario flies an element set (TLE or OMM), i.e. needs SGP4. */
export function needsSgp4(scenario: ScenarioSpec): boolean {
  return scenario.satellites.some((s) => s.orbit.kind !== 'kepler')
}
