// When a booked contact applies (src/core/engine/payload.ts, downlinkPass): at every step from its
// startS to its endS, both included, the booking sends its satellite to the booked station; before
// and after, the default rule applies (each idle station, in list order, serves the visible
// satellite with the most data). A booking that has ended leaves the engine's state. The expected
// links come from that rule and the pass's predicted visibility window, not from the engine's
// own output.

import { describe, expect, it } from 'vitest'
import { createSimulation, type Decision, type ScenarioSpec } from '../../src/core'
import { assign, booking, IMAGE_BITS, PASS_BUS, passSpec, trace } from '../support/pass-fixture'
import { probePlanner } from '../support/probe-planner'

const NORTH = 0
const SOUTH = 1
const STEP = 30

/**
 * The fixture and P1-S1's pass over the stations, which both see it over the same steps (the
 * fixture's premise). Built inside each test: engine code run while collecting would count as
 * run by no test in mutation testing.
 */
function scene(): { spec: ScenarioSpec; w0: number; w1: number } {
  const spec = passSpec()
  expect(spec.stepS).toBe(STEP)
  const view = createSimulation(spec).view()
  const [north] = view.visibilityWindows(0, NORTH, 0, spec.durationS)
  const [south] = view.visibilityWindows(0, SOUTH, 0, spec.durationS)
  expect(north).toEqual(south)
  return { spec, w0: south[0], w1: south[1] }
}

function flown(spec: ScenarioSpec, bookings: Decision[]) {
  return createSimulation(spec, undefined, {
    planners: [probePlanner('allocation', () => [assign(), ...bookings])],
  })
}

describe('a booked contact', () => {
  it('holds from its startS to its endS, both included; the default station before and after', () => {
    const { spec, w0, w1 } = scene()
    // Well inside the pass, so the default rule (north, first in the list) holds around it.
    const startS = w0 + 4 * STEP
    const endS = w0 + 12 * STEP
    const sim = flown(spec, [booking('south', startS, endS)])
    const steps = trace(sim, w1 + 3 * STEP)
    expect(sim.events().filter((e) => e.type === 'plannerFault')).toEqual([])
    // The satellite has data through the whole pass: 1 Mbit/s never empties 800 Mb in one pass.
    const passSteps = (w1 - w0) / STEP + 1
    expect(IMAGE_BITS - passSteps * PASS_BUS.downlinkRateBps * STEP).toBeGreaterThan(0)
    expect(steps.at(-1)?.storageBits[0]).toBe(IMAGE_BITS - passSteps * PASS_BUS.downlinkRateBps * STEP)

    const expected = (t: number) => (t >= startS && t <= endS ? SOUTH : t >= w0 && t <= w1 ? NORTH : -1)
    expect(steps.map((x) => [x.t, x.link[0]])).toEqual(steps.map((x) => [x.t, expected(x.t)]))
    // The edges, spelled out.
    const linkAt = (t: number) => steps.find((x) => x.t === t)?.link[0]
    expect([linkAt(startS - STEP), linkAt(startS)]).toEqual([NORTH, SOUTH])
    expect([linkAt(endS), linkAt(endS + STEP)]).toEqual([SOUTH, NORTH])
    // Not transmitting is -1, before the pass and after it.
    expect([linkAt(w0 - STEP), linkAt(w1 + STEP)]).toEqual([-1, -1])
  })

  it('leaves the engine state once it has ended; one still running stays and still applies', () => {
    const { spec, w0 } = scene()
    // A ends one step before B: the step that drops A is B's last, so B must survive the pruning.
    const a = { startS: w0 + 4 * STEP, endS: w0 + 8 * STEP }
    const b = { startS: w0 + 6 * STEP, endS: w0 + 9 * STEP }
    const sim = flown(spec, [booking('south', a.startS, a.endS), booking('south', b.startS, b.endS)])
    const held = () => sim.snapshot().state.bookings.map(({ startS, endS }) => ({ startS, endS }))
    const listed = () => sim.view().bookings.map(({ startS, endS }) => ({ startS, endS }))

    sim.runUntil(a.endS)
    expect(held()).toEqual([a, b])
    sim.step() // t = b.endS: A has ended
    expect(sim.time()).toBe(b.endS)
    expect(held()).toEqual([b])
    expect(listed()).toEqual([b])
    expect(sim.state().linkStation[0]).toBe(SOUTH)
    sim.step() // t = b.endS + one step: both have ended
    expect(held()).toEqual([])
    expect(listed()).toEqual([])
    expect(sim.state().linkStation[0]).toBe(NORTH)
  })
})
