// The slot-recovery skeleton (recovery.ts) with designs made up by the test: which spare goes to
// which slot, the two orders of preference, the designs it refuses (and says why, at the limits
// too), and what each decision carries. The view is hand-made (slot-view.ts).

import { describe, expect, it } from 'vitest'
import { DEG, G0, MU_EARTH, SLOT_TOLERANCE_M, type WorldView } from '../../src/core'
import {
  type Design,
  type Designer,
  earliestFill,
  leastDv,
  type Preference,
  planRecoveries,
} from '../../src/planners/trajectory/recovery'
import { type Body, slotView } from './slot-view'

const burn = (t: number, what: string) => ({ t, dv: { r: 1, t: 4, n: 0 }, what })
/** A design of two 5 m/s burns at 10 and 20 min, filling at 20 min, unless told otherwise. */
const made = (over: Partial<Design> = {}): Design => ({
  burns: [burn(600, 'go'), burn(1200, 'stop')],
  dvTotal: 10,
  fillT: 1200,
  gapM: 1000,
  summary: 'A made-up plan.',
  ...over,
})
const table =
  (designs: Record<string, Design | { skip: string }>): Designer =>
  (input) =>
    designs[input.spare.id] ?? { skip: 'is not in this test' }

const vacancy = (id: string): Body => ({ id, edit: { failed: true } })
const spare = (id: string, more: Partial<Body> = {}): Body => ({ id, role: 'spare', ...more })
const plan = (view: WorldView, d: Designer, prefer: Preference = leastDv) =>
  planRecoveries(view, false, d, prefer)

/** What a spare of the view can still give, by the rocket equation, m/s. */
function capacity(view: WorldView, id: string): number {
  const s = view.satellites.find((x) => x.id === id)!
  return s.bus.ispS * G0 * Math.log(s.massKg / (s.massKg - s.propellantKg))
}

describe('the two orders of preference', () => {
  // Each design as (its own measure, the tie-breaker): least Δv ranks by Δv then fill time,
  // earliest fill by fill time then Δv.
  it.each([
    ['least Δv', leastDv, (own: number, tie: number) => made({ dvTotal: own, fillT: tie })],
    ['earliest fill', earliestFill, (own: number, tie: number) => made({ fillT: own, dvTotal: tie })],
  ])('%s: the smaller of its own measure first, the other between equals', (_name, prefer, d) => {
    expect(prefer(d(10, 900), d(20, 100))).toBeLessThan(0)
    expect(prefer(d(20, 100), d(10, 900))).toBeGreaterThan(0)
    expect(prefer(d(10, 100), d(10, 900))).toBeLessThan(0)
    expect(prefer(d(10, 900), d(10, 100))).toBeGreaterThan(0)
    expect(prefer(d(10, 100), d(10, 100))).toBe(0)
  })
})

describe('which spare is sent', () => {
  const view = () => slotView([vacancy('V-1'), spare('S-a'), spare('S-b'), spare('S-c')])

  it.each([
    [{ 'S-a': 30, 'S-b': 10, 'S-c': 20 }, 'S-b'],
    [{ 'S-a': 5, 'S-b': 10, 'S-c': 20 }, 'S-a'],
    [{ 'S-a': 20, 'S-b': 20, 'S-c': 10 }, 'S-c'],
    // A tie keeps the first in id order.
    [{ 'S-a': 10, 'S-b': 10, 'S-c': 20 }, 'S-a'],
  ])('the one the preference puts first (%j → %s)', (dv, chosen) => {
    const designs = Object.fromEntries(Object.entries(dv).map(([id, dvTotal]) => [id, made({ dvTotal })]))
    const out = plan(view(), table(designs))
    expect(out.map((o) => o.satellite)).toEqual([chosen, chosen])
  })

  it('each spare once: one spare and two open slots fill only the first slot', () => {
    const two = slotView([vacancy('V-1'), vacancy('V-2'), spare('S-a')])
    const out = plan(two, table({ 'S-a': made() }))
    expect(out.map((o) => [o.satellite, o.replaces])).toEqual([
      ['S-a', 'V-1'],
      ['S-a', 'V-1'],
    ])
  })

  it('two spares and two slots: the better spare to the first slot, the other to the second', () => {
    const two = slotView([vacancy('V-1'), vacancy('V-2'), spare('S-a'), spare('S-b')])
    const out = plan(two, table({ 'S-a': made({ dvTotal: 20 }), 'S-b': made({ dvTotal: 10 }) }))
    expect(out.map((o) => [o.satellite, o.replaces])).toEqual([
      ['S-b', 'V-1'],
      ['S-b', 'V-1'],
      ['S-a', 'V-2'],
      ['S-a', 'V-2'],
    ])
  })

  it('nothing when no slot is open, or no spare is free', () => {
    expect(plan(slotView([{ id: 'A-1' }, spare('S-a')]), table({ 'S-a': made() }))).toEqual([])
    expect(
      plan(slotView([vacancy('V-1'), spare('S-a', { edit: { thrusterOk: false } })]), table({})),
    ).toEqual([])
  })
})

