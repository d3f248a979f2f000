// The scene's pure helpers: footprint size, ray picking, status colours and active-link geometry.

import { Color } from 'three'
import { describe, expect, it } from 'vitest'
import { footprintCentralAngle, horizonCentralAngle } from '../../src/scene/footprint'
import { ecefToEciPoints, stationPositions, writeLinkSegments } from '../../src/scene/links'
import { hexToLinear, STATUS_HEX, statusColour } from '../../src/scene/palette'
import { type PickResult, pickPoint } from '../../src/scene/pick'
import { satelliteSizePx } from '../../src/scene/satellite-sprites'

const D = Math.PI / 180
const RE_KM = 6378.137

describe('footprintCentralAngle', () => {
  it('is zero looking straight down and grows with the off-nadir angle', () => {
    const r = 1 + 550 / RE_KM
    expect(footprintCentralAngle(r, 0)).toBe(0)
    let prev = 0
    for (let eta = 5; eta <= 60; eta += 5) {
      const lam = footprintCentralAngle(r, eta * D)
      expect(lam).toBeGreaterThan(prev)
      prev = lam
    }
  })

  it('matches the textbook value at 550 km and 30° off nadir (≈ 2.90°, ≈ 322 km)', () => {
    // sin ρ = 6378.137 / 6928.137; cos ε = sin 30° / sin ρ; λ = 90° − 30° − ε.
    const lam = footprintCentralAngle(6928.137, 30 * D, RE_KM)
    const eps = Math.acos(Math.sin(30 * D) / (RE_KM / 6928.137))
    expect(lam).toBeCloseTo(Math.PI / 2 - 30 * D - eps, 14)
    expect(lam / D).toBeCloseTo(2.896, 3)
    expect(lam * RE_KM).toBeGreaterThan(318)
    expect(lam * RE_KM).toBeLessThan(330)
  })

  it('is close to the flat-Earth h·tan η for small angles', () => {
    const h = 400
    const lam = footprintCentralAngle(RE_KM + h, 5 * D, RE_KM)
    expect(lam * RE_KM).toBeCloseTo(h * Math.tan(5 * D), 0)
  })

  it('obeys the law of sines in the Earth-centre / satellite / ground-point triangle', () => {
    for (const [hKm, etaDeg] of [
      [550, 30],
      [1200, 45],
      [20200, 10],
      [35786, 8],
    ]) {
      const r = RE_KM + hKm
      const eta = etaDeg * D
      const lam = footprintCentralAngle(r, eta, RE_KM)
      // Angle at the ground point is 180° − η − λ: sin(η)/Rₑ = sin(180° − η − λ)/r.
      expect(Math.sin(eta) / RE_KM).toBeCloseTo(Math.sin(Math.PI - eta - lam) / r, 12)
    }
  })

  it('stops at the horizon when the off-nadir limit is wider than the Earth disc', () => {
    const r = 1 + 550 / RE_KM
    const rho = Math.asin(1 / r)
    expect(footprintCentralAngle(r, 89 * D)).toBeCloseTo(horizonCentralAngle(r), 12)
    expect(footprintCentralAngle(r, rho)).toBeCloseTo(Math.PI / 2 - rho, 12)
    expect(horizonCentralAngle(r)).toBeCloseTo(Math.acos(1 / r), 14)
  })

  it('is zero for a satellite at or below the surface and for bad input', () => {
    expect(footprintCentralAngle(1, 30 * D)).toBe(0)
    expect(footprintCentralAngle(0.5, 30 * D)).toBe(0)
    expect(footprintCentralAngle(Number.NaN, 30 * D)).toBe(0)
    expect(footprintCentralAngle(2, Number.NaN)).toBe(0)
  })
})

