// Shared by the scenario tests: a small valid scenario built in code (so tests do not depend on
// what the default file happens to contain), and shorthands that load and format.

import type { ScenarioSpec } from '../../src/core/spec'
import { formatIssue, type LoadOptions, loadScenarioValue } from '../../src/scenario'

export const FILE = 'scenarios/x.json'

// A real ISS element set (the widely reproduced 2008 example); its checksums are valid.
export const ISS_LINE_1 = '1 25544U 98067A   08264.51782528 -.00002182  00000-0 -11606-4 0  2927'
export const ISS_LINE_2 = '2 25544  51.6416 247.4627 0006703 130.5360 325.0288 15.72125391563537'

// biome-ignore lint/suspicious/noExplicitAny: tests poke at arbitrary places in raw JSON.
export type Raw = Record<string, any>

export function minimal(): Raw {
  return {
    formatVersion: 1,
    id: 'test',
    title: 'Test scenario',
    epoch: '2026-03-20T00:00:00Z',
    duration: '24h',
    step: '30s',
    seed: 7,
    constellation: {
      walker: {
        pattern: 'delta',
        inclinationDeg: 53,
        satellites: 24,
        planes: 3,
        phasing: 1,
        altitudeKm: 550,
      },
      satellites: [{ id: 'SPARE-1', role: 'spare', elements: { altitudeKm: 400, inclinationDeg: 53 } }],
    },
    groundStations: [
      { id: 'svalbard', latDeg: 78.23, lonDeg: 15.41 },
      { id: 'fairbanks', latDeg: 64.86, lonDeg: -147.85 },
    ],
    tasks: [
      {
        id: 'img-1',
        target: { latDeg: 35.7, lonDeg: 139.7 },
        window: ['2h', '10h'],
        priority: 3,
        dataMb: 800,
      },
    ],
    events: [
      {
        at: '6h',
        type: 'degradation',
        satellite: 'P1-S3',
        component: 'reactionWheel',
        profile: { kind: 'exponential', tauH: 20 },
      },
      { at: '12h', type: 'stationOutage', station: 'svalbard', for: '3h' },
    ],
    strategies: {
      baseline: { trajectory: 'hohmann', allocation: 'greedy-priority', maintenance: 'threshold' },
    },
  }
}

/** minimal() changed by `edit`. */
export function variant(edit: (raw: Raw) => void): Raw {
  const raw = minimal()
  edit(raw)
  return raw
}

/** The formatted issue lines of a value that must fail to load. */
export function problems(value: unknown, options?: LoadOptions): string[] {
  const result = loadScenarioValue(value, FILE, options)
  if (result.ok) throw new Error('expected the scenario to be rejected, but it loaded')
  return result.issues.map(formatIssue)
}

/** The spec of a value that must load. */
export function load(value: unknown, options?: LoadOptions): ScenarioSpec {
  const result = loadScenarioValue(value, FILE, options)
  if (!result.ok)
    throw new Error(`expected the scenario to load:\n${result.issues.map(formatIssue).join('\n')}`)
  return result.scenario
}
