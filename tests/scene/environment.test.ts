// Outages and storms in the picture: a station is off the air exactly during its outage, a storm
// is on exactly during its window, and an outage of an unknown station changes nothing.

import { describe, expect, it } from 'vitest'
import { stationOutages, stormAt, writeStationsDown } from '../../src/scene/environment'
import { makeSpec } from '../support/spec-fixture'

describe('environment in the scene', () => {
  const base = makeSpec()
  const spec = makeSpec({
    events: [
      { type: 'stationOutage', atS: 3600, station: base.groundStations[1].id, durationS: 1800 },
      { type: 'stationOutage', atS: 0, station: 'nowhere', durationS: 99 },
      { type: 'solarStorm', atS: 7200, durationS: 600, powerLoss: 0.3, noiseFactor: 3 },
    ],
  })

  it('dims a station during its outage only', () => {
    const outages = stationOutages(spec)
    const down = new Float32Array(spec.groundStations.length)
    writeStationsDown(outages, 3599, down)
    expect(Array.from(down).every((d) => d === 0)).toBe(true)
    writeStationsDown(outages, 3600, down)
    expect(down[1]).toBe(1)
    expect(down.reduce((a, b) => a + b, 0)).toBe(1)
    writeStationsDown(outages, 5400, down)
    expect(down[1]).toBe(0)
  })

  it('says when a solar storm is on, and how strong', () => {
    expect(stormAt(spec, 7199)).toBeNull()
    expect(stormAt(spec, 7200)).toEqual({ powerLoss: 0.3, endS: 7800 })
    expect(stormAt(spec, 7800)).toBeNull()
  })
})
