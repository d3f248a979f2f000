// What the Hohmann and bi-elliptic designs say and do at their edges: the intermediate radius a
// user asks for (used only when it is above both orbits, and the rationale says when it is not),
// the textbook comparison on both sides of the 11.94 break-even ratio, the raise/lower wording,
// and the skip when no transfer window exists. Textbook costs are computed here from vis-viva.

import { describe, expect, it } from 'vitest'
import { createSimulation, DEG } from '../../src/core'
import {
  biEllipticParams,
  DEFAULT_DETOUR_M,
  designBiElliptic,
} from '../../src/planners/trajectory/bi-elliptic'
import { designHohmann, hohmannParams, hohmannSequence } from '../../src/planners/trajectory/hohmann'
import { phasingParams } from '../../src/planners/trajectory/phasing'
import { circular, designed, designInput, farSpareInput, vis } from './design-input'
import { recoverySpec, SPARE_A, TARGET_A } from './recovery-fixture'

const MAX_WAIT_S = 96 * 3600

/** Hohmann Δv between circular radii (Curtis §6.2), m/s. */
const hohmannDv = (r1: number, r2: number) =>
  Math.abs(vis(r1, (r1 + r2) / 2) - circular(r1)) + Math.abs(circular(r2) - vis(r2, (r1 + r2) / 2))
/** Bi-elliptic Δv through the apsis rb (Curtis §6.3), m/s. */
const biEllipticDv = (r1: number, rb: number, r2: number) => {
  const a1 = (r1 + rb) / 2
  const a2 = (rb + r2) / 2
  return (
    Math.abs(vis(r1, a1) - circular(r1)) +
    Math.abs(vis(rb, a2) - vis(rb, a1)) +
    Math.abs(circular(r2) - vis(r2, a2))
  )
}

describe('the intermediate radius of a bi-elliptic recovery (100 km below a 550 km slot)', () => {
  const input = () => designInput(createSimulation(recoverySpec()).view(), 'SPARE-1', 'P1-S1', true)
  const fallbackKm = ((TARGET_A + DEFAULT_DETOUR_M) / 1000).toFixed(1)

  it('is 200 km above the slot when none is asked, with no note', () => {
    const d = designed(designBiElliptic(input(), MAX_WAIT_S, undefined))
    expect(d.summary).toContain(`→ ${fallbackKm} km radius →`)
    expect(d.summary).not.toContain('not above both orbits')
  })

  it('is the asked one when it lies above both orbits', () => {
    const d = designed(designBiElliptic(input(), MAX_WAIT_S, 7300))
    expect(d.summary).toContain('→ 7300.0 km radius →')
    expect(d.summary).not.toContain('not above both orbits')
  })

  it('falls back to the default, and says so, when the asked one lies between the orbits', () => {
    // 6900 km is above the spare (6828 km) but below the slot (6928 km).
    expect(SPARE_A).toBeLessThan(6900e3)
    expect(TARGET_A).toBeGreaterThan(6900e3)
    const d = designed(designBiElliptic(input(), MAX_WAIT_S, 6900))
    expect(d.summary).toContain(`→ ${fallbackKm} km radius →`)
    expect(d.summary).toContain(`(the asked 6900.0 km is not above both orbits, so ${fallbackKm} km is used)`)
  })

  it('falls back too when the asked one is exactly the slot’s radius: that is not above it', () => {
    expect(6928.137 * 1000).toBe(TARGET_A)
    const d = designed(designBiElliptic(input(), MAX_WAIT_S, 6928.137))
    expect(d.summary).toContain(`(the asked 6928.1 km is not above both orbits, so ${fallbackKm} km is used)`)
  })

  it('the parameter’s description states the same default', () => {
    expect(DEFAULT_DETOUR_M).toBe(200e3)
    expect(biEllipticParams.shape.intermediateRadiusKm.description).toContain(
      'default: 200 km above the slot',
    )
  })
})

describe('the textbook comparison in a bi-elliptic rationale', () => {
  it('above the break-even ratio, says bi-elliptic costs less than Hohmann (Curtis Example 6.3)', () => {
    const r1 = 105000e3
    const rb = 210000e3
    const r2 = 7000e3
    const book = biEllipticDv(r1, rb, r2)
    const direct = hohmannDv(r1, r2)
    // Curtis Example 6.3: 4.0285 km/s through 210,000 km against 4.0467 km/s for Hohmann.
    expect(book).toBeLessThan(direct)
    const d = designed(designBiElliptic(farSpareInput(r1), MAX_WAIT_S, rb / 1000))
    expect(d.summary).toContain(
      `${book.toFixed(1)} m/s by the textbook against ${direct.toFixed(1)} m/s for Hohmann: less, ` +
        'as expected for a radius ratio of 15.000 (above the 11.94 where bi-elliptic can start to win)',
    )
  })

  it('at exactly the break-even ratio, does not call the ratio below it', () => {
    // 83,580 / 7,000 is 11.94 exactly (a correctly rounded quotient equals the literal).
    expect(83580e3 / 7000e3).toBe(11.94)
    const d = designed(designBiElliptic(farSpareInput(83580e3), MAX_WAIT_S, undefined))
    expect(d.summary).toContain('radius ratio of 11.940 (above the 11.94 where')
  })

  it('between LEO shells, says how much MORE it costs and that the ratio is below break-even', () => {
    const input = designInput(createSimulation(recoverySpec()).view(), 'SPARE-1', 'P1-S1', true)
    const rb = TARGET_A + DEFAULT_DETOUR_M
    const extra = biEllipticDv(SPARE_A, rb, TARGET_A) - hohmannDv(SPARE_A, TARGET_A)
    const d = designed(designBiElliptic(input, MAX_WAIT_S, undefined))
    expect(d.summary).toContain(`Hohmann: ${extra.toFixed(1)} m/s MORE, as expected for a radius ratio`)
    expect(d.summary).toContain('(below the 11.94 where')
  })
})

