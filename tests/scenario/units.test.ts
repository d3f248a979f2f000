import { describe, expect, it } from 'vitest'
import { DEG, R_EARTH } from '../../src/core/constants'
import type { ScriptedEvent } from '../../src/core/spec'
import { ISS_LINE_1, ISS_LINE_2, load, variant } from './helpers'

// The file speaks km, degrees, Wh, gigabits, megabits and durations; the spec speaks SI.

describe('scenario-wide values', () => {
  it('turns the epoch into milliseconds and durations into seconds, filling defaults', () => {
    const spec = load(variant(() => {}))
    expect(spec.epochMs).toBe(Date.UTC(2026, 2, 20))
    expect(spec.durationS).toBe(86_400)
    expect(spec.stepS).toBe(30)
    expect(spec.plannerCadenceS).toBe(600)
    expect(spec.sampleEveryS).toBe(300)
    expect(spec.j2).toBe(true)
    expect(spec.components).toEqual({ failureHealth: 0.3, noiseSigma: 0.01 })
    expect(spec.formatVersion).toBe(1)
    expect(spec.demonstrates).toBe('')
  })

  it('accepts durations as plain seconds', () => {
    const spec = load(
      variant((r) => {
        r.duration = 7200
        r.step = 0.5
        r.plannerCadence = 60
        r.sampleEvery = '1m30s'
        r.tasks = []
        r.events = []
      }),
    )
    expect([spec.durationS, spec.stepS, spec.plannerCadenceS, spec.sampleEveryS]).toEqual([7200, 0.5, 60, 90])
  })
})

describe('orbits', () => {
  it('builds a from altitude or takes it as given, and converts angles to radians in [0, 2π)', () => {
    const spec = load(
      variant((r) => {
        r.constellation.satellites.push({
          id: 'HEO',
          elements: {
            semiMajorAxisKm: 26_600,
            eccentricity: 0.74,
            inclinationDeg: 63.4,
            raanDeg: -90,
            argPerigeeDeg: 270,
            meanAnomalyDeg: 360,
          },
        })
      }),
    )
    const [spare, heo] = spec.satellites.slice(24)
    expect(spare.orbit).toEqual({
      kind: 'kepler',
      elements: { a: R_EARTH + 400_000, e: 0, i: 53 * DEG, raan: 0, argp: 0, m0: 0 },
    })
    if (heo.orbit.kind !== 'kepler') throw new Error('HEO should be Keplerian')
    expect(heo.orbit.elements.a).toBe(26_600_000)
    expect(heo.orbit.elements.e).toBe(0.74)
    expect(heo.orbit.elements.i).toBeCloseTo(63.4 * DEG, 15)
    expect(heo.orbit.elements.raan).toBeCloseTo(270 * DEG, 12)
    expect(heo.orbit.elements.argp).toBeCloseTo(270 * DEG, 12)
    expect(heo.orbit.elements.m0).toBe(0)
  })

  it('keeps TLE lines as given, with the name as id, or NORAD-<number> without one', () => {
    const spec = load(
      variant((r) => {
        // "0 " marks the name line of the 3LE format Space-Track serves.
        r.constellation.tle = ['0 ISS (ZARYA)', ISS_LINE_1, ISS_LINE_2]
      }),
    )
    expect(spec.satellites.at(-1)).toMatchObject({
      id: 'ISS (ZARYA)',
      role: 'active',
      orbit: { kind: 'tle', name: 'ISS (ZARYA)', line1: ISS_LINE_1, line2: ISS_LINE_2 },
    })
    const bare = load(
      variant((r) => {
        r.constellation.tle = [ISS_LINE_1, ISS_LINE_2]
      }),
    )
    expect(bare.satellites.at(-1)?.id).toBe('NORAD-25544')
  })
})

describe('buses', () => {
  it('converts Wh, gigabits, megabits per second and degrees, and layers defaults field by field', () => {
    const spec = load(
      variant((r) => {
        r.bus = { batteryWh: 2000, storageGb: 128 }
        r.constellation.walker.bus = { batteryWh: 1500, maxOffNadirDeg: 45 }
        r.constellation.satellites[0].bus = { downlinkMbps: 300, propellantKg: 0 }
      }),
    )
    const walkerBus = spec.satellites[0].bus
    expect(walkerBus.batteryCapacityJ).toBe(1500 * 3600)
    expect(walkerBus.storageBits).toBe(128e9)
    expect(walkerBus.maxOffNadirRad).toBeCloseTo(45 * DEG, 15)
    expect(walkerBus.downlinkRateBps).toBe(150e6)
    const spareBus = spec.satellites[24].bus
    expect(spareBus).toEqual({
      dryMassKg: 150,
      propellantKg: 0,
      ispS: 220,
      batteryCapacityJ: 2000 * 3600,
      solarPowerW: 400,
      baseLoadW: 150,
      imagingLoadW: 120,
      downlinkLoadW: 80,
      processingLoadW: 60,
      storageBits: 128e9,
      downlinkRateBps: 300e6,
      maxOffNadirRad: 30 * DEG,
      minSoc: 0.2,
      initialSoc: 0.9,
    })
    // Every satellite gets its own object, so nothing downstream can change two at once.
    expect(spec.satellites[0].bus).not.toBe(spec.satellites[1].bus)
  })
})

