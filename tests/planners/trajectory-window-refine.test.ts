// The window search's last steps (planners/trajectory/windows.ts), on made-up transfers whose
// arrival is set by hand: started at tb, the spare ends on the slot's orbit with a phase error
// that crosses zero at a chosen time tz (changing at exactly the drift rate the search assumes)
// and a radius error that vanishes at another chosen time tc. With tz and tc known, so is the
// answer: Newton's steps land on tz (on the grid by choice), and the refinement then takes
// whichever of tz − step, tz, tz + step arrives closest — never a time before the earliest burn.
// Real transfers (trajectory-window-first.test.ts) end closest at the phase crossing itself,
// which leaves the neighbour check untried.

import { describe, expect, it } from 'vitest'
import { elementsAt, latitudeRate } from '../../src/planners/trajectory/orbit-model'
import { MAX_GAP_M } from '../../src/planners/trajectory/recovery'
import { arrival, firstWindow, type Sequence } from '../../src/planners/trajectory/windows'
import { coplanarInput } from './design-input'

const STEP_S = 10
const HOUR_S = 3600
// Burns may start 10 h into the run: a start time of 0 would hide an offset that forgets it.
const FIRST_S = 10 * HOUR_S
const FLIGHT_S = 3000
// A spare 250 km below the slot drifts a full cycle in about 29 h (the search's synodic period).
const input = { ...coplanarInput({ spareA: 6800e3, targetA: 7050e3, stepS: STEP_S }), first: FIRST_S }
const rate = latitudeRate(input.targetOrbit) - latitudeRate(input.spareOrbit)
const cycleS = (2 * Math.PI) / Math.abs(rate)

/** Transfers whose arrival phase error is rate·(tb − tz) and radius error dr(tb); counts designs. */
function madeUp(tz: number, dr: (tb: number) => number) {
  let designs = 0
  const sequenceAt = (tb: number): Sequence => {
    designs++
    const endT = tb + FLIGHT_S
    const el = elementsAt(input.targetOrbit, endT)
    const phase = rate * (tb - tz)
    return {
      burns: [],
      endT,
      endOrbit: { el: { ...el, a: el.a + dr(tb), m0: el.m0 - phase }, t0: endT, j2: false },
    }
  }
  return { sequenceAt, designs: () => designs }
}

/** A radius error of 1 km per second away from tc: 10 km a step, outweighing the phase's 4 km. */
const radiusZeroAt = (tc: number) => (tb: number) => 1000 * (tb - tc)

describe('firstWindow refines a phase crossing to the closest neighbouring start time', () => {
  const tz = FIRST_S + HOUR_S
  it.each([
    ['one step later', tz + STEP_S],
    ['one step earlier', tz - STEP_S],
    ['the crossing itself', tz],
  ])('takes %s when that start time arrives closest', (_, tc) => {
    const { sequenceAt } = madeUp(tz, radiusZeroAt(tc))
    const w = firstWindow(input, sequenceAt, 6 * HOUR_S)
    if (!w.ok) throw new Error(`expected a window, got: ${w.reason}`)
    expect(w.tb).toBe(tc)
    // The arrival reported is that start time's own, and better than the crossing's other two.
    expect(w.arrival.gapM).toBe(arrival(input, sequenceAt(tc)).gapM)
    for (const t of [tz - STEP_S, tz, tz + STEP_S]) {
      if (t !== tc) expect(w.arrival.gapM).toBeLessThan(arrival(input, sequenceAt(t)).gapM)
    }
    expect(w.arrival.gapM).toBeLessThanOrEqual(MAX_GAP_M)
  })

  it('asks for few designs when the first Newton step lands on the crossing', () => {
    // The phase at the earliest time, one step that confirms tz, then tz and its two neighbours.
    // Designs are whole transfers: Newton's 12-step bound is for steps that do not settle.
    const { sequenceAt, designs } = madeUp(tz, radiusZeroAt(tz + STEP_S))
    expect(firstWindow(input, sequenceAt, 6 * HOUR_S).ok).toBe(true)
    expect(designs()).toBeLessThanOrEqual(5)
  })

  it.each([
    // The crossing 2 s after the earliest time, the radius right one step before it: that start
    // time would be closest, but a burn cannot be planned before the earliest time.
    ['never starts before the earliest time', FIRST_S + 2, FIRST_S - STEP_S, FIRST_S],
    // The crossing one step (and 2 s) after it, the radius right at it: the earliest time itself
    // is a neighbour like any other.
    ['may start at the earliest time itself', FIRST_S + STEP_S + 2, FIRST_S, FIRST_S],
  ])('%s', (_, crossing, tc, expected) => {
    const { sequenceAt } = madeUp(crossing, radiusZeroAt(tc))
    const w = firstWindow(input, sequenceAt, 6 * HOUR_S)
    if (!w.ok) throw new Error(`expected a window, got: ${w.reason}`)
    expect(w.tb).toBe(expected)
  })
})

describe('firstWindow reports the best miss over every crossing in the wait', () => {
  it('names the closest arrival, not the first one tried, when waiting makes the miss smaller', () => {
    // The radius error shrinks by 1 m a second toward a time past the wait, so every crossing
    // misses the slot by more than the check, each later one by less.
    const tz = FIRST_S + HOUR_S
    const tc = FIRST_S + 150 * HOUR_S
    const maxWaitS = 100 * HOUR_S
    const { sequenceAt } = madeUp(tz, (tb) => tc - tb)
    const w = firstWindow(input, sequenceAt, maxWaitS)
    expect(w.ok).toBe(false)
    if (w.ok) return
    const match = /^would miss the slot by ([\d.]+) km at best within 100\.0 h$/.exec(w.reason)
    expect(match).not.toBeNull()
    // Crossings at tz + k·cycle; the last within the wait decides (k = 3 here, about 89 h in).
    const last = Math.floor((FIRST_S + maxWaitS - tz) / cycleS)
    expect(last).toBe(3)
    const radiusAtLast = tc - (tz + last * cycleS)
    expect(radiusAtLast).toBeGreaterThan(MAX_GAP_M)
    // Within the grid's half step of phase (≈ 2 km) and the kilometre rounding of the message;
    // the first crossing's miss is over 500 km.
    expect(Math.abs(Number(match?.[1]) * 1000 - radiusAtLast)).toBeLessThan(2_500)
  })
})