describe('pickPoint', () => {
  const out: PickResult = { index: -1, distance: 0 }

  it('picks the point closest to the ray in angle, within the limit', () => {
    // Camera at +x 5, looking towards −x.
    // 0: at x = 0 but 0.5 to the side (~5.7° off); 1: 3 units away, 0.02 off (~0.38°);
    // 2: behind the Earth along the ray.
    const pts = new Float32Array(
      [
        [0, 0.5, 0.02],
        [2, 0.02, 0],
        [-3, 0.06, 0],
      ].flat(),
    )
    expect(pickPoint(pts, 3, 1, 5, 0, 0, -1, 0, 0, Math.tan(1 * D), 1, out)).toBe(true)
    expect(out.index).toBe(1)
    expect(out.distance).toBeCloseTo(3, 5)
    // A tighter limit misses everything.
    expect(pickPoint(pts, 3, 1, 5, 0, 0, -1, 0, 0, Math.tan(0.1 * D), 1, out)).toBe(false)
    expect(out.index).toBe(-1)
  })

  it('does not pick what the Earth hides, but does pick what passes beside it', () => {
    const hidden = new Float32Array([-3, 0, 0])
    expect(pickPoint(hidden, 1, 1, 5, 0, 0, -1, 0, 0, Math.tan(2 * D), 1, out)).toBe(false)
    expect(pickPoint(hidden, 1, 1, 5, 0, 0, -1, 0, 0, Math.tan(2 * D), 0, out)).toBe(true)
    // Just above the limb seen from +x: visible.
    const beside = new Float32Array([0, 1.05, 0])
    const d = [-5, 1.05, 0]
    const len = Math.hypot(d[0], d[1])
    expect(pickPoint(beside, 1, 1, 5, 0, 0, d[0] / len, d[1] / len, 0, 0.01, 1, out)).toBe(true)
  })

  it('sees surface points on the near side only', () => {
    const near = new Float32Array([1, 0, 0])
    const far = new Float32Array([-1, 0, 0])
    expect(pickPoint(near, 1, 1, 5, 0, 0, -1, 0, 0, 0.01, 0.999, out)).toBe(true)
    expect(pickPoint(far, 1, 1, 5, 0, 0, -1, 0, 0, 0.01, 0.999, out)).toBe(false)
  })

  it('scales positions given in km', () => {
    const km = new Float32Array([2 * RE_KM, 0, 0])
    expect(pickPoint(km, 1, 1 / RE_KM, 5, 0, 0, -1, 0, 0, 0.01, 1, out)).toBe(true)
    expect(out.distance).toBeCloseTo(3, 5)
  })

  it('ignores points behind the ray origin', () => {
    const behind = new Float32Array([6, 0, 0])
    expect(pickPoint(behind, 1, 1, 5, 0, 0, -1, 0, 0, 0.5, 1, out)).toBe(false)
  })
})

describe('status colours', () => {
  it('map the five status codes to distinct colours, in linear RGB', () => {
    const rgb = new Float32Array(3)
    const seen = new Set<string>()
    for (let s = 0; s < 5; s++) {
      statusColour(s, false, rgb, 0)
      const c = new Color(STATUS_HEX[s])
      expect(rgb[0]).toBeCloseTo(c.r, 5)
      expect(rgb[1]).toBeCloseTo(c.g, 5)
      expect(rgb[2]).toBeCloseTo(c.b, 5)
      seen.add(Array.from(rgb, (v) => v.toFixed(3)).join())
    }
    expect(seen.size).toBe(5)
  })

  it('show the meaning: failed is red, alert amber, manoeuvring violet, safe dim, nominal cyan', () => {
    const c = (s: number) => {
      const rgb = new Float32Array(3)
      statusColour(s, false, rgb, 0)
      return rgb
    }
    const lum = (v: Float32Array) => 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2]
    const [nominal, alert, failed, manoeuvring, safe] = [0, 1, 2, 3, 4].map(c)
    expect(failed[0]).toBeGreaterThan(3 * failed[1])
    expect(alert[0]).toBeGreaterThan(alert[2] * 4)
    expect(alert[1]).toBeGreaterThan(alert[2] * 2)
    expect(manoeuvring[2]).toBeGreaterThan(manoeuvring[1])
    expect(manoeuvring[0]).toBeGreaterThan(manoeuvring[1])
    expect(nominal[2]).toBeGreaterThan(nominal[0])
    expect(lum(safe)).toBeLessThan(lum(nominal) / 2)
  })

  it('brighten the selected satellite and treat unknown codes as nominal', () => {
    const a = new Float32Array(3)
    const b = new Float32Array(3)
    for (let s = 0; s < 5; s++) {
      statusColour(s, false, a, 0)
      statusColour(s, true, b, 0)
      for (let i = 0; i < 3; i++) expect(b[i]).toBeGreaterThanOrEqual(a[i])
      expect(b[0] + b[1] + b[2]).toBeGreaterThan(a[0] + a[1] + a[2] + 0.3)
    }
    statusColour(0, false, a, 0)
    statusColour(200, false, b, 0)
    expect(Array.from(b)).toEqual(Array.from(a))
  })

  it('converts sRGB hex exactly as three does', () => {
    const out = [0, 0, 0]
    for (const hex of [0x000000, 0xffffff, 0x808080, 0x1d5f98, 0xff7ac3]) {
      hexToLinear(hex, out)
      const c = new Color(hex)
      expect(out[0]).toBeCloseTo(c.r, 6)
      expect(out[1]).toBeCloseTo(c.g, 6)
      expect(out[2]).toBeCloseTo(c.b, 6)
    }
  })
})

