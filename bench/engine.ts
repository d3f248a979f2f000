// Benchmark: the whole engine step (Keplerian propagation with J2, ECI→ECEF→geodetic, visibility
// from 20 ground stations, eclipse, the bus, telemetry sampling) in ns per satellite-step,
// beside satellite.js's SGP4 in ns per propagation for the same satellites, measured in the
// same run. Target at 10,000 satellites: ratio ≤ 1.0 (aim ≤ 0.6).
//
// Two fleets per size: a Walker shell (what the scenarios use: many satellites share a, e, i,
// which the propagator exploits) and random LEO elements (no two alike: the worst case).

import { json2satrec, type SatRec, sgp4 } from 'satellite.js'
import { createSimulation, DEG, MU_EARTH, R_EARTH, type SatelliteSpec, type StationSpec } from '../src/core'
import { createRng } from '../src/core/rng'
import { makeSpec, TEST_BUS, walker } from '../tests/support/spec-fixture'
import { type BenchRow, row } from './row'

const STEPS = 60

/** The shared Walker fixture: 53°, 550 km, e = 1e-4, as many planes as fit √n evenly. */
function walkerFleet(n: number): SatelliteSpec[] {
  let planes = Math.floor(Math.sqrt(n))
  while (n % planes !== 0) planes--
  return walker(n, planes, 1, 550, 53, 1e-4)
}

function randomFleet(n: number): SatelliteSpec[] {
  const rng = createRng(42)
  return Array.from({ length: n }, (_, k) =>
    sat(
      `R${k}`,
      R_EARTH + (400 + 1000 * rng.next()) * 1e3,
      0.02 * rng.next(),
      (30 + 70 * rng.next()) * DEG,
      2 * Math.PI * rng.next(),
      2 * Math.PI * rng.next(),
      2 * Math.PI * rng.next(),
    ),
  )
}

function sat(
  id: string,
  a: number,
  e: number,
  i: number,
  raan: number,
  argp: number,
  m0: number,
): SatelliteSpec {
  return {
    id,
    role: 'active',
    bus: TEST_BUS,
    orbit: { kind: 'kepler', elements: { a, e, i, raan, argp, m0 } },
  }
}

/** Twenty stations spread in latitude and longitude. */
export function twentyStations(): StationSpec[] {
  return Array.from({ length: 20 }, (_, k) => ({
    id: `GS${k}`,
    name: `GS${k}`,
    latRad: (-70 + 7 * k) * DEG,
    lonRad: (-180 + 18 * k) * DEG,
    altM: 0,
    minElevationRad: 5 * DEG,
  }))
}

function satrecsFor(fleet: SatelliteSpec[], epochIso: string): SatRec[] {
  return fleet.map((s, k) => {
    if (s.orbit.kind !== 'kepler') throw new Error('bench fleets are Keplerian')
    const el = s.orbit.elements
    const revPerDay = (Math.sqrt(MU_EARTH / el.a ** 3) * 86400) / (2 * Math.PI)
    return json2satrec({
      OBJECT_NAME: s.id,
      OBJECT_ID: `2026-001${k}`,
      EPOCH: epochIso,
      MEAN_MOTION: revPerDay,
      ECCENTRICITY: el.e,
      INCLINATION: el.i / DEG,
      RA_OF_ASC_NODE: el.raan / DEG,
      ARG_OF_PERICENTER: el.argp / DEG,
      MEAN_ANOMALY: el.m0 / DEG,
      NORAD_CAT_ID: 10000 + k,
      ELEMENT_SET_NO: 999,
      BSTAR: 0,
      MEAN_MOTION_DOT: 0,
      MEAN_MOTION_DDOT: 0,
    })
  })
}

function engineNsPerSatStep(fleet: SatelliteSpec[]): number {
  const spec = makeSpec({
    satellites: fleet,
    groundStations: twentyStations(),
    tasks: [],
    durationS: 30 * (STEPS * 4 + 10),
  })
  const sim = createSimulation(spec)
  for (let k = 0; k < 10; k++) sim.step() // warm-up
  const times: number[] = []
  for (let rep = 0; rep < 3; rep++) {
    const t0 = process.hrtime.bigint()
    for (let k = 0; k < STEPS; k++) sim.step()
    times.push(Number(process.hrtime.bigint() - t0))
  }
  times.sort((a, b) => a - b)
  return times[1] / (STEPS * fleet.length)
}

let sink = 0

function sgp4NsPerPropagation(fleet: SatelliteSpec[]): number {
  const recs = satrecsFor(fleet, '2026-03-20T00:00:00.000')
  const run = (steps: number) => {
    for (let k = 1; k <= steps; k++) {
      const minutes = k * 0.5
      for (const rec of recs) {
        const pv = sgp4(rec, minutes)
        if (pv) sink += pv.position.x
      }
    }
  }
  run(10)
  const times: number[] = []
  for (let rep = 0; rep < 3; rep++) {
    const t0 = process.hrtime.bigint()
    run(STEPS)
    times.push(Number(process.hrtime.bigint() - t0))
  }
  times.sort((a, b) => a - b)
  return times[1] / (STEPS * fleet.length)
}

export async function engineRows(): Promise<BenchRow[]> {
  const rows: BenchRow[] = []
  for (const n of [1000, 10000]) {
    for (const [fleetName, make] of [
      ['walker', walkerFleet],
      ['random', randomFleet],
    ] as const) {
      const fleet = make(n)
      const sgp = sgp4NsPerPropagation(fleet)
      const engine = engineNsPerSatStep(fleet)
      rows.push(
        row(
          'engine step',
          { satellites: n, fleet: fleetName, stations: 20 },
          engine,
          'ns/sat-step',
          sgp,
          'satellite.js sgp4 ns/propagation',
        ),
      )
    }
  }
  if (sink === 0.5) console.log('') // keep the SGP4 results alive
  return rows
}
