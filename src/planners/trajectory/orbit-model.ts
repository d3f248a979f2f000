// A planner-side copy of the engine's orbit model, for predicting what planned burns will do.
//
// The engine propagates Keplerian satellites as two-body conics whose node, perigee and mean
// anomaly drift at the secular first-order J2 rates (core/kepler-set.ts), and re-bases an orbit
// on the post-burn state after each impulse (core/engine/maneuver.ts). This file reproduces that
// with the same core formulas, so a trajectory planner can simulate "burn here, coast there,
// burn again" before it commits, and time its burns to the engine's step grid. It reads only its
// arguments (and, in detectJ2, the view's own prediction helper); it keeps no state.

import type { KeplerElements, SatelliteView, WorldView } from '../../core'
import { G0, MU_EARTH } from '../../core/constants'
import { j2SecularRates } from '../../core/j2'
import { elementsToState, stateToElements, wrapPi, wrapTwoPi } from '../../core/kepler'

export type Vec3 = [number, number, number]

/** An orbit the way the engine holds one: elements valid at base time t0, J2 drift on or off. */
export interface Orbit {
  el: KeplerElements
  t0: number
  j2: boolean
}

export interface State {
  r: Vec3
  v: Vec3
}

/** An impulse in the satellite's radial / transverse / normal frame, m/s. */
export interface Rtn {
  r: number
  t: number
  n: number
}

export const dot = (a: Vec3, b: Vec3): number => a[0] * b[0] + a[1] * b[1] + a[2] * b[2]
export const norm = (a: Vec3): number => Math.hypot(a[0], a[1], a[2])
export const cross = (a: Vec3, b: Vec3): Vec3 => [
  a[1] * b[2] - a[2] * b[1],
  a[2] * b[0] - a[0] * b[2],
  a[0] * b[1] - a[1] * b[0],
]
export const distance = (a: Vec3, b: Vec3): number => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2])
export const rtnMagnitude = (dv: Rtn): number => Math.hypot(dv.r, dv.t, dv.n)

/** Secular rates (rad/s) of node, perigee and mean anomaly of an orbit; two-body without J2. */
export function ratesOf(o: Orbit): { raanDot: number; argpDot: number; mDot: number } {
  const { a, e, i } = o.el
  if (!o.j2) return { raanDot: 0, argpDot: 0, mDot: Math.sqrt(MU_EARTH / (a * a * a)) }
  const r = j2SecularRates(a, e, i)
  return { raanDot: r.raanDot, argpDot: r.argpDot, mDot: r.meanAnomalyDot }
}

/** Mean rate of the argument of latitude (ω + M), rad/s: how fast a satellite goes round. */
export function latitudeRate(o: Orbit): number {
  const r = ratesOf(o)
  return r.argpDot + r.mDot
}

/** Elements at time t: the engine's KeplerSet.elementsAt. */
export function elementsAt(o: Orbit, t: number): KeplerElements {
  const dt = t - o.t0
  const r = ratesOf(o)
  return {
    a: o.el.a,
    e: o.el.e,
    i: o.el.i,
    raan: wrapTwoPi(o.el.raan + r.raanDot * dt),
    argp: wrapTwoPi(o.el.argp + r.argpDot * dt),
    m0: wrapTwoPi(o.el.m0 + r.mDot * dt),
  }
}

export function stateAt(o: Orbit, t: number): State {
  const out = new Float64Array(6)
  elementsToState(elementsAt(o, t), out, 0)
  return { r: [out[0], out[1], out[2]], v: [out[3], out[4], out[5]] }
}

/** Unit vectors radial, transverse, normal of a state (as the engine's deltaVToEci builds them). */
export function rtnFrame(s: State): { R: Vec3; T: Vec3; N: Vec3 } {
  const rm = norm(s.r)
  const R: Vec3 = [s.r[0] / rm, s.r[1] / rm, s.r[2] / rm]
  const h = cross(s.r, s.v)
  const hm = norm(h)
  const N: Vec3 = [h[0] / hm, h[1] / hm, h[2] / hm]
  return { R, T: cross(N, R), N }
}