describe('active links', () => {
  const stations = [
    { id: 'a', name: 'A', latRad: 0, lonRad: 0, altM: 0, minElevationRad: 0 },
    { id: 'b', name: 'B', latRad: 0, lonRad: 90 * D, altM: 0, minElevationRad: 0 },
  ]

  it('places stations on the drawn globe and turns them with the Earth', () => {
    const ecef = stationPositions(stations, 1)
    expect(Array.from(ecef).map((v) => Math.round(v * 1e6) / 1e6)).toEqual([1, 0, 0, 0, 1, 0])
    const eci = new Float32Array(6)
    ecefToEciPoints(ecef, 2, 90 * D, eci)
    // Greenwich has turned to +y, 90°E to −x.
    expect(eci[0]).toBeCloseTo(0, 6)
    expect(eci[1]).toBeCloseTo(1, 6)
    expect(eci[3]).toBeCloseTo(-1, 6)
    expect(eci[4]).toBeCloseTo(0, 6)
  })

  it('writes one segment per linked satellite and flags the stations in use', () => {
    const pos = new Float32Array([RE_KM * 1.1, 0, 0, 0, RE_KM * 1.2, 0, 0, 0, RE_KM * 1.3])
    const link = new Int16Array([1, -1, 0])
    const eci = new Float32Array([1, 0, 0, 0, 1, 0])
    const out = new Float32Array(6 * 3)
    const active = new Uint8Array(2)
    const n = writeLinkSegments(pos, link, 3, eci, 2, 1 / RE_KM, out, active)
    expect(n).toBe(2)
    expect(Array.from(out.slice(0, 6)).map((v) => Math.round(v * 1e5) / 1e5)).toEqual([1.1, 0, 0, 0, 1, 0])
    expect(Array.from(out.slice(6, 12)).map((v) => Math.round(v * 1e5) / 1e5)).toEqual([0, 0, 1.3, 1, 0, 0])
    expect(Array.from(active)).toEqual([1, 1])
  })

  it('ignores station indices out of range and never overflows the buffer', () => {
    const pos = new Float32Array(9)
    const link = new Int16Array([5, 0, 0])
    const out = new Float32Array(6)
    expect(writeLinkSegments(pos, link, 3, new Float32Array(3), 1, 1, out)).toBe(1)
  })
})

describe('satellite sprites', () => {
  it('shrink on screen as the constellation grows, and never vanish', () => {
    let prev = Number.POSITIVE_INFINITY
    for (const n of [1, 24, 100, 500, 1000, 3000, 10_000, 100_000]) {
      const px = satelliteSizePx(n)
      expect(px).toBeLessThanOrEqual(prev)
      expect(px).toBeGreaterThanOrEqual(2)
      prev = px
    }
  })
})
