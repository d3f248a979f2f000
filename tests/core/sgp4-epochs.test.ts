// The SGP4 wrapper's calendar (src/core/sgp4.ts): the TLE format's two-digit epoch year, the
// Julian date of every day satellite.js's formula covers, and a time SGP4 cannot place.

import { jday } from 'satellite.js'
import { describe, expect, it } from 'vitest'
import { createTleOrbit, parseTle, satelliteJsJday, tleEpochMs } from '../../src/core/sgp4'
import { julianDate } from '../../src/core/time'

// ISS (ZARYA), the sample TLE of satellite.js's README; the epoch field is columns 19–32.
const ISS1 = '1 25544U 98067A   19156.50900463  .00003075  00000-0  59442-4 0  9992'
const ISS2 = '2 25544  51.6433  59.2583 0008217  16.4489 347.6017 15.51174618173442'
const withEpoch = (epoch: string) => `${ISS1.slice(0, 18)}${epoch}${ISS1.slice(32)}`
const DAY_MS = 86_400_000

describe('TLE epochs', () => {
  it.each([
    // The format's rule (CelesTrak, "FAQs: Two-Line Element Set Format"): 57–99 are 1957–1999,
    // 00–56 are 2000–2056.
    ['57001.00000000', Date.UTC(1957, 0, 1)],
    ['98001.50000000', Date.UTC(1998, 0, 1, 12)],
    ['99365.25000000', Date.UTC(1999, 11, 31, 6)],
    ['00001.00000000', Date.UTC(2000, 0, 1)],
    ['56366.75000000', Date.UTC(2056, 11, 31, 18)],
  ])('reads the epoch %s as %d ms after 1970', (epoch, expected) => {
    const satrec = parseTle(withEpoch(epoch), ISS2)
    expect(withEpoch(epoch)).toHaveLength(ISS1.length)
    expect(tleEpochMs(satrec)).toBe(expected)
    // satellite.js reads the same instant into its own epoch Julian date.
    expect(Math.abs(julianDate(tleEpochMs(satrec)) - satrec.jdsatepoch)).toBeLessThan(1e-9)
  })
})

describe("satellite.js's Julian date", () => {
  it('is reproduced exactly on every day from 1 March 1900 to 28 February 2100', () => {
    // A different time of day each day (hours, minutes, seconds and milliseconds all vary).
    const start = Date.UTC(1900, 2, 1)
    const end = Date.UTC(2100, 1, 28)
    let days = 0
    let wrong = 0
    for (let ms = start, k = 0; ms <= end; ms += DAY_MS, k++) {
      const t = ms + ((k * 7_919_777) % DAY_MS)
      if (satelliteJsJday(t) !== jday(new Date(t))) wrong++
      days++
    }
    // 1 March 1900 to 1 March 2100: 200 × 365 days and 49 leap days (1904–2096, 2000 included).
    expect(days).toBe(200 * 365 + 49)
    expect(wrong).toBe(0)
  })
})

describe('a time SGP4 cannot place', () => {
  it('returns false for a time of NaN and leaves the outputs alone', () => {
    // satellite.js answers NaN minutes with NaN coordinates rather than an error.
    const orbit = createTleOrbit(ISS1, ISS2)
    const pos = Float64Array.from([1, 2, 3])
    const vel = Float64Array.from([4, 5, 6])
    expect(orbit.propagateMinutes(Number.NaN, pos, vel, 0)).toBe(false)
    expect(orbit.propagate(Number.NaN, pos, vel, 0)).toBe(false)
    expect([...pos, ...vel]).toEqual([1, 2, 3, 4, 5, 6])
    expect(orbit.propagateMinutes(0, pos, vel, 0)).toBe(true)
  })
})
