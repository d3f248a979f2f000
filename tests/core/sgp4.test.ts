// The SGP4 wrapper: same numbers as satellite.js, published verification values, units and frame.

import { jday, propagate as sjsPropagate, twoline2satrec } from 'satellite.js'
import { describe, expect, it } from 'vitest'
import { DEG } from '../../src/core/constants'
import { ecefToGeodetic, eciToEcef } from '../../src/core/frames'
import { createTleOrbit, satelliteJsJday, tleEpochMs } from '../../src/core/sgp4'
import { gmstRad, julianDate } from '../../src/core/time'

// ISS (ZARYA), the sample TLE of satellite.js's README.
const ISS1 = '1 25544U 98067A   19156.50900463  .00003075  00000-0  59442-4 0  9992'
const ISS2 = '2 25544  51.6433  59.2583 0008217  16.4489 347.6017 15.51174618173442'
// Vallado et al. (AIAA 2006-6753) verification satellite 00005 (SGP4-VER.TLE).
const V1 = '1 00005U 58002B   00179.78495062  .00000023  00000-0  28098-4 0  4753'
const V2 = '2 00005  34.2682 348.7242 1859667 331.7664  19.3264 10.82419157413667'

describe('SGP4 wrapper', () => {
  it("is bit-identical to satellite.js's propagate(satrec, new Date(ms)) for integer ms", () => {
    const orbit = createTleOrbit(ISS1, ISS2)
    const satrec = twoline2satrec(ISS1, ISS2)
    const pos = new Float64Array(6)
    const vel = new Float64Array(6)
    let checked = 0
    for (let k = -20; k <= 200; k++) {
      const ms = Math.round(orbit.epochMs) + k * 419_137 + (k % 7) * 13
      expect(orbit.propagate(ms, pos, vel, 3)).toBe(true)
      const ref = sjsPropagate(satrec, new Date(ms))
      expect(ref).not.toBeNull()
      if (ref === null) continue
      expect([pos[3], pos[4], pos[5]]).toEqual([
        ref.position.x * 1000,
        ref.position.y * 1000,
        ref.position.z * 1000,
      ])
      expect([vel[3], vel[4], vel[5]]).toEqual([
        ref.velocity.x * 1000,
        ref.velocity.y * 1000,
        ref.velocity.z * 1000,
      ])
      checked++
    }
    expect(checked).toBe(221)
    // Nothing written outside the offset.
    expect([pos[0], pos[1], pos[2], vel[0], vel[1], vel[2]]).toEqual([0, 0, 0, 0, 0, 0])
  })

  it("computes the Julian date exactly like satellite.js's jday(date), across years and leap days", () => {
    for (const ms of [
      0,
      Date.UTC(1969, 11, 31, 23, 59, 59, 999),
      Date.UTC(1999, 11, 31, 23, 59, 59, 999),
      Date.UTC(2000, 1, 29, 12, 0, 0, 1),
      Date.UTC(2019, 5, 5, 12, 12, 58),
      Date.UTC(2024, 11, 31, 23, 59, 59, 999),
      Date.UTC(2099, 11, 31, 23, 59, 59, 999),
    ]) {
      expect(satelliteJsJday(ms)).toBe(jday(new Date(ms)))
      // …and it is the Julian date, up to its own rounding (1e-9 day ≈ 0.1 ms).
      expect(Math.abs(satelliteJsJday(ms) - julianDate(ms))).toBeLessThan(1e-9)
    }
    // Vallado's one-line formula ignores the Gregorian century rule, so from 1 March 2100 satellite.js
    // is a day off; the wrapper follows it (TLE epochs end in 2056 anyway).
    const ms2100 = Date.UTC(2100, 2, 1, 6, 30)
    expect(satelliteJsJday(ms2100)).toBe(jday(new Date(ms2100)))
    expect(satelliteJsJday(ms2100) - julianDate(ms2100)).toBeCloseTo(1, 9)
  })

  it('reproduces the published verification positions of satellite 00005 within 1 m', () => {
    // Vallado et al. 2006, tcppver.out: t = 0 and t = 360 min, TEME, km and km/s.
    const orbit = createTleOrbit(V1, V2)
    const pos = new Float64Array(3)
    const vel = new Float64Array(3)
    const cases: [number, number[], number[]][] = [
      [0, [7022.46529266, -1400.08296755, 0.03995155], [1.893841015, 6.405893759, 4.53480725]],
      [360, [-7154.03120202, -3783.17682504, -3536.19412294], [4.741887409, -4.151817765, -2.093935425]],
    ]
    for (const [minutes, r, v] of cases) {
      expect(orbit.propagateMinutes(minutes, pos, vel, 0)).toBe(true)
      expect(Math.hypot(pos[0] - r[0] * 1000, pos[1] - r[1] * 1000, pos[2] - r[2] * 1000)).toBeLessThan(1)
      expect(Math.hypot(vel[0] - v[0] * 1000, vel[1] - v[1] * 1000, vel[2] - v[2] * 1000)).toBeLessThan(1e-3)
    }
    // Through the UTC route at the TLE epoch: the Julian-date rounding (~40 µs) is worth < 1 m.
    expect(orbit.propagate(orbit.epochMs, pos, vel, 0)).toBe(true)
    expect(Math.hypot(pos[0] - 7022465.29266, pos[1] + 1400082.96755, pos[2] - 39.95155)).toBeLessThan(1)
  })

  it('reads the TLE epoch to the millisecond', () => {
    // 19156.50900463 → 2019 day 156 (5 June) + 0.50900463 d = 12:12:58.000 UTC.
    const satrec = twoline2satrec(ISS1, ISS2)
    expect(Math.abs(tleEpochMs(satrec) - Date.UTC(2019, 5, 5, 12, 12, 58))).toBeLessThan(1)
    expect(Math.abs(julianDate(tleEpochMs(satrec)) - satrec.jdsatepoch)).toBeLessThan(1e-9)
    // 00179.78495062 → 2000 (two-digit year < 57) day 179 = 27 June, 18:50:19.733568 UTC.
    const expected = Date.UTC(2000, 5, 27, 18, 50, 19) + 733.568
    expect(Math.abs(createTleOrbit(V1, V2).epochMs - expected)).toBeLessThan(0.01)
  })

  it('puts the ISS at a plausible altitude and latitude (TEME ≈ ECI through GMST)', () => {
    const orbit = createTleOrbit(ISS1, ISS2)
    const pos = new Float64Array(3)
    const vel = new Float64Array(3)
    const ecef = new Float64Array(3)
    const geo = new Float64Array(3)
    for (let k = 0; k < 100; k++) {
      const ms = orbit.epochMs + k * 137_000
      orbit.propagate(ms, pos, vel, 0)
      eciToEcef(pos, 0, gmstRad(ms), ecef, 0)
      ecefToGeodetic(ecef[0], ecef[1], ecef[2], geo, 0)
      // June 2019: the ISS flew at 400–420 km above the equatorial radius (e = 0.0008, ±5.5 km); the
      // geodetic height adds up to 13 km where the ellipsoid is lower (51.6° latitude). Its 51.64°
      // orbit bounds the geocentric latitude; the geodetic one exceeds it by at most 0.19°.
      expect(geo[2]).toBeGreaterThan(395e3)
      expect(geo[2]).toBeLessThan(440e3)
      expect(Math.abs(geo[0])).toBeLessThan(51.85 * DEG)
      expect(Math.abs(Math.asin(pos[2] / Math.hypot(pos[0], pos[1], pos[2])))).toBeLessThan(51.65 * DEG)
      expect(Math.hypot(vel[0], vel[1], vel[2])).toBeGreaterThan(7600)
      expect(Math.hypot(vel[0], vel[1], vel[2])).toBeLessThan(7750)
    }
  })

  it('returns false and leaves the outputs alone when SGP4 reports an error', () => {
    // The ISS TLE with an absurd drag term (B* = 0.99999): SGP4 flags it within a day.
    const heavy = `${ISS1.slice(0, 53)} 99999+0${ISS1.slice(61)}`
    const orbit = createTleOrbit(heavy, ISS2)
    const pos = new Float64Array(3)
    const vel = new Float64Array(3)
    expect(orbit.propagateMinutes(0, pos, vel, 0)).toBe(true)
    const before = Array.from(pos)
    expect(orbit.propagateMinutes(10 * 1440, pos, vel, 0)).toBe(false)
    expect(orbit.satrec.error).not.toBe(0)
    expect(Array.from(pos)).toEqual(before)
    expect(() => createTleOrbit('not a', 'tle')).toThrow(/cannot initialise/)
  })
})
