import { describe, expect, it } from 'vitest'
import { DEG, MU_EARTH, R_EARTH } from '../../src/core/constants'
import {
  biElliptic,
  circularSpeed,
  hohmann,
  type PhasingManoeuvre,
  phasing,
  planeChangeDv,
  type TransferResult,
} from '../../src/planners/trajectory/transfers'

const KM = 1000
const HOUR = 3600

function ok<T>(r: TransferResult<T>): T {
  if (!r.ok) throw new Error(`expected a valid transfer, got: ${r.reason}`)
  return r
}

describe('constants used by the published examples', () => {
  it('are μ = 398600.4418 km³/s² and Rₑ = 6378.137 km', () => {
    expect(MU_EARTH).toBe(398600.4418 * KM ** 3)
    expect(R_EARTH).toBe(6378.137 * KM)
  })
})

describe('hohmann', () => {
  it('LEO 6,678 km → GEO 42,164 km costs 3.8926 km/s and takes 5.275 h', () => {
    const h = ok(hohmann(6678 * KM, 42164 * KM))
    expect(Math.abs(h.dvTotal / KM - 3.8926)).toBeLessThan(0.0005)
    expect(Math.abs(h.tof / HOUR - 5.275)).toBeLessThan(0.001)
    expect(h.aTransfer).toBe(((6678 + 42164) / 2) * KM)
    expect(h.dv1).toBeGreaterThan(0)
    expect(h.dv2).toBeGreaterThan(0)
    expect(h.dvTotal).toBeCloseTo(h.dv1 + h.dv2, 9)
  })

  it('Vallado Example 6-1: 191.34411 km → 376,310 km altitude costs 3.9662 km/s', () => {
    const h = ok(hohmann(R_EARTH + 191.34411 * KM, R_EARTH + 376310 * KM))
    expect(Math.abs(h.dvTotal / KM - 3.9662)).toBeLessThan(5e-4)
  })

  it('lowering mirrors raising with retrograde (negative) burns', () => {
    const up = ok(hohmann(7000 * KM, 9000 * KM))
    const down = ok(hohmann(9000 * KM, 7000 * KM))
    expect(down.dv1).toBeCloseTo(-up.dv2, 9)
    expect(down.dv2).toBeCloseTo(-up.dv1, 9)
    expect(down.dvTotal).toBeCloseTo(up.dvTotal, 9)
    expect(down.tof).toBeCloseTo(up.tof, 9)
  })

  it('costs nothing between equal orbits', () => {
    const h = ok(hohmann(7000 * KM, 7000 * KM))
    expect(h.dvTotal).toBeCloseTo(0, 9)
    expect(h.tof).toBeCloseTo(Math.PI * Math.sqrt((7000 * KM) ** 3 / MU_EARTH), 6)
  })

  it('uses the given μ', () => {
    // Scaling μ by s scales every speed by √s and every time by 1/√s.
    const a = ok(hohmann(7000 * KM, 9000 * KM))
    const b = ok(hohmann(7000 * KM, 9000 * KM, 4 * MU_EARTH))
    expect(b.dvTotal).toBeCloseTo(2 * a.dvTotal, 6)
    expect(b.tof).toBeCloseTo(a.tof / 2, 6)
  })

  it('reports invalid input instead of throwing', () => {
    for (const [r1, r2, mu] of [
      [0, 7000 * KM, MU_EARTH],
      [-1, 7000 * KM, MU_EARTH],
      [Number.NaN, 7000 * KM, MU_EARTH],
      [7000 * KM, Number.POSITIVE_INFINITY, MU_EARTH],
      [7000 * KM, 8000 * KM, 0],
    ]) {
      const r = hohmann(r1, r2, mu)
      expect(r.ok).toBe(false)
      if (!r.ok) expect(r.reason.length).toBeGreaterThan(0)
    }
  })
})

describe('biElliptic', () => {
  const r1 = R_EARTH + 191.34411 * KM
  const rb = R_EARTH + 503873 * KM
  const r2 = R_EARTH + 376310 * KM

  it('Vallado Examples 6-2/6-3: costs 3.904057 km/s over 593.92 h, beating Hohmann', () => {
    const b = ok(biElliptic(r1, rb, r2))
    expect(Math.abs(b.dvTotal / KM - 3.904057)).toBeLessThan(1e-4)
    expect(Math.abs(b.tof / HOUR - 593.92)).toBeLessThan(0.05)
    expect(b.dv1).toBeGreaterThan(0)
    expect(b.dv2).toBeGreaterThan(0)
    expect(b.dv3).toBeLessThan(0) // rb > r2: the last burn is retrograde
    const h = ok(hohmann(r1, r2))
    expect(b.dvTotal).toBeLessThan(h.dvTotal)
    expect(b.tof).toBeGreaterThan(h.tof)
  })

  it('reduces to Hohmann when the intermediate apsis is the target radius', () => {
    const b = ok(biElliptic(7000 * KM, 20000 * KM, 20000 * KM))
    const h = ok(hohmann(7000 * KM, 20000 * KM))
    expect(b.dv1).toBeCloseTo(h.dv1, 9)
    expect(b.dv2).toBeCloseTo(h.dv2, 9)
    expect(b.dv3).toBeCloseTo(0, 9)
    expect(b.tof).toBeCloseTo(h.tof + Math.PI * Math.sqrt((20000 * KM) ** 3 / MU_EARTH), 6)
  })

  it('reports invalid input instead of throwing', () => {
    expect(biElliptic(r1, -rb, r2).ok).toBe(false)
    expect(biElliptic(r1, rb, Number.NaN).ok).toBe(false)
    expect(biElliptic(r1, rb, r2, -1).ok).toBe(false)
  })
})

