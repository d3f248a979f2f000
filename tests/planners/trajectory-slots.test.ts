// The slot book (slots.ts): which slots are open, which spares are free, which are unusable and
// why, in id order. The view is hand-made (slot-view.ts) so distances to the slot tolerance and
// planes are exact; the rules are those of the file's header.

import { describe, expect, it } from 'vitest'
import { DEG, SLOT_TOLERANCE_M } from '../../src/core'
import { readSlots } from '../../src/planners/trajectory/slots'
import { type Body, ids, SLOT_RADIUS_M, slotView } from './slot-view'

const X = SLOT_RADIUS_M
const failed = { failed: true }
const retired = { retired: true }
const book = (bodies: Body[], busy?: ReadonlySet<string>) => readSlots(slotView(bodies), false, busy)

describe('open slots', () => {
  it('are the failed and the retired active satellites; a failed spare leaves no slot', () => {
    const b = book([
      { id: 'A-1', edit: failed },
      { id: 'A-2', edit: retired },
      { id: 'A-3' },
      { id: 'SP-1', role: 'spare', raanDeg: 90, edit: failed },
    ])
    expect(ids(b.open)).toEqual(['A-1', 'A-2'])
    expect(ids(b.free)).toEqual([])
  })

  it.each([
    [['V-3', 'S-b', 'V-1', 'S-a', 'V-2']],
    [['S-a', 'V-2', 'V-3', 'S-b', 'V-1']],
    [['V-2', 'S-b', 'V-1', 'S-a', 'V-3']],
    [['S-b', 'V-3', 'V-2', 'V-1', 'S-a']],
  ])('come in id order, and so do the free spares, whatever the view’s order (%j)', (order) => {
    const bodies = order.map(
      (id): Body => (id.startsWith('V') ? { id, edit: failed } : { id, role: 'spare' }),
    )
    const b = book(bodies)
    expect(ids(b.open)).toEqual(['V-1', 'V-2', 'V-3'])
    expect(ids(b.free)).toEqual(['S-a', 'S-b'])
  })

  it('a working satellite of the slot’s plane within the slot tolerance fills it, at exactly the tolerance too', () => {
    const b = book([
      { id: 'V-1', x: X, edit: failed },
      { id: 'W-1', x: X + SLOT_TOLERANCE_M },
      { id: 'W-2', x: X + 5 * SLOT_TOLERANCE_M },
    ])
    expect(ids(b.open)).toEqual([])
  })

  it('one a metre beyond the tolerance does not', () => {
    const b = book([
      { id: 'V-1', x: X, edit: failed },
      { id: 'W-1', x: X + SLOT_TOLERANCE_M + 1 },
    ])
    expect(ids(b.open)).toEqual(['V-1'])
  })

  it('a satellite of another plane passing through the slot does not fill it', () => {
    const b = book([
      { id: 'V-1', x: X, edit: failed },
      { id: 'W-1', x: X, raanDeg: 90 },
      { id: 'W-2', x: X, incDeg: 55 },
    ])
    expect(ids(b.open)).toEqual(['V-1'])
  })

  it('one in a plane exactly 1° away still fills it: 1° apart is still one plane', () => {
    // Polar planes whose nodes are exactly 1° apart are 1° apart to the last bit.
    const polar = (raanDeg: number) => ({ i: 90 * DEG, raan: raanDeg * DEG })
    const b = book([
      { id: 'V-1', x: X, el: polar(0), edit: failed },
      { id: 'W-1', x: X, el: polar(1) },
    ])
    expect(ids(b.open)).toEqual([])
  })

  it('a failed or a retired spare sitting in the slot does not fill it', () => {
    for (const edit of [failed, retired, { failed: true, retired: true }]) {
      const b = book([
        { id: 'V-1', x: X, edit: failed },
        { id: 'D-1', x: X, role: 'spare', edit },
      ])
      expect(ids(b.open)).toEqual(['V-1'])
    }
  })

  it('a spare with burns pending covers the first open slot of its own plane only', () => {
    const b = book([
      { id: 'V-1', edit: failed },
      { id: 'V-2', edit: failed },
      { id: 'V-3', raanDeg: 90, edit: failed },
      { id: 'S-1', role: 'spare', edit: { pendingManeuvers: 2 } },
      // On its way somewhere in a third plane: it covers none of these.
      { id: 'S-2', role: 'spare', raanDeg: 180, edit: { pendingManeuvers: 1 } },
    ])
    expect(ids(b.open)).toEqual(['V-2', 'V-3'])
    expect(ids(b.free)).toEqual([])
  })

  it('a pending spare counted busy by the caller covers nothing', () => {
    const b = book(
      [
        { id: 'V-1', edit: failed },
        { id: 'S-1', role: 'spare', edit: { pendingManeuvers: 2 } },
      ],
      new Set(['S-1']),
    )
    expect(ids(b.open)).toEqual(['V-1'])
  })
})

describe('spares', () => {
  it('are free if they can burn; the others are listed with the reason, in id order', () => {
    const spare = (id: string, edit: Body['edit'] = {}, e?: number): Body => ({ id, role: 'spare', edit, e })
    const b = book(
      [
        { id: 'V-1', edit: failed },
        spare('S-tle', { isTle: true }),
        spare('S-ok'),
        spare('S-retired', retired),
        spare('S-broken', { thrusterOk: false }),
        spare('S-busy'),
        spare('S-ecc', {}, 0.02),
        // Exactly the 0.01 a parking orbit may have is still a parking orbit.
        spare('S-edge', {}, 0.01),
        spare('S-gone', failed),
      ],
      new Set(['S-busy']),
    )
    expect(ids(b.free)).toEqual(['S-edge', 'S-ok'])
    expect(b.unusable).toEqual([
      'S-broken has no working thruster',
      'S-ecc is not in a circular parking orbit (e = 0.020)',
      'S-retired is retired',
      'S-tle follows a published TLE and cannot be steered',
    ])
  })

  it('a spare parked in one of two vacant slots (at the tolerance) is neither free nor unusable', () => {
    const b = book([
      { id: 'V-1', x: X, edit: failed },
      { id: 'V-2', edit: failed },
      { id: 'P-1', role: 'spare', x: X + SLOT_TOLERANCE_M },
      { id: 'S-1', role: 'spare' },
    ])
    expect(ids(b.open)).toEqual(['V-2'])
    expect(ids(b.free)).toEqual(['S-1'])
    expect(b.unusable).toEqual([])
  })

  it('a spare at a vacant slot’s place but in another plane is free', () => {
    const b = book([
      { id: 'V-1', x: X, edit: failed },
      { id: 'P-1', role: 'spare', x: X, raanDeg: 90 },
    ])
    expect(ids(b.open)).toEqual(['V-1'])
    expect(ids(b.free)).toEqual(['P-1'])
  })
})
