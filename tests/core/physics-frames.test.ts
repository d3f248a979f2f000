// Frames, Sun, eclipse and station/target geometry against published values and exact geometry.

import { describe, expect, it } from 'vitest'
import { DEG, R_EARTH, SECONDS_PER_DAY, WGS84_E2 } from '../../src/core/constants'
import { inCylindricalShadow } from '../../src/core/eclipse'
import {
  ecefToEci,
  ecefToEciVelocity,
  ecefToGeodetic,
  eciToEcef,
  eciToEcefVelocity,
  geodeticToEcef,
  WGS84_B,
} from '../../src/core/frames'
import {
  elevationRad,
  sinElevation,
  slantRangeM,
  stationFrame,
  targetInFootprint,
} from '../../src/core/geometry'
import { orbitalPeriod, wrapPi } from '../../src/core/kepler'
import { KeplerSet } from '../../src/core/kepler-set'
import { sunDirectionEci, sunDistanceM } from '../../src/core/sun'
import { gmstRad } from '../../src/core/time'

const AU_KM = 149_597_870.7

function angleBetween(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const dot = a[0] * b[0] + a[1] * b[1] + a[2] * b[2]
  const cross = Math.hypot(a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0])
  return Math.atan2(cross, dot)
}

describe('geodetic ↔ ECEF (WGS-84)', () => {
  it('puts the equator/prime meridian at (a, 0, 0) and the north pole at (0, 0, b)', () => {
    const p = new Float64Array(3)
    geodeticToEcef(0, 0, 0, p, 0)
    expect(Array.from(p)).toEqual([R_EARTH, 0, 0])
    geodeticToEcef(90 * DEG, 0, 0, p, 0)
    // b = 6,356,752.314245 m (NIMA TR8350.2 Table 3.1).
    expect(Math.abs(p[2] - 6_356_752.314245)).toBeLessThan(1e-6)
    expect(Math.abs(p[0])).toBeLessThan(1e-9)
    expect(Math.abs(WGS84_B - 6_356_752.314245)).toBeLessThan(1e-6)
    const g = new Float64Array(3)
    ecefToGeodetic(R_EARTH + 1000, 0, 0, g, 0)
    expect(Array.from(g)).toEqual([0, 0, 1000])
    ecefToGeodetic(0, 0, -WGS84_B - 500, g, 0)
    expect(g[0]).toBe(-Math.PI / 2)
    expect(Math.abs(g[2] - 500)).toBeLessThan(1e-8)
  })

  it('matches Vallado Example 3-3 (geodetic latitude, longitude and height)', () => {
    // r = (6524.834, 6862.875, 6448.296) km → φgd = 34.352496°, λ = 46.4464°, h = 5085.22 km.
    // Tolerances are the printed digits of the example.
    const g = new Float64Array(3)
    ecefToGeodetic(6_524_834, 6_862_875, 6_448_296, g, 0)
    expect(Math.abs(g[0] / DEG - 34.352496)).toBeLessThan(1e-6)
    expect(Math.abs(g[1] / DEG - 46.4464)).toBeLessThan(1e-4)
    expect(Math.abs(g[2] / 1000 - 5085.22)).toBeLessThan(0.01)
  })

  it('round-trips from −1 km to 400,000 km altitude at all latitudes within 1 µm / 1e-13 rad', () => {
    // geodeticToEcef is the exact closed form, so the round trip measures ecefToGeodetic's error.
    const p = new Float64Array(3)
    const g = new Float64Array(3)
    let worstH = 0
    let worstLat = 0
    let worstLon = 0
    for (let lat = -90; lat <= 90; lat += 0.25) {
      for (const lon of [-179.9, -45, 0, 12.5, 90, 180]) {
        for (const h of [-1000, 0, 400e3, 2000e3, 20_200e3, 35_786e3, 400_000e3]) {
          geodeticToEcef(lat * DEG, lon * DEG, h, p, 0)
          ecefToGeodetic(p[0], p[1], p[2], g, 0)
          worstLat = Math.max(worstLat, Math.abs(g[0] - lat * DEG))
          worstH = Math.max(worstH, Math.abs(g[2] - h))
          if (Math.abs(lat) < 90) worstLon = Math.max(worstLon, Math.abs(wrapPi(g[1] - lon * DEG)))
        }
      }
    }
    expect(worstLat).toBeLessThan(1e-13)
    expect(worstH).toBeLessThan(1e-6)
    expect(worstLon).toBeLessThan(1e-13)
  })
})

