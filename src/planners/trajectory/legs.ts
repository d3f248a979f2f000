// Building blocks of a transfer, simulated in the engine's own orbit model (orbit-model.ts): a
// tangential burn that puts the opposite apsis at a chosen radius and the coast to it, and a
// burn that sets the semi-major axis at the current point (circularise, or enter a phasing
// orbit). Every burn time lands on the engine's step grid; the burn itself is computed from the
// predicted state at that exact time, so rounding to the grid costs metres, not kilometres.

import {
  afterBurn,
  anomalisticPeriod,
  burnToSemiMajorAxis,
  norm,
  type Orbit,
  type Rtn,
  rtnMagnitude,
  stateAt,
  timeToOppositeApsis,
} from './orbit-model'
import { onGrid } from './timing'

export interface PlannedBurn {
  t: number
  dv: Rtn
  /** What the burn does, for its rationale ("circularise at 550.0 km"). */
  what: string
}

export interface Leg {
  burn: PlannedBurn
  /** The orbit after the burn. */
  orbit: Orbit
  /** Grid time of the next event on this orbit (the opposite apsis, or the end of a phasing loop). */
  nextT: number
}

/** Burn at t so that the apsis half an orbit later is at radius `apsisRadius`; coast to it. */
export function toApsis(o: Orbit, t: number, apsisRadius: number, step: number, what: string): Leg {
  const s = stateAt(o, t)
  const dv = burnToSemiMajorAxis(s, (norm(s.r) + apsisRadius) / 2)
  const orbit = afterBurn(o, t, dv)
  const coast = Math.max(step, onGrid(timeToOppositeApsis(orbit, t), step))
  return { burn: { t, dv, what }, orbit, nextT: t + coast }
}

/** Burn at t to semi-major axis a; then coast `revolutions` anomalistic periods (0: none). */
export function toSemiMajorAxis(
  o: Orbit,
  t: number,
  a: number,
  revolutions: number,
  step: number,
  what: string,
): Leg {
  const dv = burnToSemiMajorAxis(stateAt(o, t), a)
  const orbit = afterBurn(o, t, dv)
  const coast = revolutions > 0 ? Math.max(step, onGrid(revolutions * anomalisticPeriod(orbit), step)) : 0
  return { burn: { t, dv, what }, orbit, nextT: t + coast }
}

export const totalDv = (burns: readonly PlannedBurn[]): number =>
  burns.reduce((sum, b) => sum + rtnMagnitude(b.dv), 0)
