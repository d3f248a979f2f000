// The opportunity predictor's geometric pre-filters (footprintHalfAngle, visibilityHalfAngle)
// against textbook spherical-Earth geometry, and the property that makes them safe: the exact,
// ellipsoidal tests (targetInFootprint, sinElevation) never accept a point the filter rejects.
//
// Expected values come from the angle chain of Wertz & Larson, Space Mission Analysis and Design
// (3rd ed., §5.2, eqs. 5-16 … 5-19), not from the code's formulas: with angular Earth radius ρ,
// sin ρ = R/r; a ground point seen at elevation ε is seen at nadir angle η with sin η = cos ε·sin ρ
// (equivalently cos ε = sin η / sin ρ), and its Earth central angle is λ = 90° − η − ε. A nadir
// angle beyond ρ looks past the horizon, whose central angle is λ₀ = 90° − ρ. The code takes R as
// the polar radius WGS84_B (the smallest radius of the ellipsoid, so the largest angles).

import { describe, expect, it } from 'vitest'
import { DEG } from '../../src/core'
import { geodeticToEcef, WGS84_B } from '../../src/core/frames'
import { sinElevation, stationFrame, targetInFootprint } from '../../src/core/geometry'
import { createRng } from '../../src/core/rng'
import { footprintHalfAngle, visibilityHalfAngle } from '../../src/planners/allocation/opportunities'

/** SMAD: central angle to the point seen at nadir angle η from radius r, or the horizon's. */
function smadFootprint(r: number, eta: number): number {
  const rho = Math.asin(WGS84_B / r)
  if (eta >= rho) return Math.PI / 2 - rho
  const eps = Math.acos(Math.sin(eta) / Math.sin(rho))
  return Math.PI / 2 - eta - eps
}

/** SMAD: central angle of the ground point that sees radius r at elevation ε. */
function smadVisibility(r: number, eps: number): number {
  const eta = Math.asin(Math.cos(eps) * (WGS84_B / r))
  return Math.PI / 2 - eta - eps
}

