// firstWindow finds the FIRST start time that reaches the slot, checked against a brute-force scan
// of every start time on the step grid (the search itself jumps from one phase crossing to the
// next and refines with Newton steps). Hohmann transfers between circular 53° orbits, no J2, from
// a spare below the slot (it gains on the slot) and from one above it (the slot gains on it).

import { describe, expect, it } from 'vitest'
import { hohmannSequence } from '../../src/planners/trajectory/hohmann'
import { MAX_GAP_M } from '../../src/planners/trajectory/recovery'
import { arrival, firstWindow } from '../../src/planners/trajectory/windows'
import { coplanarInput } from './design-input'

const STEP_S = 10
const MAX_WAIT_S = 60 * 3600

describe('firstWindow against a scan of every start time', () => {
  it.each([
    // Below the slot, 90° behind: in phase after about a quarter of a 152 h cycle.
    ['below, behind', 7000e3, -90],
    // Below the slot, 20° behind: in phase after about 8 h.
    ['below, just behind', 7000e3, -20],
    // Above the slot (7100 km) and ahead of it: the slot catches up.
    ['above, ahead', 7100e3, 60],
  ])('spare %s: the window found is the first on the grid', (_, spareA, m0) => {
    const input = coplanarInput({ spareA, targetA: 7050e3, spareM0Deg: m0, stepS: STEP_S })
    const seq = (tb: number) => hohmannSequence(input, tb)
    const gap = (tb: number) => arrival(input, seq(tb)).gapM
    const w = firstWindow(input, seq, MAX_WAIT_S)
    if (!w.ok) throw new Error(`expected a window, got: ${w.reason}`)
    // The earliest start time on the grid whose arrival passes the slot check.
    let firstOk = Number.NaN
    for (let tb = input.first; tb <= input.first + MAX_WAIT_S; tb += STEP_S) {
      if (gap(tb) <= MAX_GAP_M) {
        firstOk = tb
        break
      }
    }
    expect(firstOk).not.toBeNaN()
    // Found in the same window: on the grid, not before the first good start time, and every
    // start time between them good as well (one crossing, not a later one).
    expect(w.tb % STEP_S).toBe(0)
    expect(w.tb).toBeGreaterThanOrEqual(firstOk)
    for (let tb = firstOk; tb <= w.tb; tb += STEP_S) expect(gap(tb)).toBeLessThanOrEqual(MAX_GAP_M)
    // And the best of its neighbours on the grid (the refinement's last step).
    expect(w.arrival.gapM).toBe(gap(w.tb))
    expect(w.arrival.gapM).toBeLessThanOrEqual(gap(w.tb - STEP_S))
    expect(w.arrival.gapM).toBeLessThanOrEqual(gap(w.tb + STEP_S))
  })

  it('says there is no drift when the orbits are a metre apart (a cycle of nearly 900 years)', () => {
    // n(7050 km) − n(7050.001 km) ≈ 1.5·n·(1 m / 7050 km) ≈ 2.3e-10 rad/s: finite, but more than
    // a thousand times the wait allowed.
    const input = coplanarInput({ spareA: 7050e3 + 1, targetA: 7050e3, spareM0Deg: -20, stepS: STEP_S })
    expect(firstWindow(input, (tb) => hohmannSequence(input, tb), MAX_WAIT_S)).toEqual({
      ok: false,
      reason: 'flies at the slot altitude already: it would never drift into phase',
    })
  })
})
