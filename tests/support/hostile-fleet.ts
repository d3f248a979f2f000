// A fleet and a station network chosen to break shortcuts in the engine's hot loops: random
// low orbits of every inclination, eccentric orbits that reach far out (Molniya-like), MEO,
// geostationary satellites that hover over stations (their elevation changes by round-off only),
// and 40 stations (two words of visibility bits) from pole to pole, some on mountains, one with
// a negative elevation mask. Shared by the tests that compare a fast path with the plain one.

import { DEG, R_EARTH, type SatelliteSpec, type ScenarioSpec, type StationSpec } from '../../src/core'
import { createRng } from '../../src/core/rng'
import { makeSpec, TEST_BUS } from './spec-fixture'

function sat(id: string, a: number, e: number, i: number, raan: number, argp: number, m0: number) {
  const spec: SatelliteSpec = {
    id,
    role: 'active',
    bus: TEST_BUS,
    orbit: { kind: 'kepler', elements: { a, e, i, raan, argp, m0 } },
  }
  return spec
}

export function hostileFleet(count: number, seed = 5): SatelliteSpec[] {
  const rng = createRng(seed)
  const u = () => rng.next()
  const out: SatelliteSpec[] = []
  for (let k = 0; k < count; k++) {
    const kind = k % 10
    const angles = [2 * Math.PI * u(), 2 * Math.PI * u(), 2 * Math.PI * u()] as const
    if (kind < 6) {
      // LEO, any inclination (retrograde and polar too), slightly eccentric.
      out.push(sat(`L${k}`, R_EARTH + (300 + 1400 * u()) * 1e3, 0.03 * u(), 180 * u() * DEG, ...angles))
    } else if (kind < 8) {
      // Eccentric: perigee in LEO, apogee up to 40,000 km.
      const rp = R_EARTH + (400 + 800 * u()) * 1e3
      const ra = R_EARTH + (5000 + 35000 * u()) * 1e3
      out.push(sat(`E${k}`, (rp + ra) / 2, (ra - rp) / (ra + rp), (40 + 30 * u()) * DEG, ...angles))
    } else if (kind === 8) {
      out.push(sat(`M${k}`, R_EARTH + (19000 + 4000 * u()) * 1e3, 0.01 * u(), 55 * DEG, ...angles))
    } else {
      // Geostationary (two-body: fixed over one longitude).
      out.push(sat(`G${k}`, 42_164_170, 0, 0, 0, 0, 2 * Math.PI * u()))
    }
  }
  return out
}

export function hostileStations(): StationSpec[] {
  return Array.from({ length: 40 }, (_, k) => ({
    id: `H${k}`,
    name: `H${k}`,
    latRad: (-89 + (178 * k) / 39) * DEG,
    lonRad: (((k * 83) % 360) - 180) * DEG,
    altM: (k % 5) * 1200,
    minElevationRad: (k === 7 ? -2 : k % 3 === 0 ? 0 : 10) * DEG,
  }))
}

/** The hostile fleet and stations, with an outage and a lost satellite to close windows early. */
export function hostileSpec(count: number, over: Partial<ScenarioSpec> = {}): ScenarioSpec {
  const satellites = hostileFleet(count)
  return makeSpec({
    satellites,
    groundStations: hostileStations(),
    tasks: [],
    j2: false,
    durationS: 6 * 3600,
    stepS: 30,
    events: [
      { type: 'stationOutage', atS: 3600, station: 'H21', durationS: 1800 },
      {
        type: 'degradation',
        atS: 600,
        satellite: satellites[3].id,
        component: 'reactionWheel',
        profile: { kind: 'linear', ratePerS: 1 / 3600 },
      },
    ],
    ...over,
  })
}