describe('footprintHalfAngle', () => {
  it('is zero looking straight down', () => {
    expect(footprintHalfAngle(WGS84_B + 550e3, 0)).toBeCloseTo(0, 12)
  })

  it('matches a hand value: from r = 2R the horizon is 60° away, and η = asin ¼ reaches 30° − η', () => {
    // sin ρ = ½ ⇒ ρ = 30°, λ₀ = 60°. For sin η = ¼: cos ε = ¼ / ½ ⇒ ε = 60°, λ = 90° − η − 60°.
    const eta = Math.asin(0.25)
    expect(footprintHalfAngle(2 * WGS84_B, eta)).toBeCloseTo(30 * DEG - eta, 12)
    expect(footprintHalfAngle(2 * WGS84_B, 45 * DEG)).toBeCloseTo(60 * DEG, 12)
    expect(footprintHalfAngle(2 * WGS84_B, 89 * DEG)).toBeCloseTo(60 * DEG, 12)
  })

  it.each([
    [400e3, 10],
    [550e3, 30],
    [700e3, 45],
    [1200e3, 55],
    [20_000e3, 5],
    [35_786e3, 8],
  ])('agrees with the SMAD angle chain at %d m altitude, %d° off nadir', (altM, etaDeg) => {
    const r = WGS84_B + altM
    expect(footprintHalfAngle(r, etaDeg * DEG)).toBeCloseTo(smadFootprint(r, etaDeg * DEG), 10)
  })

  it('is the horizon angle once the cone misses the Earth, and is continuous at the horizon', () => {
    for (const altM of [550e3, 2000e3, 35_786e3]) {
      const r = WGS84_B + altM
      const rho = Math.asin(WGS84_B / r)
      const horizon = Math.PI / 2 - rho
      expect(footprintHalfAngle(r, rho + 1 * DEG)).toBeCloseTo(horizon, 12)
      expect(footprintHalfAngle(r, 80 * DEG)).toBeCloseTo(horizon, 12)
      // Just inside the cone the edge is just short of the horizon.
      // (λ = asin x − η has an infinite slope at x = 1, so "just" means 1e-8 rad here.)
      const inside = footprintHalfAngle(r, rho - 1e-8)
      expect(inside).toBeLessThan(horizon)
      expect(inside).toBeGreaterThan(horizon - 1e-3)
    }
  })

  it('grows with the off-nadir angle and with altitude', () => {
    const r = WGS84_B + 550e3
    expect(footprintHalfAngle(r, 20 * DEG)).toBeGreaterThan(footprintHalfAngle(r, 10 * DEG))
    expect(footprintHalfAngle(r + 200e3, 20 * DEG)).toBeGreaterThan(footprintHalfAngle(r, 20 * DEG))
  })

  it('never rejects a ground point the exact ellipsoidal footprint test accepts', () => {
    // Random satellites (radius, direction, off-nadir limit) and ground points on the ellipsoid at
    // a geocentric central angle just beyond the filter's: none of them may be imageable.
    const rng = createRng(41)
    const sat = new Float64Array(3)
    const tgt = new Float64Array(3)
    let near = 0
    for (let n = 0; n < 4000; n++) {
      const r = WGS84_B + 300e3 + rng.next() * 1500e3
      const eta = (5 + rng.next() * 60) * DEG
      const lat = (rng.next() * 180 - 90) * DEG
      const lon = (rng.next() * 360 - 180) * DEG
      sat[0] = r * Math.cos(lat) * Math.cos(lon)
      sat[1] = r * Math.cos(lat) * Math.sin(lon)
      sat[2] = r * Math.sin(lat)
      const lambda = footprintHalfAngle(r, eta)
      // A ground point at geocentric central angle lambda·(1 + δ), in a random direction.
      const angle = lambda * (1 + 0.002 + rng.next() * 0.05)
      const az = rng.next() * 2 * Math.PI
      const tLat = Math.asin(Math.sin(lat) * Math.cos(angle) + Math.cos(lat) * Math.sin(angle) * Math.cos(az))
      const tLon =
        lon +
        Math.atan2(
          Math.sin(az) * Math.sin(angle) * Math.cos(lat),
          Math.cos(angle) - Math.sin(lat) * Math.sin(tLat),
        )
      // geodeticToEcef takes geodetic latitude; convert from the geocentric one on the ellipsoid.
      const geodetic = Math.atan(Math.tan(tLat) / (WGS84_B / 6378137) ** 2)
      geodeticToEcef(geodetic, tLon, 0, tgt, 0)
      expect(targetInFootprint(sat[0], sat[1], sat[2], tgt[0], tgt[1], tgt[2], Math.cos(eta))).toBe(false)
      // The filter is also tight: the same direction at 0.97 λ on the polar-radius sphere is seen.
      const inner = lambda * 0.97
      const cLat = Math.asin(Math.sin(lat) * Math.cos(inner) + Math.cos(lat) * Math.sin(inner) * Math.cos(az))
      const cLon =
        lon +
        Math.atan2(
          Math.sin(az) * Math.sin(inner) * Math.cos(lat),
          Math.cos(inner) - Math.sin(lat) * Math.sin(cLat),
        )
      const b = [
        WGS84_B * Math.cos(cLat) * Math.cos(cLon),
        WGS84_B * Math.cos(cLat) * Math.sin(cLon),
        WGS84_B * Math.sin(cLat),
      ]
      // On the sphere of radius B the line of sight to that point is inside the cone.
      const dx = b[0] - sat[0]
      const dy = b[1] - sat[1]
      const dz = b[2] - sat[2]
      const cosOff = -(dx * sat[0] + dy * sat[1] + dz * sat[2]) / (r * Math.hypot(dx, dy, dz))
      if (cosOff >= Math.cos(eta)) near++
    }
    expect(near).toBe(4000)
  })
})

