// The geometry pass runs the exact elevation test only on the stations the coarse cone test
// offers (station-cells.ts). Here a run with it is checked against the same run in which every
// station is offered to every satellite, step by step: the same visibility bits, the same
// contacts, the same report. The fleet is built to break a wrong bound: eccentric orbits that
// cross every radius class, geostationary and MEO satellites, 40 stations, one with a negative mask.

import { describe, expect, it } from 'vitest'
import { createSimulation } from '../../src/core'
import type { StationCells } from '../../src/core/engine/station-cells'
import { hostileSpec } from '../support/hostile-fleet'

/** A cell structure of the same shape that offers every station everywhere (no coarse test). */
function everyStation(cells: StationCells, ns: number): StationCells {
  const lists = (cells.start.length - 1) / (cells.classR2.length + 1)
  const start = Int32Array.from({ length: lists + 1 }, (_, i) => i * ns)
  const stations = Int32Array.from({ length: lists * ns }, (_, i) => i % ns)
  return { classR2: new Float64Array(0), start, stations }
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
    }
    expect(steps).toBe(720)
    // The run saw plenty of contacts, and the coarse test really thins the candidates.
    expect(pairs).toBeGreaterThan(100_000)
    const cells = fast.world.stationCells
    expect(cells.stations.length).toBeLessThan(0.5 * (cells.start.length - 1) * ns)
    expect(JSON.stringify(fast.report())).toBe(JSON.stringify(plain.report()))
  })
})

function popcount(x: number): number {
  let n = 0
  for (let v = x; v !== 0; v &= v - 1) n++
  return n
}
