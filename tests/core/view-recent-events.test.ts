// A planner's recentEvents are copies of the engine's log entries: equal to them field by field,
// with a `data` record only where the engine's entry has one, and sharing no object with the log
// (the view is frozen; the engine's own log must stay its own, untouched by a planner's view).

import { describe, expect, it } from 'vitest'
import { createSimulation, type SimEvent } from '../../src/core'
import { makeSpec } from '../support/spec-fixture'

describe("a planner's recentEvents", () => {
  it("equal the engine's entries, data and all, without being them", () => {
    // A conjunction warning carries data (time of closest approach, miss distance); a station
    // outage's start does not.
    const spec = makeSpec({
      durationS: 1800,
      events: [
        {
          type: 'conjunction',
          atS: 300,
          satellite: 'P1-S1',
          tcaS: 4000,
          missDistanceM: 50,
          hardBodyRadiusM: 10,
        },
        { type: 'stationOutage', atS: 600, station: 'fairbanks', durationS: 600 },
      ],
    })
    const seen: SimEvent[] = []
    const sim = createSimulation(spec, undefined, {
      planners: [
        {
          id: 'allocation/reader',
          kind: 'allocation',
          plan: (view) => {
            seen.push(...view.recentEvents)
            return []
          },
        },
      ],
    })
    sim.runUntil(spec.durationS)
    const log = sim.events()
    expect(seen.some((e) => e.data !== undefined)).toBe(true)
    expect(seen.some((e) => !('data' in e))).toBe(true)
    expect(seen.find((e) => e.type === 'conjunctionWarning')?.data).toEqual({ tcaS: 4000, missM: 50 })
    for (const e of seen) {
      const same = log.filter((x) => x.type === e.type && x.t === e.t && x.message === e.message)
      expect(same, `${e.type}@${e.t}`).toHaveLength(1)
      const [own] = same
      expect(e).toStrictEqual(own)
      expect(e).not.toBe(own)
      if (own.data) {
        expect(e.data).not.toBe(own.data)
        expect(Object.isFrozen(own.data)).toBe(false)
      }
    }
  })
})