describe('ECI ↔ ECEF', () => {
  it('rotates by GMST about z and back', () => {
    const r = Float64Array.from([7000e3, 1000e3, 2000e3])
    const e = new Float64Array(3)
    eciToEcef(r, 0, Math.PI / 2, e, 0)
    // A +90° sidereal angle puts the ECI x axis on ECEF −y.
    expect(Math.abs(e[0] - 1000e3)).toBeLessThan(1e-6)
    expect(Math.abs(e[1] + 7000e3)).toBeLessThan(1e-6)
    expect(e[2]).toBe(2000e3)
    const back = new Float64Array(3)
    ecefToEci(e, 0, Math.PI / 2, back, 0)
    for (let j = 0; j < 3; j++) expect(Math.abs(back[j] - r[j])).toBeLessThan(1e-6)
    // In place at an offset.
    const buf = Float64Array.from([9, 7000e3, 1000e3, 2000e3])
    eciToEcef(buf, 1, 0.3, buf, 1)
    ecefToEci(buf, 1, 0.3, buf, 1)
    expect(Math.abs(buf[1] - 7000e3) + Math.abs(buf[2] - 1000e3)).toBeLessThan(1e-6)
    expect(buf[0]).toBe(9)
  })

  it('gives a geostationary satellite zero ECEF velocity, and converts velocities back', () => {
    const a = 42_164.17e3
    const w = 7.292115146706979e-5
    const g = 1.234
    const pos = Float64Array.from([a * Math.cos(g + 0.5), a * Math.sin(g + 0.5), 0])
    const vel = Float64Array.from([-a * w * Math.sin(g + 0.5), a * w * Math.cos(g + 0.5), 0])
    const ve = new Float64Array(3)
    eciToEcefVelocity(pos, vel, 0, g, ve, 0)
    expect(Math.hypot(ve[0], ve[1], ve[2])).toBeLessThan(1e-9)
    const pe = new Float64Array(3)
    eciToEcef(pos, 0, g, pe, 0)
    const vi = new Float64Array(3)
    ecefToEciVelocity(pe, ve, 0, g, vi, 0)
    for (let j = 0; j < 3; j++) expect(Math.abs(vi[j] - vel[j])).toBeLessThan(1e-9)
  })

  it('keeps a geostationary satellite over its longitude for a day (within 0.01°)', () => {
    // a = 42,164.17 km, e = 0, i = 0, two-body; placed over 75° E at the epoch.
    const epochMs = Date.UTC(2026, 2, 20)
    const lon0 = 75 * DEG
    const set = new KeplerSet([{ a: 42_164.17e3, e: 0, i: 0, raan: 0, argp: 0, m0: gmstRad(epochMs) + lon0 }])
    const pos = new Float64Array(3)
    const vel = new Float64Array(3)
    const ecef = new Float64Array(3)
    const geo = new Float64Array(3)
    let worst = 0
    for (let t = 0; t <= SECONDS_PER_DAY; t += 600) {
      set.propagate(t, false, pos, vel)
      eciToEcef(pos, 0, gmstRad(epochMs + t * 1000), ecef, 0)
      ecefToGeodetic(ecef[0], ecef[1], ecef[2], geo, 0)
      worst = Math.max(worst, Math.abs(wrapPi(geo[1] - lon0)))
      expect(Math.abs(geo[0])).toBeLessThan(1e-12)
      expect(Math.abs(geo[2] - 35_786e3)).toBeLessThan(1e3)
    }
    expect(worst / DEG).toBeLessThan(0.01)
    // The check can fail: a 10 km error in a (ΔT/T = 1.5·Δa/a) drifts ≈ 0.13°/day.
    set.setElements(0, { a: 42_174e3, e: 0, i: 0, raan: 0, argp: 0, m0: gmstRad(epochMs) + lon0 })
    set.propagate(SECONDS_PER_DAY, false, pos, vel)
    eciToEcef(pos, 0, gmstRad(epochMs + SECONDS_PER_DAY * 1000), ecef, 0)
    ecefToGeodetic(ecef[0], ecef[1], ecef[2], geo, 0)
    expect(Math.abs(wrapPi(geo[1] - lon0)) / DEG).toBeGreaterThan(0.1)
  })
})

