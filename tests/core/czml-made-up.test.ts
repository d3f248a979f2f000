// buildCzml on a made-up run (src/core/export/czml.ts), where every expected value is written
// out: two satellites (so the second's coordinates come from its own slice of each sample), a
// run whose samples start after the epoch (so sample times are counted from the first), every
// status the engine names (each with a colour of its own), two stations and two contacts.

import { describe, expect, it } from 'vitest'
import { DEG } from '../../src/core/constants'
import type { SimReport } from '../../src/core/engine/report'
import { STATUS_NAMES } from '../../src/core/engine/state'
import { buildCzml, type CzmlPacket } from '../../src/core/export/czml'
import type { StatusName, Trajectories } from '../../src/core/export/trajectory'
import type { StationSpec } from '../../src/core/spec'

const EPOCH = '2026-03-20T00:00:00.000Z'
const at = (s: number) => new Date(Date.parse(EPOCH) + s * 1000).toISOString()
// Every status the engine names, in its order.
const STATUSES: StatusName[] = [...STATUS_NAMES]

// Samples every 60 s from 100 s; satellite B goes through every status, A stays nominal.
const tS = [100, 160, 220, 280, 340, 400]
const tracks: Trajectories = {
  ids: ['A', 'B'],
  tS,
  positionsM: tS.map((t) => [t, t + 1, t + 2, -t, -t - 1, -t - 2]),
  status: tS.map((_, i) => ['nominal', STATUSES[i]]),
}
const report = {
  epoch: EPOCH,
  title: 'Made up',
  strategy: 'plain',
  seed: 7,
  elapsedS: 400,
  access: {
    contacts: [
      { satellite: 'A', station: 'north', startS: 120, endS: 180 },
      { satellite: 'B', station: 'south', startS: 300, endS: 390 },
    ],
  },
} as unknown as SimReport
const station = (id: string, latDeg: number, lonDeg: number, altM: number): StationSpec => ({
  id,
  name: `${id} station`,
  latRad: latDeg * DEG,
  lonRad: lonDeg * DEG,
  altM,
  minElevationRad: 0,
})
const stations = [station('north', 78.2297, 15.4078, 520), station('south', -33.1234567, -70.7654321, 0)]

type Station = CzmlPacket & {
  position: { cartographicDegrees: number[] }
  point: { color: { rgba: number[] } }
}
type Sat = CzmlPacket & {
  position: Record<string, unknown> & { cartesian: number[] }
  point: { color: { interval: string; rgba: number[] }[] }
}
const packets = () => new Map(buildCzml(report, stations, tracks).map((p) => [p.id, p]))

describe('buildCzml on a made-up run', () => {
  it('names the document after the run and loops its clock at 60× from the first sample', () => {
    const doc = packets().get('document')
    expect(doc).toEqual({
      id: 'document',
      name: 'Made up — plain, seed 7',
      version: '1.0',
      clock: {
        interval: `${at(100)}/${at(400)}`,
        currentTime: at(100),
        multiplier: 60,
        range: 'LOOP_STOP',
        step: 'SYSTEM_CLOCK_MULTIPLIER',
      },
    })
  })

  it('samples each satellite from its own three coordinates, in seconds from the first sample', () => {
    const byId = packets()
    const b = byId.get('satellite/B') as Sat
    expect(b.position.epoch).toBe(at(100))
    expect(b.position.referenceFrame).toBe('INERTIAL')
    expect(b.position.interpolationAlgorithm).toBe('LAGRANGE')
    expect(b.position.cartesian).toEqual(tS.flatMap((t) => [t - 100, -t, -t - 1, -t - 2]))
    const a = byId.get('satellite/A') as Sat
    expect(a.position.cartesian).toEqual(tS.flatMap((t) => [t - 100, t, t + 1, t + 2]))
    expect(a.availability).toBe(`${at(100)}/${at(400)}`)
  })

  it('gives each status its own colour over the interval it lasted, the last to the end', () => {
    const byId = packets()
    const colours = (byId.get('satellite/B') as Sat).point.color
    expect(colours.map((c) => c.interval)).toEqual(tS.map((t, i) => `${at(t)}/${at(tS[i + 1] ?? 400)}`))
    for (const c of colours) {
      expect(c.rgba).toHaveLength(4)
      for (const x of c.rgba) expect(Number.isInteger(x) && x >= 0 && x <= 255).toBe(true)
    }
    expect(new Set(colours.map((c) => c.rgba.join())).size).toBe(STATUSES.length)
    // A, nominal throughout: one interval, in nominal's colour.
    const a = (byId.get('satellite/A') as Sat).point.color
    expect(a).toEqual([{ interval: `${at(100)}/${at(400)}`, rgba: colours[0].rgba }])
  })

  it('places stations by geodetic degrees rounded to the micro-degree, height in metres', () => {
    const byId = packets()
    const north = byId.get('station/north') as Station
    expect(north.name).toBe('north station')
    expect(north.position.cartographicDegrees).toEqual([15.4078, 78.2297, 520])
    const south = byId.get('station/south') as Station
    expect(south.position.cartographicDegrees).toEqual([-70.765432, -33.123457, 0])
    expect(south.point.color.rgba).toHaveLength(4)
  })

  it('draws each contact, numbered from 1, between its satellite and station during its window', () => {
    const byId = packets()
    expect(byId.get('contact/1')).toEqual({
      id: 'contact/1',
      name: 'A → north',
      availability: `${at(120)}/${at(180)}`,
      polyline: {
        show: [{ interval: `${at(120)}/${at(180)}`, boolean: true }],
        positions: { references: ['satellite/A#position', 'station/north#position'] },
        width: 2,
        material: { solidColor: { color: { rgba: expect.any(Array) } } },
      },
    })
    const second = byId.get('contact/2') as CzmlPacket & {
      polyline: {
        positions: { references: string[] }
        material: { solidColor: { color: { rgba: number[] } } }
      }
    }
    expect(second.name).toBe('B → south')
    expect(second.polyline.positions.references).toEqual(['satellite/B#position', 'station/south#position'])
    expect(second.polyline.material.solidColor.color.rgba).toHaveLength(4)
    expect(byId.has('contact/3')).toBe(false)
  })
})
