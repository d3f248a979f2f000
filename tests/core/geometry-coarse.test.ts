// The geometry pass runs the exact elevation test only on the stations the coarse cone test
// offers (station-cells.ts). Here a run with it is checked against the same run in which every
// station is offered to every satellite, step by step: the same visibility bits, the same
// contacts, the same report. The fleet is built to break a wrong bound: eccentric orbits that
// cross every radius class, geostationary and MEO satellites, 40 stations, one with a negative mask.

import { describe, expect, it } from 'vitest'
import { createSimulation, type ScenarioSpec } from '../../src/core'
import { isVisible } from '../../src/core/engine/geometry-pass'
import type { StationCells } from '../../src/core/engine/station-cells'
import { elevationRad } from '../../src/core/geometry'
import { hostileSpec } from '../support/hostile-fleet'

/** A cell structure that puts every satellite in one class whose lists offer every station. */
function everyStation(cells: StationCells, ns: number): StationCells {
  const lists = cells.start.length - 1
  const start = Int32Array.from({ length: lists + 1 }, (_, i) => i * ns)
  const stations = Int32Array.from({ length: lists * ns }, (_, i) => i % ns)
  return { classOfBin: new Uint8Array(cells.classOfBin.length), start, stations }
}

describe('the coarse cone test in the geometry pass', () => {
  it('changes no visibility bit and no byte of the report against testing every station', () => {
    const spec = hostileSpec(200, { j2: true })
    const fast = createSimulation(spec)
    const plain = createSimulation(spec)
    const ns = spec.groundStations.length
    plain.world.stationCells = everyStation(plain.world.stationCells, ns)
    let steps = 0
    let pairs = 0
    while (fast.step()) {
      plain.step()
      steps++
      const a = fast.state().visible
      const b = plain.state().visible
      for (let w = 0; w < b.length; w++) pairs += popcount(b[w])
      expect(a).toEqual(b)
      if (steps % 20 === 0) expect(bitsAgainstElevation(plain, spec)).toEqual([])
    }
    expect(steps).toBe(720)
    // The run saw plenty of contacts, and the coarse test really thins the candidates.
    expect(pairs).toBeGreaterThan(100_000)
    const cells = fast.world.stationCells
    expect(cells.stations.length).toBeLessThan(0.5 * (cells.start.length - 1) * ns)
    expect(JSON.stringify(fast.report())).toBe(JSON.stringify(plain.report()))
  })
})

/**
 * Pairs whose visibility bit disagrees with the elevation mask (stations 32 to 39 sit in the
 * second word), leaving out pairs within 1e-9 rad of the mask, lost satellites and stations in
 * an outage.
 */
function bitsAgainstElevation(sim: ReturnType<typeof createSimulation>, spec: ScenarioSpec): string[] {
  const s = sim.state()
  const ns = spec.groundStations.length
  const wrong: string[] = []
  for (let k = 0; k < sim.world.satCount; k++) {
    if (s.failed[k] !== 0) continue
    for (let j = 0; j < ns; j++) {
      if (!Number.isNaN(s.outageEndS[j])) continue
      const el = elevationRad(
        sim.world.stationFrames,
        6 * j,
        s.ecef[3 * k],
        s.ecef[3 * k + 1],
        s.ecef[3 * k + 2],
      )
      const mask = spec.groundStations[j].minElevationRad
      if (Math.abs(el - mask) < 1e-9) continue
      if (isVisible(s.visible, ns, k, j) !== el >= mask) wrong.push(`${k}/${j} at ${s.t}`)
    }
  }
  return wrong
}

function popcount(x: number): number {
  let n = 0
  for (let v = x; v !== 0; v &= v - 1) n++
  return n
}
