// Downlink bookings end to end: a planner books contacts (tests/support/contact-booker.ts), the
// engine validates and lists them, the booked station gets the satellite's data even when the
// engine left to itself would use another station, and bookings drop out once they end.

import { describe, expect, it } from 'vitest'
import { createSimulation, DEG, type ScenarioSpec } from '../../src/core'
import { contactBooker } from '../support/contact-booker'
import { makeSpec, walker } from '../support/spec-fixture'

/**
 * One satellite, one image target right under its ground track at T+1800 s, and two stations
 * 1° of latitude either side of the target: both see the satellite for the whole pass, and
 * left to itself the engine serves the first station in the list ('north').
 */
function overheadSpec(): ScenarioSpec {
  const base = makeSpec({
    satellites: walker(1, 1, 0, 550, 53),
    groundStations: [],
    tasks: [],
    durationS: 3 * 3600,
  })
  const probe = createSimulation(base)
  probe.runUntil(1800)
  const { latRad, lonRad } = probe.view().satellites[0]
  const station = (id: string, dLatDeg: number) => ({
    id,
    name: id,
    latRad: latRad + dLatDeg * DEG,
    lonRad,
    altM: 0,
    minElevationRad: 5 * DEG,
  })
  return {
    ...base,
    groundStations: [station('north', 1), station('south', -1)],
    tasks: [
      {
        id: 'overhead',
        kind: 'image',
        target: { latRad, lonRad },
        windowStartS: 0,
        windowEndS: 3 * 3600,
        priority: 1,
        dataBits: 800e6,
      },
    ],
  }
}

function run(station: string | null) {
  const spec = overheadSpec()
  const sim = createSimulation(spec, undefined, { planners: [contactBooker(station)] })
  let bookingsAtDelivery = sim.view().bookings
  while (sim.step()) {
    if (sim.events().some((e) => e.type === 'taskDelivered' && e.t === sim.time()))
      bookingsAtDelivery = sim.view().bookings
  }
  const ev = sim.events()
  return {
    sim,
    bookingsAtDelivery,
    captured: ev.find((e) => e.type === 'taskCaptured'),
    delivered: ev.find((e) => e.type === 'taskDelivered'),
    booked: ev.filter((e) => e.type === 'decision' && e.data?.kind === 'downlink'),
    faults: ev.filter((e) => e.type === 'plannerFault'),
  }
}

describe('downlink bookings', () => {
  it('left to itself the engine downlinks through the first station that sees the satellite', () => {
    const r = run(null)
    expect(r.captured?.t).toBeGreaterThan(1700)
    expect(r.captured!.t).toBeLessThan(1900)
    expect(r.delivered?.station).toBe('north')
    expect(r.booked).toEqual([])
  })

  it('a booked contact sends the data through the booked station instead', () => {
    const r = run('south')
    expect(r.faults).toEqual([])
    expect(r.booked.length).toBeGreaterThan(0)
    expect(r.delivered?.station).toBe('south')
    expect(r.delivered?.task).toBe('overhead')
    // The delivery happened inside a booked contact: the booking covering it was listed then.
    const d = r.delivered!.t
    expect(r.bookingsAtDelivery.some((b) => b.station === 'south' && b.startS <= d && d <= b.endS)).toBe(true)
    expect(r.sim.metrics().dataDeliveredGb).toBeCloseTo(0.8, 9)
  })

  it('the view lists a booking while it lasts and drops it once it has ended', () => {
    const spec = overheadSpec()
    const sim = createSimulation(spec, undefined, { planners: [contactBooker('south')] })
    sim.runUntil(1800)
    const now = sim.view().bookings
    expect(now.length).toBeGreaterThan(0)
    const current = now.find((b) => b.startS <= 1800 && b.endS >= 1800)!
    expect(current).toMatchObject({ satellite: 'P1-S1', station: 'south' })
    sim.runUntil(current.endS + spec.stepS)
    expect(sim.view().bookings.some((b) => b.startS === current.startS)).toBe(false)
  })
})