describe('phasing', () => {
  const a = R_EARTH + 500 * KM
  const T = 2 * Math.PI * Math.sqrt(a ** 3 / MU_EARTH)
  const n = (2 * Math.PI) / T

  it('k revolutions of the phasing orbit last k·T minus the phase time, exactly', () => {
    for (const theta of [30 * DEG, 5 * DEG, -30 * DEG, -90 * DEG]) {
      for (const k of [1, 2, 3, 7]) {
        const r = phasing(a, theta, k)
        if (!r.ok) continue // a large catch-up in few revolutions may dip too low (tested below)
        expect(r.tof).toBeCloseTo(k * r.periodPhasing, 9)
        // Catching up (θ > 0) arrives θ/n early; falling back (θ < 0) arrives |θ|/n late.
        expect(Math.abs(k * r.periodPhasing - (k * T - theta / n))).toBeLessThan(1e-9 * k * T)
        // The period is the Keplerian period of the returned semi-major axis.
        const keplerPeriod = 2 * Math.PI * Math.sqrt(r.aPhasing ** 3 / MU_EARTH)
        expect(Math.abs(keplerPeriod - r.periodPhasing)).toBeLessThan(1e-9 * T)
        // The first burn puts the satellite on an orbit of that semi-major axis (vis-viva).
        const v = circularSpeed(a) + r.dv1
        const aAfterBurn = 1 / (2 / a - (v * v) / MU_EARTH)
        expect(Math.abs(aAfterBurn - r.aPhasing)).toBeLessThan(1e-6 * a)
      }
    }
  })

  it('uses a smaller, faster orbit to move ahead and a larger, slower one to fall back', () => {
    const ahead = ok(phasing(a, 20 * DEG, 3))
    expect(ahead.aPhasing).toBeLessThan(a)
    expect(ahead.dv1).toBeLessThan(0)
    expect(ahead.dv2).toBeGreaterThan(0)
    expect(ahead.tof).toBeLessThan(3 * T)
    const behind = ok(phasing(a, -20 * DEG, 3))
    expect(behind.aPhasing).toBeGreaterThan(a)
    expect(behind.dv1).toBeGreaterThan(0)
    expect(behind.dv2).toBeLessThan(0)
    expect(behind.tof).toBeGreaterThan(3 * T)
  })

  it('trades Δv for time: more revolutions cost less and take longer', () => {
    for (const theta of [30 * DEG, -45 * DEG]) {
      let prev: PhasingManoeuvre | null = null
      for (let k = 2; k <= 12; k++) {
        const r = ok(phasing(a, theta, k))
        expect(r.dv2).toBe(-r.dv1)
        expect(r.dvTotal).toBeCloseTo(2 * Math.abs(r.dv1), 12)
        if (prev) {
          expect(r.dvTotal).toBeLessThan(prev.dvTotal)
          expect(r.tof).toBeGreaterThan(prev.tof)
        }
        prev = r
      }
    }
  })

  it('is the identity for a zero phase angle', () => {
    const r = ok(phasing(a, 0, 4))
    expect(r.aPhasing).toBe(a)
    expect(r.dv1).toBe(0)
    expect(r.dv2).toBe(0)
    expect(r.dvTotal).toBe(0)
    expect(r.tof).toBeCloseTo(4 * T, 6)
  })

  it('refuses a phasing orbit whose perigee dips below Rₑ + 100 km', () => {
    // 30° ahead in one revolution from 500 km needs a perigee near 6103 km radius (below ground).
    const r = phasing(a, 30 * DEG, 1)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.reason).toMatch(/perigee/)
    // The same gain spread over more revolutions is fine.
    expect(phasing(a, 30 * DEG, 4).ok).toBe(true)
    // Falling back raises the orbit: the perigee is the circular radius itself.
    expect(phasing(a, -30 * DEG, 1).ok).toBe(true)
    // A circular orbit already below the limit cannot phase at all.
    expect(phasing(R_EARTH + 80 * KM, -1 * DEG, 1).ok).toBe(false)
    // The limit is configurable (e.g. for another body).
    expect(phasing(a, 30 * DEG, 1, MU_EARTH, 5000 * KM).ok).toBe(true)
  })

  it('refuses impossible or invalid requests without throwing', () => {
    const bad: [number, number, number][] = [
      [a, 2 * Math.PI, 1], // would need a zero period
      [a, 5 * Math.PI, 2], // more than 2π·k ahead
      [a, 10 * DEG, 0],
      [a, 10 * DEG, 1.5],
      [a, Number.NaN, 2],
      [-a, 10 * DEG, 2],
    ]
    for (const [aa, theta, k] of bad) {
      const r = phasing(aa, theta, k)
      expect(r.ok).toBe(false)
      if (!r.ok) expect(typeof r.reason).toBe('string')
    }
  })
})

