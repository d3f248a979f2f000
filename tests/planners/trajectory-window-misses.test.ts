// The transfer-window search's two ways of coming back empty (planners/trajectory/windows.ts),
// for a Hohmann transfer between circular 53° orbits with no J2, where the drift between spare and
// slot is the two-body mean motions' difference: one cycle is 2π / |n_spare − n_slot|.
//
// - The phase does not come round in the wait allowed: the message gives the wait and the cycle.
// - The phase comes round but the arrival misses the slot (planes 10° apart: no start time brings
//   the spare within the slot check): the message gives the best miss found.

import { describe, expect, it } from 'vitest'
import { MU_EARTH } from '../../src/core'
import { hohmannSequence } from '../../src/planners/trajectory/hohmann'
import { MAX_GAP_M } from '../../src/planners/trajectory/recovery'
import { firstWindow } from '../../src/planners/trajectory/windows'
import { coplanarInput } from './design-input'

const SLOT_A = 7050e3
const SPARE_A = 7000e3
const n = (a: number) => Math.sqrt(MU_EARTH / a ** 3)
// 2π / (n(7000 km) − n(7050 km)) ≈ 5.5e5 s, about 152 h.
const CYCLE_H = (2 * Math.PI) / (n(SPARE_A) - n(SLOT_A)) / 3600

describe('firstWindow when no start time works', () => {
  it.each([
    // 90° behind the slot, going round faster: in phase after about a quarter cycle (~38 h), a
    // start time the search finds and then drops as too late.
    ['behind', -90],
    // 90° ahead: the slot is three quarters of a cycle away (~114 h), past where the search looks.
    ['ahead', 90],
  ])(
    'says the phase would not come round within the wait, and how long a cycle takes (spare 90° %s)',
    (_, m0) => {
      const input = coplanarInput({ spareA: SPARE_A, targetA: SLOT_A, spareM0Deg: m0, stepS: 10 })
      const w = firstWindow(input, (tb) => hohmannSequence(input, tb), 2 * 3600)
      expect(w).toEqual({
        ok: false,
        reason: `would not drift into phase within 2.0 h (one cycle takes ${CYCLE_H.toFixed(1)} h)`,
      })
    },
  )

  it('says by how much the best start time would miss the slot when the planes differ', () => {
    const input = coplanarInput({ spareA: SPARE_A, targetA: SLOT_A, spareRaanDeg: 10, stepS: 10 })
    const maxWaitS = 2 * CYCLE_H * 3600
    const w = firstWindow(input, (tb) => hohmannSequence(input, tb), maxWaitS)
    expect(w.ok).toBe(false)
    if (w.ok) return
    const match = /^would miss the slot by ([\d.]+) km at best within ([\d.]+) h$/.exec(w.reason)
    expect(match).not.toBeNull()
    expect(match?.[2]).toBe((maxWaitS / 3600).toFixed(1))
    // Nodes 10° apart at 53°: the planes are θ apart, cos θ = cos²i + sin²i·cos 10° (θ ≈ 7.0°), so
    // a spare that arrives in phase is off the slot's plane by at most 7050 km · sin θ ≈ 859 km,
    // plus at most half a 10 s step along track (≈ 38 km); the best start time tried is still
    // far outside the slot check.
    const i = (53 * Math.PI) / 180
    const theta = Math.acos(Math.cos(i) ** 2 + Math.sin(i) ** 2 * Math.cos((10 * Math.PI) / 180))
    const bestKm = Number(match?.[1])
    expect(bestKm * 1000).toBeGreaterThan(MAX_GAP_M)
    expect(bestKm).toBeLessThan(Math.hypot((SLOT_A * Math.sin(theta)) / 1000, 38))
  })
})