describe('visibilityHalfAngle', () => {
  it('adds one degree of margin to the SMAD angle', () => {
    // r = 2R, ε = 0: the horizon, 60°; ε = 30°: sin η = cos 30°·½, λ = 90° − η − 30°.
    expect(visibilityHalfAngle(2 * WGS84_B, 0)).toBeCloseTo(61 * DEG, 12)
    const eta = Math.asin(Math.cos(30 * DEG) / 2)
    expect(visibilityHalfAngle(2 * WGS84_B, 30 * DEG)).toBeCloseTo(90 * DEG - eta - 30 * DEG + DEG, 12)
  })

  it.each([
    [550e3, 5],
    [550e3, 10],
    [800e3, 0],
    [1200e3, 20],
    [35_786e3, 5],
  ])('agrees with SMAD plus 1° at %d m altitude, %d° mask', (altM, epsDeg) => {
    const r = WGS84_B + altM
    expect(visibilityHalfAngle(r, epsDeg * DEG)).toBeCloseTo(smadVisibility(r, epsDeg * DEG) + DEG, 10)
  })

  it('is the bare margin when the satellite cannot clear the mask anywhere', () => {
    // Below the polar radius: cos ε·R/r ≥ 1, no ground point sees it.
    expect(visibilityHalfAngle(0.5 * WGS84_B, 0)).toBeCloseTo(DEG, 12)
    expect(visibilityHalfAngle(WGS84_B, 0)).toBeCloseTo(DEG, 12)
    // Below R but with a steep mask acos(cos ε·R/r) − ε < 0: clamped to 0 before the margin.
    // r = 0.9 R, ε = 60°: acos(0.5/0.9) = 56.25° < 60°.
    expect(visibilityHalfAngle(0.9 * WGS84_B, 60 * DEG)).toBeCloseTo(DEG, 12)
  })

  it('never exceeds π', () => {
    // A mask of −90° (every direction counts) would give 180° + 1°: clamped to the antipode.
    expect(visibilityHalfAngle(2 * WGS84_B, -90 * DEG)).toBe(Math.PI)
    // Just under the clamp the margin still shows: ε = −88° from very far away (η → 0) gives
    // λ → 90° + 88°, plus 1°.
    expect(visibilityHalfAngle(1e12, -88 * DEG)).toBeCloseTo(179 * DEG, 5)
  })

  it('never excludes a satellite the exact (geodetic) elevation test accepts', () => {
    // Random stations (up to 3 km high, masks 0–30°) and satellites just beyond the filter's
    // central angle of the station's sub-point: none of them may clear the mask.
    const rng = createRng(43)
    const frame = new Float64Array(6)
    for (let n = 0; n < 4000; n++) {
      const lat = (rng.next() * 180 - 90) * DEG
      const lon = (rng.next() * 360 - 180) * DEG
      const mask = rng.next() * 30 * DEG
      stationFrame(lat, lon, rng.next() * 3000, frame, 0)
      const r = WGS84_B + 300e3 + rng.next() * 1500e3
      const lambda = visibilityHalfAngle(r, mask)
      // The station's geocentric direction, and a point at central angle just beyond λ from it.
      const sLat = Math.atan2(frame[2], Math.hypot(frame[0], frame[1]))
      const angle = lambda + 1e-4 + rng.next() * 0.05
      const az = rng.next() * 2 * Math.PI
      const pLat = Math.asin(
        Math.sin(sLat) * Math.cos(angle) + Math.cos(sLat) * Math.sin(angle) * Math.cos(az),
      )
      const pLon =
        lon +
        Math.atan2(
          Math.sin(az) * Math.sin(angle) * Math.cos(sLat),
          Math.cos(angle) - Math.sin(sLat) * Math.sin(pLat),
        )
      const x = r * Math.cos(pLat) * Math.cos(pLon)
      const y = r * Math.cos(pLat) * Math.sin(pLon)
      const z = r * Math.sin(pLat)
      expect(sinElevation(frame, 0, x, y, z)).toBeLessThan(Math.sin(mask))
    }
  })
})