describe('Sun', () => {
  it('matches Vallado Example 5-1 (2006-04-02 00:00 UTC) within 0.003° and 1e-4 AU', () => {
    // Published r_sun = (146186212, 28788976, 12481064) km (mean equator and equinox of date). The
    // example runs the same low-precision algorithm (UT1 ≈ TDB), so agreement is far better than the
    // algorithm's 0.01° accuracy against the true Sun; 0.003° catches a wrong coefficient in λ.
    const ref = [146_186_212, 28_788_976, 12_481_064]
    const s = new Float64Array(3)
    const ms = Date.UTC(2006, 3, 2)
    sunDirectionEci(ms, s, 0)
    expect(Math.hypot(s[0], s[1], s[2])).toBeCloseTo(1, 14)
    expect(angleBetween(s, ref) / DEG).toBeLessThan(0.003)
    expect(Math.abs(sunDistanceM(ms) / 1000 - Math.hypot(ref[0], ref[1], ref[2])) / AU_KM).toBeLessThan(1e-4)
  })

  it('crosses the equator at the 2026 March equinox (20 Mar 14:46 UTC) and peaks at 23.44° in June', () => {
    const s = new Float64Array(3)
    sunDirectionEci(Date.UTC(2026, 2, 20, 14, 46), s, 0)
    // The Sun's declination changes 0.4°/day near the equinox; 0.01° ≈ 36 min.
    expect(Math.abs(Math.asin(s[2]) / DEG)).toBeLessThan(0.01)
    expect(Math.abs(Math.atan2(s[1], s[0]) / DEG)).toBeLessThan(0.02)
    let best = -1
    let bestMs = 0
    for (let h = 0; h < 366 * 24; h++) {
      const ms = Date.UTC(2026, 0, 1) + h * 3_600_000
      sunDirectionEci(ms, s, 0)
      if (s[2] > best) {
        best = s[2]
        bestMs = ms
      }
    }
    // Obliquity of 2026 is 23.4361°; the June solstice is 21 June 08:24 UTC.
    expect(Math.abs(Math.asin(best) / DEG - 23.4361)).toBeLessThan(0.005)
    expect(Math.abs(bestMs - Date.UTC(2026, 5, 21, 8, 24))).toBeLessThan(SECONDS_PER_DAY * 1000)
  })
})

