// Benchmark: the whole engine step (Keplerian propagation with J2, ECI→ECEF, visibility
// from 20 ground stations, eclipse, the bus, telemetry sampling) in ns per satellite-step,
// beside satellite.js's SGP4 in ns per propagation for the same satellites, measured in the
// same run, in alternating rounds. Target at 1,000 and 10,000 satellites: ratio ≤ 0.5.
//
// Two fleets per size: a Walker shell (what the scenarios use: many satellites share a, e, i,
// which the propagator exploits) and random LEO elements (no two alike: the worst case).

import { json2satrec, type SatRec, sgp4 } from 'satellite.js'
import { createSimulation, DEG, MU_EARTH, R_EARTH, type SatelliteSpec, type StationSpec } from '../src/core'
import { createRng } from '../src/core/rng'
import { makeSpec, TEST_BUS, walker } from '../tests/support/spec-fixture'
import { type BenchRow, fullGc, row } from './row'

/** The shared Walker fixture: 53°, 550 km, e = 1e-4, as many planes as fit √n evenly. */
export function walkerFleet(n: number): SatelliteSpec[] {
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

/**
 * Satellite-steps per timed round (a round of 1,000 satellites is 200 steps, so a round lasts
 * tens of milliseconds, not a few), rounds per figure, and untimed rounds first (JIT warm-up).
 */
const ROUND_WORK = 200_000
const ROUNDS = 9
const WARMUP_ROUNDS = 2

let sink = 0

export function fleetSpec(fleet: SatelliteSpec[], steps: number) {
  return makeSpec({
    satellites: fleet,
    groundStations: twentyStations(),
    tasks: [],
    durationS: 30 * (steps + 10),
  })
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

function timed(fn: () => void): number {
  // A full collection first: SGP4's garbage is not charged to the engine's round.
  fullGc()
  const t0 = process.hrtime.bigint()
  fn()
  return Number(process.hrtime.bigint() - t0)
}

/**
 * The engine step and SGP4 over the same fleet in alternating rounds (engine first in even
 * rounds, SGP4 first in odd ones), so a burst of load from elsewhere on a shared machine hits
 * both; returns the median round of each, in ns per satellite-step and ns per propagation.
 */
function alternatingRounds(fleet: SatelliteSpec[]): { engine: number; sgp4: number } {
  const steps = Math.max(10, Math.round(ROUND_WORK / fleet.length))
  const sim = createSimulation(fleetSpec(fleet, (WARMUP_ROUNDS + ROUNDS) * steps))
  const recs = satrecsFor(fleet, '2026-03-20T00:00:00.000')
  let minute = 0
  const sgp = () => {
    for (let k = 0; k < steps; k++) {
      minute += 0.5
      for (const rec of recs) {
        const pv = sgp4(rec, minute)
        if (pv) sink += pv.position.x
      }
    }
  }
  const eng = () => {
    for (let k = 0; k < steps; k++) sim.step()
  }
  for (let k = 0; k < WARMUP_ROUNDS; k++) {
    eng()
    sgp()
  }
  const engine: number[] = []
  const sgp4s: number[] = []
  for (let r = 0; r < ROUNDS; r++) {
    if (r % 2 === 0) {
      engine.push(timed(eng))
      sgp4s.push(timed(sgp))
    } else {
      sgp4s.push(timed(sgp))
      engine.push(timed(eng))
    }
  }
  const per = steps * fleet.length
  return { engine: median(engine) / per, sgp4: median(sgp4s) / per }
}

export async function engineRows(): Promise<BenchRow[]> {
  const rows: BenchRow[] = []
  for (const n of [1000, 10000]) {
    for (const [fleetName, make] of [
      ['walker', walkerFleet],
      ['random', randomFleet],
    ] as const) {
      const { engine, sgp4 } = alternatingRounds(make(n))
      rows.push(
        row(
          'engine step',
          { satellites: n, fleet: fleetName, stations: 20 },
          engine,
          'ns/sat-step',
          sgp4,
          'satellite.js sgp4 ns/propagation',
        ),
      )
    }
  }
  if (sink === 0.5) console.log('') // keep the SGP4 results alive
  return rows
}
