// predictOpportunities' station time (contactS), by hand: satellites hover over or far from
// stations, so which station sees which satellite is the same at every sample, and each
// satellite's expected seconds follow from counting engine steps. The span is fromS 31 … toS 1000
// with 30 s steps: steps 60, 90, … 990, i.e. 32 steps = 960 s, grouped in 120 s samples
// (samples at 120, 240, …, 1080 covering the steps in (t − 120, t]: 3, 4, 4, 4, 4, 4, 4, 4, 1).

import { describe, expect, it } from 'vitest'
import { predictOpportunities } from '../../src/planners/allocation/opportunities'
import { type GroundSat, type GroundStation, groundView } from './ground-view'

const A = { latDeg: 10, lonDeg: 20 }
const FAR = { latDeg: -10, lonDeg: -160 }

function contact(sats: GroundSat[], stations: GroundStation[]): number[] {
  const { view } = groundView({ sats, stations })
  return Array.from(predictOpportunities(view, [], view.satellites, 31, 1000, 120).contactS)
}

describe('predicted station time', () => {
  it('is every step of the span for a satellite a station sees throughout, none for one it never sees', () => {
    expect(contact([{ over: A }, { over: FAR }], [A])).toEqual([960, 0])
  })

  it('shares a station equally among the satellites it sees at once', () => {
    expect(contact([{ over: A }, { over: A }], [A])).toEqual([480, 480])
    expect(contact([{ over: A }, { over: A }, { over: A }], [A])).toEqual([320, 320, 320])
  })

  it('gives a satellite at most the whole span however many stations see it', () => {
    // Satellite 0 over (10°, 20°), satellite 1 over (10°, 30°). Station (10°, 25°) sees both
    // (5° away); station (10°, 5°) sees only satellite 0 (15° away; satellite 1 is 25° away).
    // Satellite 0: ½ + 1 > 1, so the whole 960 s; satellite 1: ½.
    const sats = [{ over: A }, { over: { latDeg: 10, lonDeg: 30 } }]
    expect(
      contact(sats, [
        { latDeg: 10, lonDeg: 25 },
        { latDeg: 10, lonDeg: 5 },
      ]),
    ).toEqual([960, 480])
  })

  it('adds up fractional shares from different stations', () => {
    // Satellites 0–2 over (10°, 20°), satellite 3 over (10°, 0°). Station A sees 0–2 (a third
    // each; satellite 3 is about 20° away, below 5°); station (10°, 10°) sees all four (a quarter
    // each). Satellites 0–2: 1/3 + 1/4 = 7/12 of 960 s = 560 s; satellite 3: 240 s.
    const sats = [{ over: A }, { over: A }, { over: A }, { over: { latDeg: 10, lonDeg: 0 } }]
    const got = contact(sats, [A, { latDeg: 10, lonDeg: 10 }])
    const want = [560, 560, 560, 240]
    for (const [c, x] of got.entries()) expect(x).toBeCloseTo(want[c], 9)
  })

  it('uses the elevation mask: a satellite 15° of arc away is seen above 5°, not above 15°', () => {
    // At 550 km and 15° of central angle the elevation is about 10° (SMAD: tan ε = (cos λ − R/r)/sin λ).
    const off = { latDeg: 25, lonDeg: 20 }
    expect(contact([{ over: off }], [{ ...A, minElevationDeg: 5 }])).toEqual([960])
    expect(contact([{ over: off }], [{ ...A, minElevationDeg: 15 }])).toEqual([0])
  })

  it('skips a station in an outage until the outage is known to end', () => {
    // Ends at 480: the samples at 120 … 480 (15 steps) are lost, 17 steps (510 s) remain.
    expect(contact([{ over: A }], [{ ...A, inOutage: true, outageEndsS: 480 }])).toEqual([510])
    // Ends at 479: the sample at 480 counts too (4 more steps).
    expect(contact([{ over: A }], [{ ...A, inOutage: true, outageEndsS: 479 }])).toEqual([630])
    // No known end: lost for the whole span.
    expect(contact([{ over: A }], [{ ...A, inOutage: true, outageEndsS: null }])).toEqual([0])
    // While blocked it takes no share either: the other station's satellite keeps all of it.
    expect(contact([{ over: A }, { over: A }], [{ ...A, inOutage: true }, A])).toEqual([480, 480])
  })

  it('counts only the steps inside the span when the span is not a whole number of samples', () => {
    const { view } = groundView({ sats: [{ over: A }], stations: [A], durationS: 500 })
    // Run ends at 500: steps 60 … 480 (15 steps).
    expect(Array.from(predictOpportunities(view, [], view.satellites, 31, 1000, 120).contactS)).toEqual([450])
    // A span of one step.
    expect(Array.from(predictOpportunities(view, [], view.satellites, 200, 210, 120).contactS)).toEqual([30])
  })
})
