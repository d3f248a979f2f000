// Edges of the ground and Sun geometry (src/core/geometry.ts, eclipse.ts, sun.ts) that the
// published-value tests do not reach: a satellite a tenth of a degree either side of a target's
// horizon along the meridian, where the ellipsoid normal and the geocentric direction differ by
// 0.19°; the shadow cylinder for a Sun off every axis; the Earth–Sun distance over a whole year.

import { describe, expect, it } from 'vitest'
import { AU, DEG, R_EARTH } from '../../src/core/constants'
import { inCylindricalShadow } from '../../src/core/eclipse'
import { geodeticToEcef } from '../../src/core/frames'
import { targetInFootprint } from '../../src/core/geometry'
import { sunDistanceM } from '../../src/core/sun'

describe('the target horizon along the meridian', () => {
  // A target on the surface at 45° N, 0° E; its local north and up (the ellipsoid normal).
  const lat = 45 * DEG
  const tgt = new Float64Array(3)
  geodeticToEcef(lat, 0, 0, tgt, 0)
  const north = [-Math.sin(lat), 0, Math.cos(lat)]
  const up = [Math.cos(lat), 0, Math.sin(lat)]
  /** Whether a satellite 2000 km away toward azimuth ±north at elevation `elevDeg` counts. */
  const seen = (toward: 1 | -1, elevDeg: number) => {
    const e = elevDeg * DEG
    const s = [0, 1, 2].map((j) => tgt[j] + 2000e3 * (toward * Math.cos(e) * north[j] + Math.sin(e) * up[j]))
    // cos 90°: no off-nadir limit, only the horizon decides.
    return targetInFootprint(s[0], s[1], s[2], tgt[0], tgt[1], tgt[2], 0)
  }

  it.each([
    [1, 'north'],
    [-1, 'south'],
  ] as const)(
    'sees a satellite 0.1° above the horizon (toward %d: %s) and not one 0.1° below',
    (toward, _name) => {
      // The geocentric vertical leans 0.19° toward the equator at 45°: a horizon taken from it (or
      // from a wrongly flattened normal) would swap one of these answers.
      expect(seen(toward, 0.1)).toBe(true)
      expect(seen(toward, -0.1)).toBe(false)
    },
  )
})

describe('the shadow cylinder with the Sun off every axis', () => {
  // A unit Sun direction with no zero component (0.48² + 0.6² + 0.64² = 1), and a direction
  // across it (0.48·0.8 − 0.6·0.64 = 0), made unit.
  const sun = [0.48, 0.6, 0.64]
  const across = [0.8, -0.64, 0].map((x) => x / Math.hypot(0.8, 0.64))
  it.each([
    // 7000 km behind the Earth, offset across the axis by a radius less or more 1 km.
    [R_EARTH - 1e3, true],
    [R_EARTH + 1e3, false],
    [0, true],
  ])('behind the Earth %d m from the axis: in shadow %s', (offset, shadowed) => {
    const p = [0, 1, 2].map((j) => -7000e3 * sun[j] + offset * across[j])
    expect(inCylindricalShadow(p[0], p[1], p[2], sun[0], sun[1], sun[2])).toBe(shadowed)
    // The same point on the sunward side is lit.
    const q = [0, 1, 2].map((j) => 7000e3 * sun[j] + offset * across[j])
    expect(inCylindricalShadow(q[0], q[1], q[2], sun[0], sun[1], sun[2])).toBe(false)
  })
})

describe('the Earth–Sun distance', () => {
  it('stays between perihelion and aphelion and changes smoothly, day by day for a year', () => {
    // R = 1.00014 − 0.01671·cos g − 0.00014·cos 2g AU: 0.98329 AU at g = 0, 1.01671 AU at g = 180°.
    // Its rate is at most 0.01671·(0.9856°/day in rad) + a little ≈ 2.9e-4 AU a day.
    const day = 86_400_000
    const start = Date.UTC(2026, 0, 1)
    let prev = sunDistanceM(start) / AU
    let least = prev
    let most = prev
    for (let k = 1; k <= 366; k++) {
      const r = sunDistanceM(start + k * day) / AU
      expect(Math.abs(r - prev)).toBeLessThan(3e-4)
      least = Math.min(least, r)
      most = Math.max(most, r)
      prev = r
    }
    expect(least).toBeGreaterThan(0.98329 - 1e-6)
    expect(most).toBeLessThan(1.01671 + 1e-6)
    // Perihelion early January, aphelion early July: both reached within a day's motion.
    expect(least).toBeLessThan(0.98329 + 1e-5)
    expect(most).toBeGreaterThan(1.01671 - 1e-5)
  })
})
