// The plane trim that finishes a slot recovery when J2 has turned the planes apart.
//
// A parking orbit lower than its slot regresses its node faster (J2), so after hours of waiting
// the spare's plane no longer matches the slot's: on arrival it swings across the slot's track
// by ± r·Δθ every orbit. Small offsets are left alone. Above TRIM_ABOVE_M the transfer gets one
// more burn where the two planes cross (the relative node): there the spare sits in the slot's
// plane, so turning its velocity into that plane removes the offset completely, at the textbook
// cost of a plane change, 2·v·sin(Δθ/2). The engine checks the slot at this last burn.

import { MU_EARTH } from '../../core/constants'
import { wrapTwoPi } from '../../core/kepler'
import type { PlannedBurn } from './legs'
import {
  afterBurn,
  alongTrackAngle,
  cross,
  dot,
  latitudeRate,
  norm,
  planeAngle,
  planeNormal,
  rtnFrame,
  rtnMagnitude,
  stateAt,
  type Vec3,
} from './orbit-model'
import type { DesignInput } from './recovery'
import { deg, km, ms, onGrid } from './timing'
import type { Sequence } from './windows'

/** Cross-track swing (r·Δθ) above which a recovery ends with a plane trim, m. */
export const TRIM_ABOVE_M = 20e3

const unit = (a: Vec3): Vec3 => {
  const m = norm(a)
  return [a[0] / m, a[1] / m, a[2] / m]
}

/** The sequence with a plane trim appended when the planes end up too far apart; else as is. */
export function withPlaneTrim(input: DesignInput, seq: Sequence): Sequence {
  const { step, targetOrbit } = input
  const aT = targetOrbit.el.a
  const t0 = seq.endT
  const angle = planeAngle(seq.endOrbit, targetOrbit, t0)
  if (angle * aT <= TRIM_ABOVE_M) return seq
  // The relative node: the line both planes share. The spare reaches it (or its opposite) within
  // half an orbit; both planes turn at almost the same rate meanwhile.
  const node = unit(cross(planeNormal(seq.endOrbit, t0), planeNormal(targetOrbit, t0)))
  const here = alongTrackAngle(seq.endOrbit, t0, stateAt(seq.endOrbit, t0).r)
  let du = wrapTwoPi(alongTrackAngle(seq.endOrbit, t0, node) - here)
  if (du > Math.PI) du -= Math.PI
  const rate = latitudeRate(seq.endOrbit)
  let t = t0 + onGrid(du / rate, step)
  if (t <= t0) t = t0 + onGrid((du + Math.PI) / rate, step)
  const s = stateAt(seq.endOrbit, t)
  const h = planeNormal(targetOrbit, t)
  const rIn = unit([0, 1, 2].map((j) => s.r[j] - dot(s.r, h) * h[j]) as Vec3)
  const speed = Math.sqrt(MU_EARTH * (2 / norm(s.r) - 1 / aT))
  const dir = cross(h, rIn)
  const dvEci = [0, 1, 2].map((j) => speed * dir[j] - s.v[j]) as Vec3
  const { R, T, N } = rtnFrame(s)
  const dv = { r: dot(dvEci, R), t: dot(dvEci, T), n: dot(dvEci, N) }
  const burn: PlannedBurn = {
    t,
    dv,
    what: `trim the plane by ${deg(angle)}° where it crosses the slot's plane${targetOrbit.j2 ? ' (J2 turned them apart)' : ''}`,
  }
  return { burns: [...seq.burns, burn], endOrbit: afterBurn(seq.endOrbit, t, dv), endT: t }
}

/** What the J2 plane drift did to a recovery, for its rationale. */
export function trimNote(input: DesignInput, plain: Sequence, trimmed: Sequence): string {
  const angle = planeAngle(plain.endOrbit, input.targetOrbit, plain.endT)
  const swing = `±${km(angle * input.targetOrbit.el.a)} km`
  // A run without J2 has no nodal drift: the planes differ only as they started, and the text
  // must not credit J2 with it.
  const j2 = input.targetOrbit.j2
  if (trimmed.burns.length === plain.burns.length) {
    const cause = j2 ? 'J2 nodal drift included' : 'no J2 in this run'
    return `${cause}: planes ${deg(angle)}° apart on arrival, a swing of ${swing}, left alone`
  }
  const trim = rtnMagnitude(trimmed.burns[trimmed.burns.length - 1].dv)
  return (
    `${j2 ? 'J2 turned the planes' : 'no J2 in this run, but the planes are'} ${deg(angle)}° apart (a swing of ${swing}), ` +
    `so a ${ms(trim)} m/s plane trim where they cross ends the recovery`
  )
}
