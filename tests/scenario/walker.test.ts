import { describe, expect, it } from 'vitest'
import { DEG, R_EARTH } from '../../src/core/constants'
import type { KeplerElements, SatelliteSpec } from '../../src/core/spec'
import { expandWalker, type WalkerParams } from '../../src/scenario/walker'
import { load, variant } from './helpers'

const delta: WalkerParams = {
  pattern: 'delta',
  inclinationDeg: 53,
  satellites: 24,
  planes: 3,
  phasing: 1,
  altitudeKm: 550,
  raanOffsetDeg: 0,
}

const deg = (rad: number) => rad / DEG
const kepler = (s: SatelliteSpec): KeplerElements => {
  if (s.orbit.kind !== 'kepler') throw new Error(`${s.id} has no Keplerian elements`)
  return s.orbit.elements
}

describe('Walker delta 53°:24/3/1 at 550 km', () => {
  const slots = expandWalker(delta)

  it('makes t satellites named plane by plane, slot by slot', () => {
    expect(slots).toHaveLength(24)
    expect(slots.slice(0, 9).map((s) => s.id)).toEqual([
      'P1-S1',
      'P1-S2',
      'P1-S3',
      'P1-S4',
      'P1-S5',
      'P1-S6',
      'P1-S7',
      'P1-S8',
      'P2-S1',
    ])
    expect(slots[23].id).toBe('P3-S8')
    expect(slots[23]).toMatchObject({ plane: 2, slot: 7 })
  })

  it('spreads the planes 360°/p apart in node', () => {
    for (const s of slots) expect(deg(s.elements.raan)).toBeCloseTo(s.plane * 120, 10)
  })

  it('spaces satellites 360°/s in a plane and shifts plane k by k·f·360°/t', () => {
    // Plane 2 (k = 1) starts 15° ahead: 1 · 1 · 360 / 24.
    const p2 = slots.filter((s) => s.plane === 1).map((s) => deg(s.elements.m0))
    expect(p2[0]).toBeCloseTo(15, 10)
    expect(p2[1]).toBeCloseTo(60, 10)
    const p3 = slots.filter((s) => s.plane === 2).map((s) => deg(s.elements.m0))
    expect(p3[0]).toBeCloseTo(30, 10)
    expect(p3[7]).toBeCloseTo(345, 10)
  })

  it('flies circular orbits at Rₑ + altitude with the pattern inclination', () => {
    for (const s of slots) {
      expect(s.elements.a).toBe(R_EARTH + 550_000)
      expect(s.elements.e).toBe(0)
      expect(s.elements.argp).toBe(0)
      expect(deg(s.elements.i)).toBeCloseTo(53, 12)
    }
  })
})

describe('Walker star', () => {
  it('spreads the planes 180°/p apart, from the offset', () => {
    const star = expandWalker({
      ...delta,
      pattern: 'star',
      inclinationDeg: 86.4,
      satellites: 66,
      planes: 6,
      phasing: 2,
      raanOffsetDeg: 10,
    })
    const nodes = [...new Set(star.map((s) => Math.round(deg(s.elements.raan) * 1e6) / 1e6))]
    expect(nodes).toEqual([10, 40, 70, 100, 130, 160])
    // 11 per plane, 32.727…° apart; plane 1 shifted by 1 · 2 · 360 / 66.
    const plane1 = star.filter((s) => s.plane === 1).map((s) => deg(s.elements.m0))
    expect(plane1[0]).toBeCloseTo(720 / 66, 10)
    expect(plane1[1] - plane1[0]).toBeCloseTo(360 / 11, 10)
  })

  it('wraps angles into [0, 360°)', () => {
    const wrapped = expandWalker({ ...delta, raanOffsetDeg: -30 })
    const nodes = [...new Set(wrapped.map((s) => Math.round(deg(s.elements.raan))))]
    expect(nodes).toEqual([330, 90, 210])
    for (const s of wrapped) {
      expect(s.elements.m0).toBeGreaterThanOrEqual(0)
      expect(s.elements.m0).toBeLessThan(2 * Math.PI)
    }
  })
})

describe('satellites in a loaded scenario', () => {
  it('come in the order walker, explicit, TLE, with plane and slot only on walker satellites', () => {
    const spec = load(variant(() => {}))
    expect(spec.satellites.map((s) => s.id)).toEqual([...expandWalker(delta).map((s) => s.id), 'SPARE-1'])
    expect(spec.satellites[8]).toMatchObject({ id: 'P2-S1', role: 'active', plane: 1, slot: 0 })
    const spare = spec.satellites[24]
    expect(spare.role).toBe('spare')
    expect(spare.plane).toBeUndefined()
    expect(spare.slot).toBeUndefined()
  })

  it('takes prefixed ids from several walkers, each walker whole before the next', () => {
    const spec = load(
      variant((r) => {
        const polar = {
          pattern: 'star',
          inclinationDeg: 97,
          satellites: 4,
          planes: 2,
          phasing: 0,
          altitudeKm: 700,
        }
        r.constellation.walker = [
          { ...polar, prefix: 'A' },
          { ...polar, prefix: 'B', altitudeKm: 800 },
        ]
        r.events = []
      }),
    )
    expect(spec.satellites.map((s) => s.id)).toEqual([
      'A-P1-S1',
      'A-P1-S2',
      'A-P2-S1',
      'A-P2-S2',
      'B-P1-S1',
      'B-P1-S2',
      'B-P2-S1',
      'B-P2-S2',
      'SPARE-1',
    ])
    expect(kepler(spec.satellites[4]).a).toBe(R_EARTH + 800_000)
    expect(deg(kepler(spec.satellites[2]).raan)).toBeCloseTo(90, 10)
  })
})
