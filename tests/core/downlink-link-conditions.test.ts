// When a booked contact is NOT honoured (src/core/engine/payload.ts, tryLink): the station must
// hear the satellite this step (a station in an outage hears nothing), and the satellite must be
// working, out of safe mode, holding data and not already transmitting. The default rule never
// offers such a satellite a station (the geometry pass only picks working, powered satellites
// with data), so bookings are the way to reach these checks. One satellite, two stations that
// see the same pass (tests/support/pass-fixture.ts); a booking of 'south' inside the pass, where
// the default would be 'north'.

import { describe, expect, it } from 'vitest'
import { createSimulation, type Decision, type ScenarioSpec } from '../../src/core'
import {
  assign,
  booking,
  IMAGE_BITS,
  PASS_BUS,
  type PassOptions,
  passSpec,
  trace,
} from '../support/pass-fixture'
import { probePlanner } from '../support/probe-planner'

const NORTH = 0
const SOUTH = 1
const STEP = 30
/** Bits one link sends in one step. */
const PER_STEP = PASS_BUS.downlinkRateBps * STEP

/** Built inside each test: engine code run while collecting would count as run by no test. */
function scene(options: PassOptions = {}): { spec: ScenarioSpec; w0: number; w1: number } {
  const spec = passSpec(options)
  expect(spec.stepS).toBe(STEP)
  const [[w0, w1]] = createSimulation(spec).view().visibilityWindows(0, SOUTH, 0, 3600)
  return { spec, w0, w1 }
}

function flown(spec: ScenarioSpec, decisions: Decision[], untilS: number) {
  const sim = createSimulation(spec, undefined, { planners: [probePlanner('allocation', () => decisions)] })
  const steps = trace(sim, untilS)
  expect(sim.events().filter((e) => e.type === 'plannerFault')).toEqual([])
  return { sim, steps, at: (t: number) => steps.find((x) => x.t === t)! }
}

describe('a booked contact is not honoured', () => {
  it('while the booked station is in an outage: the satellite goes to the default station', () => {
    const probe = scene()
    const startS = probe.w0 + 4 * STEP
    const endS = probe.w0 + 12 * STEP
    // South is dark for four steps in the middle of the booking: [atS, atS + durationS).
    const outage = { atS: probe.w0 + 6 * STEP, durationS: 4 * STEP }
    const { spec, w0, w1 } = scene({
      events: [{ type: 'stationOutage', station: 'south', ...outage }],
    })
    const { steps } = flown(spec, [assign(), booking('south', startS, endS)], w1 + STEP)
    const dark = (t: number) => t >= outage.atS && t < outage.atS + outage.durationS
    const expected = (t: number) =>
      t >= startS && t <= endS && !dark(t) ? SOUTH : t >= w0 && t <= w1 ? NORTH : -1
    expect(steps.map((x) => [x.t, x.link[0]])).toEqual(steps.map((x) => [x.t, expected(x.t)]))
    expect(steps.filter((x) => dark(x.t)).length).toBe(4)
  })

  it('while the satellite is in safe mode (and the default gives it nothing either)', () => {
    // No sun: the charge falls by the base load (plus one imaging step) from just above the 20 %
    // minimum, so the satellite images at T+600 s and is in safe mode before the pass at T+1200 s.
    const C = PASS_BUS.batteryCapacityJ
    const dry = (initialSoc: number) => scene({ bus: { solarPowerW: 0, minSoc: 0.2, initialSoc } })
    const low = dry(0.2 + (PASS_BUS.baseLoadW * 900) / C)
    expect(low.w0).toBeGreaterThan(900)
    const decisions = [assign(), booking('south', low.w0, low.w1)]
    const safe = flown(low.spec, decisions, low.w1 + STEP)
    expect(safe.sim.events().some((e) => e.type === 'taskCaptured')).toBe(true)
    const pass = safe.steps.filter((x) => x.t >= low.w0 && x.t <= low.w1)
    expect(pass.every((x) => x.status[0] === 'safe')).toBe(true)
    expect(pass.map((x) => x.link[0])).toEqual(pass.map(() => -1))
    expect(safe.at(low.w1).storageBits[0]).toBe(IMAGE_BITS)
    // The same booking with a full battery is honoured at every step of the pass.
    const full = dry(0.9)
    const powered = flown(full.spec, decisions, full.w1 + STEP)
    const fullPass = powered.steps.filter((x) => x.t >= full.w0 && x.t <= full.w1)
    expect(fullPass.map((x) => x.link[0])).toEqual(fullPass.map(() => SOUTH))
  })

  it('while the satellite holds no data: no link, and no transmitter load on the battery', () => {
    const { spec, w0, w1 } = scene({ tasks: () => [] })
    const booked = flown(spec, [booking('south', w0, w1)], w1 + STEP)
    expect(booked.steps.map((x) => x.link[0])).toEqual(booked.steps.map(() => -1))
    expect(booked.steps.every((x) => x.storageBits[0] === 0)).toBe(true)
    const idle = flown(spec, [], w1 + STEP)
    expect(booked.sim.view().satellites[0].soc).toBe(idle.sim.view().satellites[0].soc)
  })

  it('once the satellite has failed (its data is lost with it)', () => {
    const { spec, w0, w1 } = scene({
      events: [{ type: 'failure', atS: 900, satellite: 'P1-S1', component: 'battery' }],
    })
    const { sim, steps } = flown(spec, [assign(), booking('south', w0, w1)], w1 + STEP)
    expect(sim.events().some((e) => e.type === 'taskCaptured' && e.t < 900)).toBe(true)
    const pass = steps.filter((x) => x.t >= w0 && x.t <= w1)
    expect(pass.map((x) => [x.link[0], x.storageBits[0], x.status[0]])).toEqual(
      pass.map(() => [-1, 0, 'failed']),
    )
  })

  it('for a second station while the satellite already transmits to the first booked', () => {
    const { spec, w0, w1 } = scene()
    const from = w0 + 4 * STEP
    const to = w0 + 12 * STEP
    const { at } = flown(spec, [assign(), booking('south', from, to), booking('north', from, to)], w1)
    for (let t = from; t <= to; t += STEP) expect(at(t).link[0]).toBe(SOUTH)
    // One link's worth a step: south's, not south's and north's.
    expect(at(from - STEP).storageBits[0] - at(to).storageBits[0]).toBe(((to - from) / STEP + 1) * PER_STEP)
  })
})