describe('the Hohmann burn wording', () => {
  it('a spare above its slot lowers the opposite apsis', () => {
    const d = designed(designHohmann(farSpareInput(105000e3), MAX_WAIT_S))
    expect(d.burns.map((b) => b.what)).toEqual([
      'lower the opposite apsis to 621.9 km',
      'circularise at 621.9 km',
    ])
  })

  it('a spare below its slot raises it, and so does one already at the slot’s radius', () => {
    const input = farSpareInput(105000e3)
    const below = designInput(createSimulation(recoverySpec()).view(), 'SPARE-1', 'P1-S1', true)
    expect(hohmannSequence(below, below.first).burns[0].what).toBe('raise the opposite apsis to 550.0 km')
    const level = { ...input, spareOrbit: input.targetOrbit }
    expect(hohmannSequence(level, level.first).burns[0].what).toBe('raise the opposite apsis to 621.9 km')
  })
})

describe('no transfer window', () => {
  it('a spare already at the slot’s altitude is skipped, with the reason, by both designs', () => {
    const input = farSpareInput(105000e3)
    const level = { ...input, spareOrbit: { ...input.targetOrbit, el: { ...input.targetOrbit.el, m0: 1 } } }
    const reason = 'flies at the slot altitude already: it would never drift into phase'
    expect(designHohmann(level, MAX_WAIT_S)).toEqual({ skip: reason })
    expect(designBiElliptic(level, MAX_WAIT_S, undefined)).toEqual({ skip: reason })
  })
})

describe('the aimed miss of a dodge', () => {
  it.each([
    ['hohmann', hohmannParams],
    ['bi-elliptic', biEllipticParams],
    ['phasing', phasingParams],
  ])('%s: an aimed miss not above the threshold is refused, naming targetMissKm', (_name, params) => {
    const r = params.safeParse({ thresholdKm: 3, targetMissKm: 2 })
    expect(r.success).toBe(false)
    expect(r.error?.issues.map((i) => ({ path: i.path, message: i.message }))).toEqual([
      { path: ['targetMissKm'], message: 'targetMissKm must be larger than thresholdKm' },
    ])
  })
})

describe('the plane note credits J2 only when the run has J2', () => {
  it('without J2, planes that arrive together are "no J2 in this run", not J2 drift', () => {
    const d = designed(designHohmann(farSpareInput(105000e3), MAX_WAIT_S))
    expect(d.summary).toContain(
      'no J2 in this run: planes 0.00° apart on arrival, a swing of ±0.0 km, left alone',
    )
    expect(d.summary).not.toContain('J2 nodal drift')
  })

  it('without J2, planes whose nodes are 1° apart get a trim that does not blame J2', () => {
    const input = farSpareInput(105000e3)
    const tilted = {
      ...input,
      spareOrbit: { ...input.spareOrbit, el: { ...input.spareOrbit.el, raan: 1 * DEG } },
    }
    // Two 53° planes with nodes 1° apart meet at cos θ = cos²i + sin²i·cos ΔΩ (spherical
    // cosine rule): θ ≈ 0.80°, a swing of 7000 km · θ ≈ 98 km, over the 20 km that calls for a trim.
    const i = 53 * DEG
    const theta = Math.acos(Math.cos(i) ** 2 + Math.sin(i) ** 2 * Math.cos(1 * DEG))
    const deg = ((theta * 180) / Math.PI).toFixed(2)
    const d = designed(designHohmann(tilted, MAX_WAIT_S))
    expect(d.burns[d.burns.length - 1].what).toBe(
      `trim the plane by ${deg}° where it crosses the slot's plane`,
    )
    expect(d.summary).toContain(
      `no J2 in this run, but the planes are ${deg}° apart (a swing of ±${(7000 * theta).toFixed(1)} km)`,
    )
    expect(d.summary).not.toContain('J2 turned')
  })

  it('with J2, the LEO recovery says the drift was included', () => {
    const input = designInput(createSimulation(recoverySpec()).view(), 'SPARE-1', 'P1-S1', true)
    const d = designed(designHohmann(input, MAX_WAIT_S))
    expect(d.summary).toMatch(/J2 nodal drift included: planes|J2 turned the planes/)
    expect(d.summary).not.toContain('no J2')
  })
})