describe('the decisions of the chosen design', () => {
  it('one maneuver per burn, on its time and in the RTN frame, replacing the slot, each explained', () => {
    const view = slotView([vacancy('V-1'), spare('S-a')])
    const out = plan(view, table({ 'S-a': made() }))
    expect(out).toEqual([
      {
        kind: 'maneuver',
        satellite: 'S-a',
        atS: 600,
        dv: { frame: 'rtn', r: 1, t: 4, n: 0 },
        purpose: 'slot-recovery',
        replaces: 'V-1',
        rationale: `S-a → V-1's slot, burn 1 of 2: go (${Math.hypot(1, 4).toFixed(1)} m/s). A made-up plan.`,
      },
      {
        kind: 'maneuver',
        satellite: 'S-a',
        atS: 1200,
        dv: { frame: 'rtn', r: 1, t: 4, n: 0 },
        purpose: 'slot-recovery',
        replaces: 'V-1',
        rationale: `S-a → V-1's slot, burn 2 of 2: stop (${Math.hypot(1, 4).toFixed(1)} m/s). Fills the slot 0.3 h after this plan.`,
      },
    ])
  })
})

describe('designs that are refused', () => {
  const durationS = 6 * 3600

  it('a skip, a burn after the run, a miss beyond 90 % of the slot tolerance, Δv beyond 98 % of the propellant: each named', () => {
    const view = slotView(
      [
        vacancy('V-1'),
        spare('S-a'),
        spare('S-b'),
        spare('S-c'),
        spare('S-d'),
        spare('S-e'),
        spare('S-x', { edit: { thrusterOk: false } }),
      ],
      durationS,
    )
    const cap = capacity(view, 'S-d')
    // Every refused design would fill sooner than S-e's: only the refusals keep them out.
    const out = plan(
      view,
      table({
        'S-a': { skip: 'cannot reach it' },
        'S-b': made({ fillT: 100, burns: [burn(600, 'go'), burn(durationS + 30, 'stop')] }),
        'S-c': made({ fillT: 100, gapM: 0.95 * SLOT_TOLERANCE_M }),
        'S-d': made({ fillT: 100, dvTotal: 0.99 * cap }),
        'S-e': made({ fillT: 5000 }),
      }),
      earliestFill,
    )
    expect(out.map((o) => o.satellite)).toEqual(['S-e', 'S-e'])
    expect(out[0].rationale).toContain(
      'A made-up plan. Not used: S-x has no working thruster; S-a cannot reach it; ' +
        'S-b would burn at T+6.0 h, after the run ends; ' +
        `S-c would end ${((0.95 * SLOT_TOLERANCE_M) / 1000).toFixed(1)} km from the slot, beyond the slot check; ` +
        `S-d would need ${(0.99 * cap).toFixed(1)} m/s but has ${cap.toFixed(1)} m/s of propellant.`,
    )
  })

  it.each([
    [
      'a last burn at the run’s very end',
      (_cap: number) => made({ burns: [burn(600, 'go'), burn(durationS, 'stop')] }),
    ],
    [
      'a miss of exactly 90 % of the slot tolerance',
      (_cap: number) => made({ gapM: SLOT_TOLERANCE_M * 0.9 }),
    ],
    ['Δv of exactly 98 % of the propellant', (cap: number) => made({ dvTotal: 0.98 * cap })],
  ])('%s is accepted', (_name, design) => {
    const view = slotView([vacancy('V-1'), spare('S-a')], durationS)
    const out = plan(view, table({ 'S-a': design(capacity(view, 'S-a')) }))
    expect(out.map((o) => o.satellite)).toEqual(['S-a', 'S-a'])
  })

  it('a spare in a plane exactly 1° away is in the slot’s plane: no plane change, it is sent', () => {
    const polar = (raanDeg: number) => ({ i: 90 * DEG, raan: raanDeg * DEG })
    const view = slotView([{ ...vacancy('V-1'), el: polar(0) }, spare('S-a', { el: polar(1) })])
    const out = plan(view, table({ 'S-a': made() }))
    expect(out.map((o) => o.satellite)).toEqual(['S-a', 'S-a'])
    expect(out[0].rationale).not.toContain('Not used')
  })

  it.each([
    // Same node, 2° more inclination: the planes are 2° apart.
    [{ incDeg: 55 }, 2, '0.0', '2.0'],
    // Nodes 10° apart (350° wraps to −10°), same inclination: cos θ = cos²i + sin²i·cos ΔΩ.
    [
      { raanDeg: 350 },
      (Math.acos(
        Math.cos((53 * Math.PI) / 180) ** 2 +
          Math.sin((53 * Math.PI) / 180) ** 2 * Math.cos((10 * Math.PI) / 180),
      ) *
        180) /
        Math.PI,
      '-10.0',
      '0.0',
    ],
  ])(
    'a spare in another plane (%j) is refused with the plane change it would need',
    (plane, angleDeg, dRaan, dInc) => {
      const view = slotView([vacancy('V-1'), spare('S-a'), spare('S-p', plane)])
      const out = plan(view, table({ 'S-a': made() }))
      const p = view.satellites.find((s) => s.id === 'S-p')!
      // Turning a circular orbit's plane by θ: Δv = 2v·sin(θ/2) (Curtis §6.10).
      const cost = 2 * Math.sqrt(MU_EARTH / p.elements.a) * Math.sin((angleDeg * Math.PI) / 360)
      expect(out[0].rationale).toContain(
        `Not used: S-p flies in another plane (${angleDeg.toFixed(1)}° away: ΔRAAN ${dRaan}°, Δi ${dInc}°); ` +
          `a plane change would cost ${cost.toFixed(1)} m/s against ${capacity(view, 'S-p').toFixed(1)} m/s ` +
          'of propellant, far too expensive.',
      )
    },
  )
})
