// Collision avoidance, shared by every trajectory planner (a strategy has one trajectory planner,
// so each carries it; see collision-avoidance.ts for why it is a shared function, not a planner
// that also does slot recovery).
//
// On a conjunction warning whose predicted miss is under the threshold: one small prograde
// along-track burn as early as possible (ideally at least half an orbit before closest approach)
// so the satellite drifts along its orbit away from the predicted point, and a return burn a
// whole number of orbits later, after the pass, that restores the semi-major axis. The burn is
// sized by the drift rule for circular orbits, along-track drift ≈ 3·Δv·Δt, then corrected in
// the engine's orbit model so the predicted displacement at closest approach is what was asked.
// A satellite with burns already pending is left alone: either it is handled already (its
// return burn is pending) or it is in the middle of a transfer that an extra burn would spoil.

import { z } from 'zod'
import type { ManeuverDecision, WorldView } from '../../core'
import {
  afterBurn,
  anomalisticPeriod,
  burnToSemiMajorAxis,
  distance,
  orbitOf,
  rtnMagnitude,
  stateAt,
} from './orbit-model'
import { at, earliestBurn, hours, km, onGrid } from './timing'

export const avoidanceFields = {
  thresholdKm: z
    .number()
    .positive()
    .max(100)
    .default(1)
    .describe('Act on conjunctions whose predicted miss is under this many km'),
  targetMissKm: z.number().positive().max(100).default(2).describe('Aim for at least this miss distance, km'),
}

/** What a slot-recovery planner adds to its own parameters: whether to dodge, and how. */
export const dodgeFields = {
  avoidCollisions: z.boolean().default(true).describe('Also dodge predicted conjunctions'),
  ...avoidanceFields,
}

/** The longest wait in the parking orbit, for the planners that wait for the phase. */
export const waitFields = {
  maxWaitH: z
    .number()
    .positive()
    .max(24 * 30)
    .default(96)
    .describe('Longest wait in the parking orbit for the phase to come right, h'),
}

export interface AvoidanceParams {
  thresholdKm: number
  targetMissKm: number
}

/** Refines a params object: the aimed miss must exceed the threshold. */
export const aimAboveThreshold = {
  check: (p: AvoidanceParams) => p.targetMissKm > p.thresholdKm,
  message: 'targetMissKm must be larger than thresholdKm',
}

export function planAvoidance(view: WorldView, j2: boolean, p: AvoidanceParams): ManeuverDecision[] {
  const out: ManeuverDecision[] = []
  const handled = new Set<string>()
  const step = view.stepS
  const conjunctions = [...view.conjunctions].sort(
    (a, b) => a.tcaS - b.tcaS || (a.satellite < b.satellite ? -1 : a.satellite > b.satellite ? 1 : 0),
  )
  for (const c of conjunctions) {
    if (c.predictedMissM >= p.thresholdKm * 1000) continue
    const sat = view.satellites.find((s) => s.id === c.satellite)
    if (!sat || sat.failed || !sat.thrusterOk || sat.isTle || sat.pendingManeuvers > 0) continue
    if (handled.has(sat.id)) continue
    const tb = earliestBurn(view)
    // The engine judges the pass at the first step at or after TCA; the burn must come before.
    const judged = Math.ceil(c.tcaS / step - 1e-9) * step
    if (tb >= judged) continue
    const orbit = orbitOf(sat, view, j2)
    const before = stateAt(orbit, c.tcaS).r
    const shift = (dvT: number) =>
      distance(stateAt(afterBurn(orbit, tb, { r: 0, t: dvT, n: 0 }), c.tcaS).r, before)
    const lead = c.tcaS - tb
    const need = p.targetMissKm * 1000 + c.predictedMissM
    const rule = need / (3 * lead)
    let dvT = rule
    for (let it = 0; it < 3; it++) {
      const d = shift(dvT)
      if (!(d > 0)) break
      dvT *= need / d
    }
    const moved = afterBurn(orbit, tb, { r: 0, t: dvT, n: 0 })
    const period = anomalisticPeriod(moved)
    let tr = onGrid(tb + Math.ceil((judged + step - tb) / period) * period, step)
    while (tr <= judged) tr = onGrid(tr + period, step)
    const back = burnToSemiMajorAxis(stateAt(moved, tr), orbit.el.a)
    const orbits = lead / anomalisticPeriod(orbit)
    const early =
      orbits >= 0.5 ? `${orbits.toFixed(1)} orbits ahead` : `only ${orbits.toFixed(2)} orbits ahead, late`
    out.push(
      {
        kind: 'maneuver',
        satellite: sat.id,
        atS: tb,
        dv: { frame: 'rtn', r: 0, t: dvT, n: 0 },
        purpose: 'collision-avoidance',
        rationale:
          `Debris predicted ${c.predictedMissM.toFixed(0)} m from ${sat.id} at ${at(c.tcaS)} ` +
          `(under ${p.thresholdKm} km): a ${(dvT * 100).toFixed(1)} cm/s prograde burn ${hours(lead)} h ` +
          `(${early}) drifts it ≈ 3·Δv·Δt = ${km(3 * dvT * lead)} km along its orbit; the orbit model ` +
          `predicts ${km(shift(dvT))} km for an aimed miss of at least ${p.targetMissKm} km.`,
      },
      {
        kind: 'maneuver',
        satellite: sat.id,
        atS: tr,
        dv: { frame: 'rtn', r: back.r, t: back.t, n: back.n },
        purpose: 'return',
        rationale:
          `Return burn ${hours(tr - c.tcaS)} h after the pass, a whole number of orbits after the ` +
          `avoidance burn: ${(rtnMagnitude(back) * 100).toFixed(1)} cm/s restores ${sat.id}'s ` +
          `${km(orbit.el.a)} km semi-major axis.`,
      },
    )
    handled.add(sat.id)
  }
  return out
}
