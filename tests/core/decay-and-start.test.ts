// SGP4 failures during a run become a `decayed` status and a satelliteDecayed event (the
// satellite stops counting as working); contacts and shadows already under way at t = 0 count.

import { describe, expect, it } from 'vitest'
import { createSimulation, DEG, type ScenarioSpec, STATUS_NAMES } from '../../src/core'
import { SINKER } from '../support/sinking-tle'
import { makeSpec, walker } from '../support/spec-fixture'

function withSinker(over: Partial<ScenarioSpec> = {}): ScenarioSpec {
  return makeSpec({
    durationS: 24 * 3600,
    satellites: [...walker(4, 1, 0, 550, 53), SINKER],
    ...over,
  })
}

describe('a TLE satellite whose orbit decays', () => {
  it('during the run: decayed status, one satelliteDecayed event with the time, no longer working', () => {
    const sim = createSimulation(withSinker())
    sim.runUntil(6 * 3600)
    expect(sim.report().satellites.find((s) => s.id === 'SINKER')?.status).toBe('nominal')
    sim.runUntil(24 * 3600)
    const report = sim.report()
    const sinker = report.satellites.find((s) => s.id === 'SINKER')
    expect(sinker?.status).toBe('decayed')
    const decays = report.events.filter((e) => e.type === 'satelliteDecayed')
    expect(decays).toHaveLength(1)
    expect(decays[0].satellite).toBe('SINKER')
    // SGP4 gives up 731 minutes after the TLE epoch; the engine notices on the next 30 s step.
    expect(decays[0].t).toBeGreaterThan(12 * 3600)
    expect(decays[0].t).toBeLessThan(12.5 * 3600)
    expect(decays[0].message).toMatch(/SINKER lost: SGP4 reports its orbit has decayed/)
    // Lost: counted among the failures, and out of the working fleet.
    expect(report.metrics.failures?.value).toBe(1)
    expect(report.counts.failures).toBe(1)
    const view = sim.view().satellites.find((s) => s.id === 'SINKER')
    expect(view?.failed).toBe(true)
    expect(view?.status).toBe('decayed')
  })

  it('before the run: reported decayed at t = 0 with no position, not at the centre of the Earth', () => {
    const sim = createSimulation(withSinker({ epochMs: Date.UTC(2026, 2, 22) }))
    const atStart = sim.events().filter((e) => e.type === 'satelliteDecayed')
    expect(atStart.map((e) => [e.t, e.satellite])).toEqual([[0, 'SINKER']])
    expect(atStart[0].message).toMatch(/already decayed at the scenario epoch/)
    sim.runUntil(3600)
    const sinker = sim.report().satellites.find((s) => s.id === 'SINKER')
    expect(sinker).toMatchObject({
      status: 'decayed',
      positionEciKm: null,
      velocityEciKmS: null,
      latDeg: null,
      lonDeg: null,
      altKm: null,
    })
    // The Keplerian satellites still have real positions.
    const other = sim.report().satellites.find((s) => s.id === 'P1-S1')
    expect(other?.altKm).toBeGreaterThan(500)
  })

  it('keeps the status list and the names in step', () => {
    expect(STATUS_NAMES).toContain('decayed')
    expect(new Set(STATUS_NAMES).size).toBe(STATUS_NAMES.length)
  })
})

describe('what is under way at t = 0', () => {
  it('counts a contact in progress at the start', () => {
    // Put a station right under a satellite at the epoch: it sees it from the first instant.
    const probe = createSimulation(makeSpec({ satellites: walker(1, 1, 0, 550, 53), groundStations: [] }))
    const [lat, lon] = probe.geodetic()
    const spec = makeSpec({
      durationS: 120,
      satellites: walker(1, 1, 0, 550, 53),
      groundStations: [
        { id: 'below', name: 'Below', latRad: lat, lonRad: lon, altM: 0, minElevationRad: 5 * DEG },
      ],
    })
    const sim = createSimulation(spec)
    expect(sim.report().counts.contacts).toBe(1)
    sim.runUntil(spec.durationS)
    // Still the same pass two minutes later: counted once, at the start.
    expect(sim.report().counts.contacts).toBe(1)
  })

  it('counts a shadow entry for each working satellite that starts in eclipse', () => {
    const sim = createSimulation(makeSpec({ satellites: walker(12, 1, 0, 550, 0), durationS: 60 }))
    const inShadow = sim.state().sunlit.filter((x) => x === 0).length
    // A ring of twelve at 550 km always has some in the shadow and some in sunlight.
    expect(inShadow).toBeGreaterThan(0)
    expect(inShadow).toBeLessThan(12)
    expect(sim.report().counts.eclipseEntries).toBe(inShadow)
  })
})