describe('cylindrical Earth shadow', () => {
  it('shadows a satellite behind the Earth, not on the sunward side or off the shadow axis', () => {
    const r = R_EARTH + 400e3
    expect(inCylindricalShadow(-r, 0, 0, 1, 0, 0)).toBe(true)
    expect(inCylindricalShadow(r, 0, 0, 1, 0, 0)).toBe(false)
    expect(inCylindricalShadow(-r, R_EARTH + 1, 0, 1, 0, 0)).toBe(false)
    expect(inCylindricalShadow(-r, R_EARTH - 1, 0, 1, 0, 0)).toBe(true)
    expect(inCylindricalShadow(-42_164e3, 0, 6000e3, 1, 0, 0)).toBe(true)
    expect(inCylindricalShadow(-42_164e3, 0, 7000e3, 1, 0, 0)).toBe(false)
    // Far behind along the axis (the cylinder does not taper).
    expect(inCylindricalShadow(-1e9, 0, 0, 1, 0, 0)).toBe(true)
    // With a real Sun direction: the anti-solar point is dark, the sub-solar point lit.
    const s = new Float64Array(3)
    sunDirectionEci(Date.UTC(2026, 5, 21), s, 0)
    expect(inCylindricalShadow(-r * s[0], -r * s[1], -r * s[2], s[0], s[1], s[2])).toBe(true)
    expect(inCylindricalShadow(r * s[0], r * s[1], r * s[2], s[0], s[1], s[2])).toBe(false)
  })

  it('eclipses a 400 km orbit in the Sun plane for 2·asin(Rₑ/r)/2π of its period (±2 s)', () => {
    // β = 0 orbit in the xy plane, Sun along +x: the shadow arc is 2·asin(Rₑ/r) → 36.1 min of 92.6.
    const a = R_EARTH + 400e3
    const set = new KeplerSet([{ a, e: 0, i: 0, raan: 0, argp: 0, m0: 0 }])
    const p = new Float64Array(3)
    const v = new Float64Array(3)
    const period = orbitalPeriod(a)
    let dark = 0
    for (let t = 0; t < period; t += 1) {
      set.propagate(t, false, p, v)
      if (inCylindricalShadow(p[0], p[1], p[2], 1, 0, 0)) dark += 1
    }
    const expected = ((2 * Math.asin(R_EARTH / a)) / (2 * Math.PI)) * period
    expect(Math.abs(dark - expected)).toBeLessThan(2)
    expect(expected / 60).toBeGreaterThan(36.05)
    expect(expected / 60).toBeLessThan(36.15)
  })
})