/** The orbit after an impulse at time t (elements re-based at t, as the engine does). */
export function afterBurn(o: Orbit, t: number, dv: Rtn): Orbit {
  const s = stateAt(o, t)
  const { R, T, N } = rtnFrame(s)
  const v: Vec3 = [0, 1, 2].map((j) => s.v[j] + dv.r * R[j] + dv.t * T[j] + dv.n * N[j]) as Vec3
  return { el: stateToElements(s.r, v), t0: t, j2: o.j2 }
}

/**
 * The impulse that makes the current point an apsis of an orbit with semi-major axis `aNew`:
 * it cancels the radial velocity and sets the transverse speed by vis-viva. From a circular orbit
 * this is the textbook tangential burn; near an apsis it also trims the small radial velocity
 * left by rounding the burn time to the engine's step.
 */
export function burnToSemiMajorAxis(s: State, aNew: number): Rtn {
  const { R, T } = rtnFrame(s)
  const r = norm(s.r)
  const speed = Math.sqrt(MU_EARTH * (2 / r - 1 / aNew))
  return { r: -dot(s.v, R), t: speed - dot(s.v, T), n: 0 }
}

/** Seconds from t until the orbit next reaches the apsis opposite the one it is nearest. */
export function timeToOppositeApsis(o: Orbit, t: number): number {
  const m = elementsAt(o, t).m0
  const target = Math.abs(wrapPi(m)) < Math.PI / 2 ? Math.PI : 0
  return wrapTwoPi(target - m) / ratesOf(o).mDot
}

/** Seconds of one anomalistic period (apsis to the same apsis). */
export function anomalisticPeriod(o: Orbit): number {
  return (2 * Math.PI) / ratesOf(o).mDot
}

/** The orbit plane's unit normal at time t. */
export function planeNormal(o: Orbit, t: number): Vec3 {
  const el = elementsAt(o, t)
  const si = Math.sin(el.i)
  return [si * Math.sin(el.raan), -si * Math.cos(el.raan), Math.cos(el.i)]
}

/**
 * Angle of position p along the orbit plane of `ref` at time t, measured from that plane's
 * ascending node in the direction of motion (the argument of latitude p would have if it lay in
 * the plane). Comparing two satellites this way gives their phase difference.
 */
export function alongTrackAngle(ref: Orbit, t: number, p: Vec3): number {
  const el = elementsAt(ref, t)
  const node: Vec3 = [Math.cos(el.raan), Math.sin(el.raan), 0]
  const w = cross(planeNormal(ref, t), node)
  return Math.atan2(dot(p, w), dot(p, node))
}

/** Angle between two orbit planes at time t, rad. */
export function planeAngle(a: Orbit, b: Orbit, t: number): number {
  const na = planeNormal(a, t)
  const nb = planeNormal(b, t)
  return Math.atan2(norm(cross(na, nb)), dot(na, nb))
}

/** A satellite's orbit as the view shows it now. */
export function orbitOf(sat: SatelliteView, view: WorldView, j2: boolean): Orbit {
  return { el: { ...sat.elements }, t0: view.timeS, j2 }
}

/**
 * Whether the engine runs with J2 drift: the view does not say, so compare its own prediction of
 * a Keplerian satellite ten minutes ahead with both models (they differ by kilometres there).
 * With no Keplerian satellite to test, J2 is assumed on (the scenario default).
 */
export function detectJ2(view: WorldView): boolean {
  const sat = view.satellites.find((s) => !s.isTle)
  if (!sat) return true
  const t = view.timeS + 600
  const seen = view.predictPosition(sat.index, t)
  const withJ2 = stateAt(orbitOf(sat, view, true), t).r
  const twoBody = stateAt(orbitOf(sat, view, false), t).r
  return distance(seen, withJ2) <= distance(seen, twoBody)
}

/** Δv a satellite can still give, m/s (rocket equation with its remaining propellant). */
export function deltaVCapacity(sat: SatelliteView): number {
  const dry = sat.massKg - sat.propellantKg
  if (!(dry > 0) || !(sat.propellantKg > 0)) return 0
  return sat.bus.ispS * G0 * Math.log(sat.massKg / dry)
}