describe('circularSpeed and planeChangeDv', () => {
  it('circular speed at 6,678 km is 7.7258 km/s', () => {
    expect(Math.abs(circularSpeed(6678 * KM) / KM - 7.7258)).toBeLessThan(5e-5)
    expect(circularSpeed(1, 4)).toBe(2)
    expect(circularSpeed(0)).toBeNaN()
    expect(circularSpeed(-1)).toBeNaN()
  })

  it('plane change is 2·v·sin(Δi/2)', () => {
    const v = 7500
    expect(planeChangeDv(v, 60 * DEG)).toBeCloseTo(v, 9) // equilateral triangle
    expect(planeChangeDv(v, 180 * DEG)).toBeCloseTo(2 * v, 9) // reverse the velocity
    expect(planeChangeDv(v, 0)).toBe(0)
    expect(planeChangeDv(v, -10 * DEG)).toBeCloseTo(planeChangeDv(v, 10 * DEG), 12)
    expect(planeChangeDv(-1, DEG)).toBeNaN()
    expect(planeChangeDv(v, Number.NaN)).toBeNaN()
  })
})

describe('a refused transfer names what is wrong', () => {
  const a = R_EARTH + 500 * KM
  const reason = <T>(r: TransferResult<T>): string => {
    if (r.ok) throw new Error('expected the request to be refused')
    return r.reason
  }

  it('names a bad μ, radius, angle, revolution count or perigee limit, with its value', () => {
    expect(reason(phasing(a, 10 * DEG, 2, 0))).toBe(
      'gravitational parameter must be a positive finite number, got 0',
    )
    expect(reason(phasing(-a, 10 * DEG, 2))).toBe(`orbit radius must be a positive finite number, got ${-a}`)
    expect(reason(phasing(a, Number.NaN, 2))).toBe('phase angle must be a finite number of radians, got NaN')
    expect(reason(phasing(a, 10 * DEG, 0))).toBe('revolutions must be a whole number ≥ 1, got 0')
    expect(reason(phasing(a, 10 * DEG, -1))).toBe('revolutions must be a whole number ≥ 1, got -1')
    expect(reason(phasing(a, 10 * DEG, 2, MU_EARTH, Number.NaN))).toBe(
      'minimum perigee radius must be finite, got NaN',
    )
    expect(reason(biElliptic(7000 * KM, -1, 9000 * KM))).toBe(
      'orbit radii must be positive finite numbers, got r1=7000000, rb=-1, r2=9000000',
    )
  })

  it('a whole turn ahead per revolution would need a period of exactly zero: refused, in degrees', () => {
    // 1 − θ/(2π·k) is exactly 0 for θ = 2π, k = 1.
    expect(1 - (2 * Math.PI) / (2 * Math.PI * 1)).toBe(0)
    expect(reason(phasing(a, 2 * Math.PI, 1))).toBe(
      'a phase gain of 360.0° in 1 revolution(s) would need a phasing period of zero or less; use more revolutions',
    )
    expect(reason(phasing(a, 5 * Math.PI, 2))).toMatch(/^a phase gain of 900\.0° in 2 revolution\(s\) /)
  })

  it('a perigee below the limit is refused with both radii in km', () => {
    // T_ph = T·(1 − θ/2π) and a ∝ T^(2/3): 30° ahead in one revolution from 500 km.
    const aPh = a * (1 - 30 / 360) ** (2 / 3)
    const perigeeKm = ((2 * aPh - a) / KM).toFixed(1)
    expect(Number(perigeeKm)).toBeCloseTo(6103, -1)
    expect(reason(phasing(a, 30 * DEG, 1))).toBe(
      `phasing orbit perigee radius ${perigeeKm} km is below the minimum 6478.1 km; ` +
        'use more revolutions or a smaller phase angle',
    )
  })

  it('a perigee exactly at the limit is allowed', () => {
    // Falling back raises the orbit, so its perigee is the circular radius itself.
    expect(ok(phasing(a, -30 * DEG, 1, MU_EARTH, a)).aPhasing).toBeGreaterThan(a)
  })

  it('a zero phase angle keeps the orbit exactly where a round trip through the period would not', () => {
    const r = 7100 * KM
    const period = 2 * Math.PI * Math.sqrt(r ** 3 / MU_EARTH)
    expect(Math.cbrt(MU_EARTH * (period / (2 * Math.PI)) ** 2)).not.toBe(r)
    expect(ok(phasing(r, 0, 2)).aPhasing).toBe(r)
  })

  it('turning a satellite at rest costs nothing', () => {
    expect(planeChangeDv(0, 30 * DEG)).toBe(0)
  })
})
