// trajectory/bi-elliptic — slot recovery through an intermediate apoapsis: burn up to a radius
// above the slot, raise the periapsis to the slot's altitude there, and circularise at the
// slot. Timed like the Hohmann planner (wait in the parking orbit for the phase). It exists to
// show a textbook fact with real numbers: below a radius ratio of about 11.94 a bi-elliptic
// transfer always costs MORE Δv than Hohmann, and between neighbouring LEO altitudes (ratio
// ≈ 1.01) it is far worse, so every rationale states both costs.

import { z } from 'zod'
import type { ManeuverDecision, WorldView } from '../../core'
import type { Planner } from '../planner'
import { aimAboveThreshold, dodgeFields, planAvoidance, waitFields } from './avoidance'
import { toApsis, toSemiMajorAxis, totalDv } from './legs'
import { detectJ2 } from './orbit-model'
import { type Design, type DesignInput, leastDv, planRecoveries } from './recovery'
import { altitude, hours, km, ms } from './timing'
import { biElliptic, hohmann } from './transfers'
import { trimNote, withPlaneTrim } from './trim'
import { firstWindow, type Sequence } from './windows'

/** Without a usable intermediateRadiusKm: this far above the higher of the two orbits, m. */
export const DEFAULT_DETOUR_M = 200e3
/** Radius ratio above which a bi-elliptic transfer can beat Hohmann (with rb → ∞). */
const BREAK_EVEN_RATIO = 11.94

export const biEllipticParams = z
  .strictObject({
    intermediateRadiusKm: z
      .number()
      .positive()
      .max(1e6)
      .optional()
      .describe(
        'Radius of the intermediate apoapsis from Earth’s centre, km (default: 200 km above the slot)',
      ),
    ...waitFields,
    ...dodgeFields,
  })
  .refine(aimAboveThreshold.check, { message: aimAboveThreshold.message, path: ['targetMissKm'] })
export type BiEllipticParams = z.infer<typeof biEllipticParams>

export function biEllipticSequence(input: DesignInput, tb: number, rb: number): Sequence {
  const aT = input.targetOrbit.el.a
  const up = toApsis(input.spareOrbit, tb, rb, input.step, `raise the apoapsis to ${km(rb)} km radius`)
  const over = toApsis(up.orbit, up.nextT, aT, input.step, `raise the periapsis to ${altitude(aT)}`)
  const end = toSemiMajorAxis(over.orbit, over.nextT, aT, 0, input.step, `circularise at ${altitude(aT)}`)
  return { burns: [up.burn, over.burn, end.burn], endOrbit: end.orbit, endT: over.nextT }
}

export function designBiElliptic(
  input: DesignInput,
  maxWaitS: number,
  radiusKm: number | undefined,
): Design | { skip: string } {
  const r1 = input.spareOrbit.el.a
  const r2 = input.targetOrbit.el.a
  const fallback = Math.max(r1, r2) + DEFAULT_DETOUR_M
  const asked = radiusKm === undefined ? undefined : radiusKm * 1000
  const rb = asked !== undefined && asked > Math.max(r1, r2) ? asked : fallback
  const note =
    asked !== undefined && rb !== asked
      ? ` (the asked ${km(asked)} km is not above both orbits, so ${km(rb)} km is used)`
      : ''
  const w = firstWindow(input, (tb) => withPlaneTrim(input, biEllipticSequence(input, tb, rb)), maxWaitS)
  if (!w.ok) return { skip: w.reason }
  const { seq, gapM } = w.arrival
  const dv = totalDv(seq.burns)
  const flight = biEllipticSequence(input, w.tb, rb)
  const book = biElliptic(r1, rb, r2)
  const direct = hohmann(r1, r2)
  const ratio = Math.max(r1, r2) / Math.min(r1, r2)
  const compare =
    book.ok && direct.ok
      ? `${ms(book.dvTotal)} m/s by the textbook against ${ms(direct.dvTotal)} m/s for Hohmann: ` +
        `${book.dvTotal > direct.dvTotal ? `${ms(book.dvTotal - direct.dvTotal)} m/s MORE` : 'less'}, ` +
        `as expected for a radius ratio of ${ratio.toFixed(3)} ` +
        `(${ratio < BREAK_EVEN_RATIO ? 'below' : 'above'} the ${BREAK_EVEN_RATIO} where bi-elliptic ` +
        'can start to win)'
      : 'no textbook comparison for these radii'
  return {
    burns: seq.burns,
    dvTotal: dv,
    fillT: seq.endT,
    gapM,
    summary:
      `Bi-elliptic ${altitude(r1)} → ${km(rb)} km radius → ${altitude(r2)}${note}: ` +
      `${ms(totalDv(flight.burns))} m/s in three burns, ${compare}. ${input.spare.id} waits ` +
      `${hours(w.tb - input.view.timeS)} h for the phase, flies ${hours(flight.endT - w.tb)} h; ` +
      `${trimNote(input, flight, seq)}; predicted ${km(gapM)} km from the slot.`,
  }
}

export const biEllipticPlanner: Planner<BiEllipticParams> = {
  id: 'trajectory/bi-elliptic',
  kind: 'trajectory',
  label: 'Bi-elliptic slot recovery',
  description:
    'Like the Hohmann planner, but the spare climbs to an intermediate apoapsis above the slot, ' +
    'raises its periapsis there and comes down to circularise in the slot. For orbits as close as ' +
    'two LEO shells this costs clearly MORE Δv than Hohmann (bi-elliptic pays off only above a ' +
    'radius ratio of about 11.94); each rationale prints both costs. Also dodges predicted ' +
    'conjunctions unless avoidCollisions is false.',
  params: biEllipticParams,
  triggers: ['satelliteFailed', 'alert', 'conjunctionWarning'],
  plan(view: WorldView, p: BiEllipticParams): ManeuverDecision[] {
    const j2 = detectJ2(view)
    const avoid = p.avoidCollisions ? planAvoidance(view, j2, p) : []
    const busy = new Set(avoid.map((d) => d.satellite))
    const design = (input: DesignInput) => designBiElliptic(input, p.maxWaitH * 3600, p.intermediateRadiusKm)
    return [...avoid, ...planRecoveries(view, j2, design, leastDv, busy)]
  },
}
