// A hand-built ScenarioSpec for engine tests and benchmarks that must not depend on the file loader.

import type { BusSpec, SatelliteSpec, ScenarioSpec } from '../../src/core'
import { DEG, R_EARTH } from '../../src/core'

export const TEST_BUS: BusSpec = {
  dryMassKg: 150,
  propellantKg: 20,
  ispS: 220,
  batteryCapacityJ: 1200 * 3600,
  solarPowerW: 400,
  baseLoadW: 150,
  imagingLoadW: 120,
  downlinkLoadW: 80,
  processingLoadW: 60,
  storageBits: 64e9,
  downlinkRateBps: 150e6,
  maxOffNadirRad: 30 * DEG,
  minSoc: 0.2,
  initialSoc: 0.9,
}

/**
 * A Walker delta i:t/p/f constellation (t divisible by p), ids P1-S1 …: circular orbits, or of
 * eccentricity `e` (the engine benchmark uses a small one, so Kepler's equation is solved).
 * Tests and benchmarks share it.
 */
export function walker(
  t: number,
  p: number,
  f: number,
  altKm: number,
  incDeg: number,
  e = 0,
): SatelliteSpec[] {
  const s = t / p
  const out: SatelliteSpec[] = []
  for (let k = 0; k < p; k++) {
    for (let j = 0; j < s; j++) {
      out.push({
        id: `P${k + 1}-S${j + 1}`,
        role: 'active',
        plane: k,
        slot: j,
        bus: TEST_BUS,
        orbit: {
          kind: 'kepler',
          elements: {
            a: R_EARTH + altKm * 1000,
            e,
            i: incDeg * DEG,
            raan: (360 / p) * k * DEG,
            argp: 0,
            m0: ((360 / s) * j + (360 / t) * f * k) * DEG,
          },
        },
      })
    }
  }
  return out
}

/** Strategies of these names without parameters, for engines that must differ only by name. */
export function namedStrategies(...names: string[]): ScenarioSpec['strategies'] {
  return names.map((name) => ({ name, params: {} }))
}

export function makeSpec(over: Partial<ScenarioSpec> = {}): ScenarioSpec {
  return {
    formatVersion: 1,
    id: 'fixture',
    title: 'Fixture',
    demonstrates: 'tests',
    description: 'A small hand-built scenario for engine tests.',
    epochMs: Date.UTC(2026, 2, 20),
    durationS: 6 * 3600,
    stepS: 30,
    seed: 7,
    j2: true,
    plannerCadenceS: 600,
    sampleEveryS: 300,
    components: { failureHealth: 0.3, noiseSigma: 0.01 },
    view: null,
    satellites: walker(12, 3, 1, 550, 53),
    groundStations: [
      {
        id: 'svalbard',
        name: 'Svalbard',
        latRad: 78.23 * DEG,
        lonRad: 15.41 * DEG,
        altM: 500,
        minElevationRad: 5 * DEG,
      },
      {
        id: 'hartebeesthoek',
        name: 'Hartebeesthoek',
        latRad: -25.89 * DEG,
        lonRad: 27.69 * DEG,
        altM: 1500,
        minElevationRad: 5 * DEG,
      },
      {
        id: 'fairbanks',
        name: 'Fairbanks',
        latRad: 64.86 * DEG,
        lonRad: -147.85 * DEG,
        altM: 150,
        minElevationRad: 5 * DEG,
      },
    ],
    tasks: [
      {
        id: 'tokyo',
        kind: 'image',
        target: { latRad: 35.7 * DEG, lonRad: 139.7 * DEG },
        windowStartS: 0,
        windowEndS: 6 * 3600,
        priority: 3,
        dataBits: 800e6,
      },
      {
        id: 'paris',
        kind: 'image',
        target: { latRad: 48.86 * DEG, lonRad: 2.35 * DEG },
        windowStartS: 0,
        windowEndS: 6 * 3600,
        priority: 2,
        dataBits: 500e6,
      },
      {
        id: 'lima',
        kind: 'image',
        target: { latRad: -12.05 * DEG, lonRad: -77.04 * DEG },
        windowStartS: 3600,
        windowEndS: 6 * 3600,
        priority: 1,
        dataBits: 400e6,
      },
    ],
    events: [],
    strategies: [{ name: 'none', params: {} }],
    ...over,
  }
}
