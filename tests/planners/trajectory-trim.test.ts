// The plane trim that ends a slot recovery (planners/trajectory/trim.ts), on made-up arrivals:
// a spare that reaches the slot's circular 7000 km orbit at T0 in a plane whose node is turned
// by a chosen angle from the slot's. Both planes are 53° with no J2, so where they cross is
// known from the orbit formula alone (below, written out here), and so is the textbook cost of
// turning one plane into the other there, 2·v·sin(θ/2).

import { describe, expect, it } from 'vitest'
import { DEG, MU_EARTH } from '../../src/core'
import type { PlannedBurn } from '../../src/planners/trajectory/legs'
import { planeAngle, rtnMagnitude, stateAt, type Vec3 } from '../../src/planners/trajectory/orbit-model'
import { TRIM_ABOVE_M, withPlaneTrim } from '../../src/planners/trajectory/trim'
import type { Sequence } from '../../src/planners/trajectory/windows'
import { coplanarInput } from './design-input'

const A = 7000e3
const INC = 53 * DEG
const STEP_S = 10
const T0 = 3600
const input = coplanarInput({ spareA: 6800e3, targetA: A, stepS: STEP_S })
const meanMotion = Math.sqrt(MU_EARTH / A ** 3)
const periodS = (2 * Math.PI) / meanMotion
const speed = Math.sqrt(MU_EARTH / A)

/** Unit normal of a 53° plane with node `raan` (r × v of a prograde circular orbit). */
const normalOf = (raan: number): Vec3 => [
  Math.sin(INC) * Math.sin(raan),
  -Math.sin(INC) * Math.cos(raan),
  Math.cos(INC),
]
/** Position on the 53° circle with node `raan` at argument of latitude u. */
function positionOn(raan: number, u: number): Vec3 {
  const [cO, sO, cu, su, ci] = [Math.cos(raan), Math.sin(raan), Math.cos(u), Math.sin(u), Math.cos(INC)]
  return [A * (cO * cu - sO * su * ci), A * (sO * cu + cO * su * ci), A * su * Math.sin(INC)]
}
const dot = (a: Vec3, b: Vec3) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2]

/**
 * Where the spare's circle (node `raan`) crosses the slot's plane (node 0): the u at which its
 * position has no component along the slot's normal, r(u)·h = cos u·(P·h) + sin u·(Q·h) = 0.
 * The other crossing is half a turn on.
 */
function crossingU(raan: number): number {
  const h = normalOf(0)
  const p = positionOn(raan, 0)
  const q = positionOn(raan, Math.PI / 2)
  return Math.atan2(-dot(p, h), dot(q, h))
}

const arrivalBurn: PlannedBurn = { t: T0, dv: { r: 0, t: 12, n: 0 }, what: 'arrive' }

/** An arrival at T0 on the slot's radius, plane node at `raanDeg`, at argument of latitude u. */
function arrivingAt(raanDeg: number, u: number): Sequence {
  return {
    burns: [arrivalBurn],
    endT: T0,
    endOrbit: { el: { a: A, e: 0, i: INC, raan: raanDeg * DEG, argp: 0, m0: u }, t0: T0, j2: false },
  }
}

/** Seconds from T0 until the spare at u0 next reaches a crossing (either one) after `fromS`. */
function nextCrossingS(raan: number, u0: number, fromS: number): number {
  const uc = crossingU(raan)
  const ahead = (((uc - u0 - meanMotion * fromS) % Math.PI) + Math.PI) % Math.PI
  return fromS + ahead / meanMotion
}

function trimOf(seq: Sequence): PlannedBurn {
  const out = withPlaneTrim(input, seq)
  expect(out.burns).toHaveLength(2)
  expect(out.burns[0]).toBe(arrivalBurn)
  const trim = out.burns[1]
  expect(out.endT).toBe(trim.t)
  // What remains after the trim: the planes within a few hundred metres of swing, from the
  // grid — the burn is up to half a 10 s step (38 km of track) from the crossing, where the
  // planes are 38 km · sin θ apart.
  expect(planeAngle(out.endOrbit, input.targetOrbit, trim.t) * A).toBeLessThan(1000)
  return trim
}