describe('station and target geometry', () => {
  const frame = new Float64Array(12)

  it('sees a satellite straight above at 90° elevation (geodetic up, at 0° and 45° latitude)', () => {
    stationFrame(0, 0, 0, frame, 0)
    expect(elevationRad(frame, 0, R_EARTH + 500e3, 0, 0)).toBeCloseTo(Math.PI / 2, 7)
    expect(sinElevation(frame, 0, R_EARTH + 500e3, 0, 0)).toBeCloseTo(1, 14)
    expect(slantRangeM(frame, 0, R_EARTH + 500e3, 0, 0)).toBeCloseTo(500e3, 6)
    // At 45° N, 30° E, 100 m: the point 500 km up the ellipsoid normal is at the zenith.
    stationFrame(45 * DEG, 30 * DEG, 100, frame, 6)
    const above = new Float64Array(3)
    geodeticToEcef(45 * DEG, 30 * DEG, 500e3, above, 0)
    expect(elevationRad(frame, 6, above[0], above[1], above[2])).toBeCloseTo(Math.PI / 2, 7)
    expect(Math.abs(slantRangeM(frame, 6, above[0], above[1], above[2]) - (500e3 - 100))).toBeLessThan(1e-6)
    // The up vector is a unit vector, and differs from the geocentric direction by ≈ 0.19° at 45°.
    expect(Math.hypot(frame[9], frame[10], frame[11])).toBeCloseTo(1, 14)
    const geocentric = angleBetween(frame.subarray(9, 12), frame.subarray(6, 9)) / DEG
    expect(geocentric).toBeGreaterThan(0.18)
    expect(geocentric).toBeLessThan(0.2)
  })

  it('matches the exact elevation in the equatorial plane and goes negative below the horizon', () => {
    // At the equator the station is at radius a with up = radial, so spherical geometry is exact:
    // tan El = (cos λ − Rₑ/r)/sin λ for central angle λ.
    stationFrame(0, 0, 0, frame, 0)
    const r = R_EARTH + 500e3
    const horizon = Math.acos(R_EARTH / r)
    for (const lam of [5 * DEG, 15 * DEG, horizon - 0.01, horizon + 0.01, 40 * DEG, 120 * DEG]) {
      const x = r * Math.cos(lam)
      const y = r * Math.sin(lam)
      const expected = Math.atan((Math.cos(lam) - R_EARTH / r) / Math.sin(lam))
      expect(Math.abs(elevationRad(frame, 0, x, y, 0) - expected)).toBeLessThan(1e-12)
    }
    expect(
      sinElevation(frame, 0, r * Math.cos(horizon + 0.01), r * Math.sin(horizon + 0.01), 0),
    ).toBeLessThan(0)
    expect(
      sinElevation(frame, 0, r * Math.cos(horizon - 0.01), r * Math.sin(horizon - 0.01), 0),
    ).toBeGreaterThan(0)
    expect(elevationRad(frame, 0, -r, 0, 0)).toBeCloseTo(-Math.PI / 2, 12)
  })

  it('finds a target in the footprint at nadir and not beyond the off-nadir limit or the horizon', () => {
    const r = R_EARTH + 700e3
    const cos30 = Math.cos(30 * DEG)
    // Target on the equator at central angle λ from the sub-satellite point (0°, 0°):
    // off-nadir η = atan2(Rₑ sin λ, r − Rₑ cos λ).
    const target = (lam: number) => [R_EARTH * Math.cos(lam), R_EARTH * Math.sin(lam), 0]
    const offNadir = (lam: number) => Math.atan2(R_EARTH * Math.sin(lam), r - R_EARTH * Math.cos(lam))
    expect(targetInFootprint(r, 0, 0, R_EARTH, 0, 0, cos30)).toBe(true)
    // Bisect λ for η = 29° and 31°.
    const lamFor = (eta: number) => {
      let lo = 0
      let hi = 0.5
      for (let k = 0; k < 60; k++) {
        const mid = (lo + hi) / 2
        if (offNadir(mid) < eta) lo = mid
        else hi = mid
      }
      return lo
    }
    const [x1, y1, z1] = target(lamFor(29 * DEG))
    expect(targetInFootprint(r, 0, 0, x1, y1, z1, cos30)).toBe(true)
    const [x2, y2, z2] = target(lamFor(31 * DEG))
    expect(targetInFootprint(r, 0, 0, x2, y2, z2, cos30)).toBe(false)
    // Straight "down" through the Earth (the antipode) is at 0° off-nadir but below the horizon.
    expect(targetInFootprint(r, 0, 0, -R_EARTH, 0, 0, cos30)).toBe(false)
    // With a 89° limit, a target just beyond the geometric horizon is refused by the horizon test.
    const cos89 = Math.cos(89 * DEG)
    const horizon = Math.acos(R_EARTH / r)
    const [x3, y3, z3] = target(horizon + 1e-3)
    expect(targetInFootprint(r, 0, 0, x3, y3, z3, cos89)).toBe(false)
    const [x4, y4, z4] = target(horizon - 1e-3)
    expect(targetInFootprint(r, 0, 0, x4, y4, z4, cos89)).toBe(true)
  })

  it('uses the ellipsoid normal for the target horizon (a polar target sees a satellite overhead)', () => {
    const t = new Float64Array(3)
    geodeticToEcef(80 * DEG, 10 * DEG, 0, t, 0)
    const s = new Float64Array(3)
    geodeticToEcef(80 * DEG, 10 * DEG, 600e3, s, 0)
    expect(targetInFootprint(s[0], s[1], s[2], t[0], t[1], t[2], Math.cos(1 * DEG))).toBe(true)
    // The normal used is (x, y, z/(1 − e²)): sanity-check e² itself.
    expect(WGS84_E2).toBeCloseTo(6.69437999014e-3, 13)
  })
})