describe('ground segment and tasks', () => {
  it('converts stations and fills their defaults', () => {
    const spec = load(
      variant((r) => {
        r.groundStations[1] = {
          id: 'fairbanks',
          name: 'Fairbanks',
          latDeg: 64.86,
          lonDeg: -147.85,
          altitudeKm: 0.2,
          minElevationDeg: 10,
        }
      }),
    )
    expect(spec.groundStations[0]).toEqual({
      id: 'svalbard',
      name: 'svalbard',
      latRad: 78.23 * DEG,
      lonRad: 15.41 * DEG,
      altM: 0,
      minElevationRad: 5 * DEG,
    })
    expect(spec.groundStations[1].altM).toBeCloseTo(200, 9)
    expect(spec.groundStations[1].minElevationRad).toBeCloseTo(10 * DEG, 15)
    expect(spec.groundStations[1].name).toBe('Fairbanks')
  })

  it('converts tasks: windows to seconds, megabits to bits', () => {
    const spec = load(
      variant((r) => {
        r.tasks.push({
          id: 'img-2',
          target: { latDeg: -33.9, lonDeg: 151.2 },
          window: ['1h30m', 36_000],
          dataMb: 1.5,
        })
      }),
    )
    expect(spec.tasks[0]).toEqual({
      id: 'img-1',
      kind: 'image',
      target: { latRad: 35.7 * DEG, lonRad: 139.7 * DEG },
      windowStartS: 7200,
      windowEndS: 36_000,
      priority: 3,
      dataBits: 800e6,
    })
    expect(spec.tasks[1]).toMatchObject({
      windowStartS: 5400,
      windowEndS: 36_000,
      priority: 1,
      dataBits: 1.5e6,
    })
  })
})

describe('events', () => {
  it('converts every kind of event', () => {
    const task = {
      id: 'flood',
      target: { latDeg: 23.8, lonDeg: 90.4 },
      window: ['4h', '8h'],
      priority: 9,
      dataMb: 100,
    }
    const spec = load(
      variant((r) => {
        r.events = [
          {
            at: '2h',
            type: 'degradation',
            satellite: 'P1-S3',
            component: 'reactionWheel',
            profile: { kind: 'exponential', tauH: 4.5 },
          },
          {
            at: '3h',
            type: 'degradation',
            satellite: 'P1-S4',
            component: 'battery',
            profile: { kind: 'linear', perHour: 0.036 },
          },
          { at: '20h', type: 'failure', satellite: 'P2-S1', component: 'thruster' },
          { at: '12h', type: 'stationOutage', station: 'svalbard', for: '3h' },
          { at: '8h', type: 'solarStorm', for: '6h' },
          { at: '4h', type: 'taskBurst', tasks: [task] },
          { at: '5h', type: 'conjunction', satellite: 'P1-S1', tca: '7h', missDistanceKm: 0.05 },
        ]
      }),
    )
    const expected: ScriptedEvent[] = [
      {
        type: 'degradation',
        atS: 7200,
        satellite: 'P1-S3',
        component: 'reactionWheel',
        profile: { kind: 'exponential', tauS: 16_200, scale: 0.02 },
      },
      {
        type: 'degradation',
        atS: 10_800,
        satellite: 'P1-S4',
        component: 'battery',
        profile: { kind: 'linear', ratePerS: 0.00001 },
      },
      { type: 'failure', atS: 72_000, satellite: 'P2-S1', component: 'thruster' },
      { type: 'stationOutage', atS: 43_200, station: 'svalbard', durationS: 10_800 },
      { type: 'solarStorm', atS: 28_800, durationS: 21_600, powerLoss: 0.3, noiseFactor: 3 },
      {
        type: 'taskBurst',
        atS: 14_400,
        tasks: [
          {
            id: 'flood',
            kind: 'image',
            target: { latRad: 23.8 * DEG, lonRad: 90.4 * DEG },
            windowStartS: 14_400,
            windowEndS: 28_800,
            priority: 9,
            dataBits: 100e6,
          },
        ],
      },
      {
        type: 'conjunction',
        atS: 18_000,
        satellite: 'P1-S1',
        tcaS: 25_200,
        missDistanceM: 50,
        hardBodyRadiusM: 20,
      },
    ]
    expect(spec.events).toHaveLength(expected.length)
    spec.events.forEach((event, i) => {
      expect(event).toEqual(numbersClose(expected[i], event))
    })
  })

  it('keeps strategies in file order with their parameters', () => {
    const spec = load(
      variant((r) => {
        r.strategies.predictive = {
          allocation: 'optimal',
          maintenance: 'trend',
          params: { maintenance: { horizonH: 12 } },
        }
        r.strategies.aardvark = {}
      }),
    )
    expect(spec.strategies).toEqual([
      {
        name: 'baseline',
        trajectory: 'hohmann',
        allocation: 'greedy-priority',
        maintenance: 'threshold',
        params: {},
      },
      {
        name: 'predictive',
        allocation: 'optimal',
        maintenance: 'trend',
        params: { maintenance: { horizonH: 12 } },
      },
      { name: 'aardvark', params: {} },
    ])
  })
})

/**
 * `expected` with every number replaced by the actual one when they agree to 12 significant
 * digits, so floating-point noise in unit conversions (0.036 / 3600) does not fail the test.
 */
function numbersClose(expected: unknown, actual: unknown): unknown {
  if (typeof expected === 'number' && typeof actual === 'number') {
    return Math.abs(expected - actual) <= 1e-12 * Math.max(1, Math.abs(expected)) ? actual : expected
  }
  if (Array.isArray(expected) && Array.isArray(actual))
    return expected.map((e, i) => numbersClose(e, actual[i]))
  if (typeof expected === 'object' && expected !== null && typeof actual === 'object' && actual !== null) {
    const a = actual as Record<string, unknown>
    return Object.fromEntries(Object.entries(expected).map(([k, v]) => [k, numbersClose(v, a[k])]))
  }
  return expected
}