describe('withPlaneTrim', () => {
  it('leaves an arrival alone when its swing is at most 20 km, and trims one above', () => {
    // Nodes 0.15° apart at 53°: planes 0.12° apart, a swing of 14.6 km; 0.25° gives 24.4 km.
    const small = arrivingAt(0.15, 1)
    expect(planeAngle(small.endOrbit, input.targetOrbit, T0) * A).toBeLessThan(TRIM_ABOVE_M)
    expect(withPlaneTrim(input, small)).toBe(small)
    const big = arrivingAt(0.25, 1)
    expect(planeAngle(big.endOrbit, input.targetOrbit, T0) * A).toBeGreaterThan(TRIM_ABOVE_M)
    expect(withPlaneTrim(input, big).burns).toHaveLength(2)
  })

  it.each([
    ['a quarter turn before a crossing', -Math.PI / 2],
    ['a quarter turn past a crossing (so before the other)', Math.PI / 2],
    ['a tenth of a turn before a crossing', -0.2 * Math.PI],
    ['just past a crossing', 0.01],
  ])('trims at the grid time nearest the next crossing, starting %s', (_, offset) => {
    const raan = 1 * DEG
    const u0 = crossingU(raan) + offset
    const trim = trimOf(arrivingAt(1, u0))
    const crossS = nextCrossingS(raan, u0, 0)
    expect(trim.t % STEP_S).toBe(0)
    expect(Math.abs(trim.t - T0 - crossS)).toBeLessThanOrEqual(STEP_S / 2)
    // There the spare lies in the slot's plane, to the half step's motion across it.
    const r = stateAt(arrivingAt(1, u0).endOrbit, trim.t).r
    expect(Math.abs(dot(r, normalOf(0)))).toBeLessThan(((speed * STEP_S) / 2) * Math.sin(DEG))
  })

  it.each([
    ['one', 0],
    ['the other', Math.PI],
  ])(
    'never trims at the arrival itself: %s crossing under half a step ahead waits for the next',
    (_, turn) => {
      // The nearest grid time to the crossing is T0, the arrival burn's own: the trim goes to the
      // opposite crossing half an orbit later instead (never before the arrival, never at it).
      const raan = 1 * DEG
      const u0 = crossingU(raan) + turn - 0.3 * meanMotion * STEP_S
      const trim = trimOf(arrivingAt(1, u0))
      expect(trim.t).toBeGreaterThan(T0)
      expect(Math.abs(trim.t - T0 - nextCrossingS(raan, u0, STEP_S))).toBeLessThanOrEqual(STEP_S / 2)
      expect(trim.t - T0).toBeGreaterThan(periodS / 2 - STEP_S)
    },
  )

  it.each([0.5, 1, 3])('costs the textbook plane change 2·v·sin(θ/2) for nodes %s° apart', (raanDeg) => {
    // The planes' angle θ from the spherical triangle of two 53° planes: cos θ = cos²i + sin²i·cos ΔΩ.
    const theta = Math.acos(Math.cos(INC) ** 2 + Math.sin(INC) ** 2 * Math.cos(raanDeg * DEG))
    const trim = trimOf(arrivingAt(raanDeg, crossingU(raanDeg * DEG) - 0.25 * Math.PI))
    // Off the crossing by up to half a step (0.03°), the turn is not exactly at the node: the
    // speed is the same, the angle turned differs in the second order, well under 0.1 %.
    expect(rtnMagnitude(trim.dv) / (2 * speed * Math.sin(theta / 2))).toBeCloseTo(1, 3)
    expect(trim.what).toBe(
      `trim the plane by ${((theta * 180) / Math.PI).toFixed(2)}° where it crosses the slot's plane`,
    )
  })
})
