// The geometry pass no longer converts every satellite to geodetic coordinates; readers get them
// on demand. These tests hold the on-demand values to the textbook conversion of the positions
// of the current step (never a stale step), and the per-step visibility bits to the exact
// elevation test from the geodetic station frame, pair by pair.

import { describe, expect, it } from 'vitest'
import { createSimulation, DEG } from '../../src/core'
import { isVisible } from '../../src/core/engine/geometry-pass'
import { ecefToGeodetic, eciToEcef } from '../../src/core/frames'
import { elevationRad, stationFrame } from '../../src/core/geometry'
import { gmstRad } from '../../src/core/time'
import { makeSpec, walker } from '../support/spec-fixture'

const stations = Array.from({ length: 20 }, (_, k) => ({
  id: `GS${k}`,
  name: `GS${k}`,
  latRad: (-70 + 7 * k) * DEG,
  lonRad: (-180 + 18 * k) * DEG,
  altM: 300 * (k % 3),
  minElevationRad: (k % 4 === 3 ? -2 : 5 + k) * DEG,
}))

describe('geodetic coordinates on demand', () => {
  it('equal the WGS-84 conversion of the current step’s positions, step after step', () => {
    const spec = makeSpec({ satellites: walker(48, 6, 1, 550, 53, 0.01), groundStations: [], tasks: [] })
    const sim = createSimulation(spec)
    const ecef = new Float64Array(3)
    const want = new Float64Array(3)
    let previous = Float64Array.from(sim.geodetic())
    for (let n = 0; n < 12; n++) {
      sim.step()
      const geo = sim.geodetic()
      const s = sim.state()
      const gmst = gmstRad(spec.epochMs + sim.time() * 1000)
      for (let k = 0; k < sim.world.satCount; k++) {
        eciToEcef(s.pos, 3 * k, gmst, ecef, 0)
        ecefToGeodetic(ecef[0], ecef[1], ecef[2], want, 0)
        expect(Math.abs(geo[3 * k] - want[0])).toBeLessThan(1e-12)
        expect(Math.abs(geo[3 * k + 1] - want[1])).toBeLessThan(1e-12)
        expect(Math.abs(geo[3 * k + 2] - want[2])).toBeLessThan(1e-6)
      }
      // A satellite moves about 230 km in a 30 s step: a stale array would not have.
      expect(Math.abs(geo[0] - previous[0]) + Math.abs(geo[1] - previous[1])).toBeGreaterThan(1e-3)
      previous = Float64Array.from(geo)
    }
    const report = sim.report()
    expect(report.satellites[5].latDeg).toBeCloseTo(previous[15] / DEG, 4)
    expect(report.satellites[5].altKm).toBeCloseTo(previous[17] / 1000, 3)
  })
})

describe('visibility bits', () => {
  it('match the exact elevation test from each station’s geodetic frame for every pair', () => {
    // Every radius class of the coarse test: LEO, MEO, eccentric and geostationary-like shells.
    const shells = [
      walker(96, 12, 1, 800, 70, 0.02),
      walker(12, 3, 1, 300, 98, 0),
      walker(12, 3, 1, 2500, 60, 0.05),
      walker(12, 3, 1, 9000, 30, 0.3),
      walker(6, 2, 1, 35786, 5, 0),
    ]
    const fleet = shells.flatMap((shell, g) => shell.map((sat) => ({ ...sat, id: `G${g}-${sat.id}` })))
    const spec = makeSpec({ satellites: fleet, groundStations: stations, tasks: [] })
    const sim = createSimulation(spec)
    const frames = new Float64Array(6 * stations.length)
    stations.forEach((st, j) => {
      stationFrame(st.latRad, st.lonRad, st.altM, frames, 6 * j)
    })
    let seen = 0
    let pairs = 0
    const wrong: string[] = []
    for (let n = 0; n < 150; n++) {
      sim.step()
      const s = sim.state()
      for (let k = 0; k < sim.world.satCount; k++) {
        for (let j = 0; j < stations.length; j++) {
          const el = elevationRad(frames, 6 * j, s.ecef[3 * k], s.ecef[3 * k + 1], s.ecef[3 * k + 2])
          // Pairs within 1e-9 rad of the mask may round either way; none occur in practice.
          if (Math.abs(el - stations[j].minElevationRad) < 1e-9) continue
          const want = el >= stations[j].minElevationRad
          if (isVisible(s.visible, stations.length, k, j) !== want)
            wrong.push(`t=${sim.time()} sat ${k} station ${j}`)
          if (want) seen++
          pairs++
        }
      }
    }
    expect(wrong).toEqual([])
    expect(seen).toBeGreaterThan(500)
    expect(seen).toBeLessThan(pairs / 4)
  })
})
