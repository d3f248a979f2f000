// What the engine hands an isolated planner's host (portableViewData) shares nothing with the
// engine: a host that writes over every array and object it was handed, before or instead of
// posting it to its thread, leaves the run exactly as a host that only reads. A shared array
// would let it switch stations off (outage ends), move satellites or rewrite the log.

import { describe, expect, it } from 'vitest'
import { createSimulation, type EnginePlanner, type PortableViewData } from '../../src/core'
import { makeSpec } from '../support/spec-fixture'

const spec = makeSpec({
  durationS: 2 * 3600,
  events: [{ type: 'stationOutage', atS: 1200, station: 'svalbard', durationS: 1800 }],
})

/** Overwrites everything in `d` a careless host could reach. */
function scribble(d: PortableViewData): void {
  d.sats.fill(Number.NaN)
  // Every station down far into the future; the one in its outage back on the air.
  d.outageEndS.forEach((end, j) => {
    d.outageEndS[j] = Number.isNaN(end) ? 1e12 : Number.NaN
  })
  d.kepler.fill(0)
  d.telemetry.t.fill(-1)
  d.telemetry.v.fill(-1)
  for (const p of d.pending) Object.assign(p, { k: 0, atS: 0 })
  for (const q of d.tasks) Object.assign(q, { state: 'captured', capturedBy: 0 })
  for (const c of d.conjunctions) Object.assign(c, { missM: 0 })
  for (const a of d.alerts) Object.assign(a, { satellite: 'nobody' })
  for (const b of d.bookings) Object.assign(b, { startS: 0, endS: 0 })
  for (const e of d.recentEvents) {
    e.t = -1
    if (e.data) for (const key of Object.keys(e.data)) e.data[key] = 'scribbled'
  }
}

function run(write: boolean) {
  let calls = 0
  const planner: EnginePlanner = {
    id: 'trajectory/host',
    kind: 'trajectory',
    isolated: {
      telemetryKnown: () => 0,
      call: async (_t, data) => {
        calls++
        if (write) scribble(data)
        // One burn, so the log holds events with data and a burn is pending for a while.
        const items =
          calls === 1
            ? [
                {
                  kind: 'maneuver',
                  satellite: 'P1-S1',
                  atS: 1500,
                  dv: { frame: 'rtn', r: 0, t: 2, n: 0 },
                  purpose: 'orbit-raise',
                  rationale: 'raise P1-S1 by 2 m/s',
                },
              ]
            : []
        return { ok: true, read: { ok: true, items, total: items.length } }
      },
    },
  }
  const sim = createSimulation(spec, undefined, { planners: [planner] })
  return sim.runUntilAsync(spec.durationS).then(() => ({
    calls,
    report: JSON.stringify(sim.report()),
    events: JSON.stringify(sim.events()),
    view: JSON.stringify(sim.view().stations),
  }))
}

describe("the data an isolated planner's host is handed", () => {
  it('can be written over without changing the run', async () => {
    const [read, written] = await Promise.all([run(false), run(true)])
    expect(read.calls).toBeGreaterThan(10)
    expect(written.calls).toBe(read.calls)
    expect(read.events).toContain('"type":"maneuverExecuted"')
    expect(written.events).toBe(read.events)
    expect(written.view).toBe(read.view)
    expect(written.report).toBe(read.report)
  })
})
