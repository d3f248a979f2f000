// A satellite that dies closes its contact windows at once, with every station, including the
// stations past the 32nd: their visibility bits are in the second word of the satellite's row
// (geometry-pass.ts clears the row and names the satellite to the access tracker only if some
// word of it was set). Two geostationary satellites on opposite sides of Earth hover over two
// station networks: the first 32 stations see only satellite A, the last 8 only satellite B, so
// B's row has its first word empty. B's battery fails; A flies on.

import { describe, expect, it } from 'vitest'
import { createSimulation, DEG, type SatelliteSpec, type StationSpec } from '../../src/core'
import { lazy } from '../support/lazy'
import { makeSpec, TEST_BUS } from '../support/spec-fixture'

const GEO_A = 42_164_170
const STEP = 30
const FAIL_S = 600
const END_S = 1800

const geo = (id: string, m0: number): SatelliteSpec => ({
  id,
  role: 'active',
  bus: TEST_BUS,
  orbit: { kind: 'kepler', elements: { a: GEO_A, e: 0, i: 0, raan: 0, argp: 0, m0 } },
})

/** Stations within ±20° of the equator around longitude lon (rad), 10° mask: all see a GEO there. */
const around = (prefix: string, count: number, lon: number): StationSpec[] =>
  Array.from({ length: count }, (_, k) => ({
    id: `${prefix}${k}`,
    name: `${prefix}${k}`,
    latRad: (-20 + (40 * k) / (count - 1)) * DEG,
    lonRad: lon + ((k % 5) - 2) * 4 * DEG,
    altM: 0,
    minElevationRad: 10 * DEG,
  }))

function scenario() {
  const sats = [geo('A', 0), geo('B', Math.PI)]
  // Where each hovers: its longitude at the epoch (two-body GEO keeps it).
  const probe = createSimulation(makeSpec({ satellites: sats, groundStations: [], tasks: [] }))
  const lon = (k: number) => probe.geodetic()[3 * k + 1]
  return makeSpec({
    satellites: sats,
    groundStations: [...around('A', 32, lon(0)), ...around('B', 8, lon(1))],
    tasks: [],
    j2: false,
    stepS: STEP,
    durationS: END_S,
    events: [{ type: 'failure', atS: FAIL_S, satellite: 'B', component: 'battery' }],
  })
}

// Made in the first test that asks (tests/support/lazy.ts), not while collecting: a mutation run
// credits a test only with the code it runs itself.
const flown = lazy(() => {
  const spec = scenario()
  const sim = createSimulation(spec)
  sim.runUntil(END_S)
  return { spec, contacts: sim.report().access?.contacts ?? [] }
})
const of = (sat: string) => flown().contacts.filter((c) => c.satellite === sat)

describe('a satellite that dies', () => {
  it('was seen by exactly its own stations: A by the first 32 (one word), B by the last 8', () => {
    const stations = flown().spec.groundStations
    expect(of('A').map((c) => c.station)).toEqual(stations.slice(0, 32).map((s) => s.id))
    expect(of('B').map((c) => c.station)).toEqual(stations.slice(32).map((s) => s.id))
  })

  it('closes its windows with the stations past the 32nd at its failure', () => {
    // The failure at 600 s is applied in the step that ends there, before that step's geometry
    // pass: the last pass that saw B working was the one at 570 s. In view since the start.
    expect(of('B').map((c) => [c.startS, c.endS, c.clippedStart, c.clippedEnd])).toEqual(
      Array.from({ length: 8 }, () => [0, FAIL_S - STEP, true, false]),
    )
  })

  it('leaves the windows of the satellite still working open to the end', () => {
    for (const c of of('A')) expect([c.station, c.endS, c.clippedEnd]).toEqual([c.station, END_S, true])
  })
})
