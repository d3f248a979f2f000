// trajectory/hohmann — slot recovery by the cheapest route: a two-burn Hohmann transfer, started
// only when the phase is right. The spare waits in its lower, faster parking orbit while it
// drifts toward the slot for free, then raises its apoapsis to the slot's altitude and
// circularises there just as the slot arrives. Least Δv of the three slot-recovery planners;
// slowest, because the wait can last up to a synodic period (three days for a 100 km height
// gap). A long wait has a price J2 sets: the lower plane regresses faster, and when the planes
// end up far apart a plane trim at their crossing finishes the recovery (trim.ts).

import { z } from 'zod'
import type { ManeuverDecision, WorldView } from '../../core'
import type { Planner } from '../planner'
import { aimAboveThreshold, dodgeFields, planAvoidance, waitFields } from './avoidance'
import { toApsis, toSemiMajorAxis, totalDv } from './legs'
import { detectJ2 } from './orbit-model'
import { type Design, type DesignInput, leastDv, planRecoveries } from './recovery'
import { altitude, hours, km, ms } from './timing'
import { hohmann } from './transfers'
import { trimNote, withPlaneTrim } from './trim'
import { firstWindow, type Sequence } from './windows'

export const hohmannParams = z
  .strictObject({
    ...waitFields,
    ...dodgeFields,
  })
  .refine(aimAboveThreshold.check, { message: aimAboveThreshold.message, path: ['targetMissKm'] })
export type HohmannParams = z.infer<typeof hohmannParams>

/** The Hohmann sequence for a start at grid time tb: to the slot's altitude, then circularise. */
export function hohmannSequence(input: DesignInput, tb: number): Sequence {
  const aT = input.targetOrbit.el.a
  const raise = aT >= input.spareOrbit.el.a
  const leg = toApsis(
    input.spareOrbit,
    tb,
    aT,
    input.step,
    `${raise ? 'raise' : 'lower'} the opposite apsis to ${altitude(aT)}`,
  )
  const end = toSemiMajorAxis(leg.orbit, leg.nextT, aT, 0, input.step, `circularise at ${altitude(aT)}`)
  return { burns: [leg.burn, end.burn], endOrbit: end.orbit, endT: leg.nextT }
}

export function designHohmann(input: DesignInput, maxWaitS: number): Design | { skip: string } {
  const w = firstWindow(input, (tb) => withPlaneTrim(input, hohmannSequence(input, tb)), maxWaitS)
  if (!w.ok) return { skip: w.reason }
  const { seq, gapM } = w.arrival
  const r1 = input.spareOrbit.el.a
  const r2 = input.targetOrbit.el.a
  const book = hohmann(r1, r2)
  const textbook = book.ok ? ` (textbook ${ms(book.dvTotal)} m/s)` : ''
  const dv = totalDv(seq.burns)
  const flight = hohmannSequence(input, w.tb)
  return {
    burns: seq.burns,
    dvTotal: dv,
    fillT: seq.endT,
    gapM,
    summary:
      `Hohmann ${altitude(r1)} → ${altitude(r2)}: ${ms(totalDv(flight.burns))} m/s in two burns` +
      `${textbook}. ${input.spare.id} waits ${hours(w.tb - input.view.timeS)} h in its parking orbit, ` +
      `drifting toward the slot for free, then flies ${Math.round((flight.endT - w.tb) / 60)} min; ` +
      `${trimNote(input, flight, seq)}; ` +
      `predicted ${km(gapM)} km from the slot.`,
  }
}

export const hohmannPlanner: Planner<HohmannParams> = {
  id: 'trajectory/hohmann',
  kind: 'trajectory',
  label: 'Hohmann slot recovery',
  description:
    'When a satellite fails or is retired, sends the spare in the same plane that costs the least Δv. ' +
    'The spare waits in its lower parking orbit until the free drift has brought the phase right, ' +
    'then makes a two-burn Hohmann transfer that arrives in the empty slot. The cheapest recovery and ' +
    'the slowest: the wait can take many hours (at most maxWaitH, default 96). After a very long wait ' +
    'J2 has turned the two orbit planes apart, and a plane trim where they cross ends the recovery. ' +
    'Also dodges predicted conjunctions unless avoidCollisions is false.',
  params: hohmannParams,
  triggers: ['satelliteFailed', 'alert', 'conjunctionWarning'],
  plan(view: WorldView, p: HohmannParams): ManeuverDecision[] {
    const j2 = detectJ2(view)
    const avoid = p.avoidCollisions ? planAvoidance(view, j2, p) : []
    const busy = new Set(avoid.map((d) => d.satellite))
    const recover = planRecoveries(
      view,
      j2,
      (input) => designHohmann(input, p.maxWaitH * 3600),
      leastDv,
      busy,
    )
    return [...avoid, ...recover]
  },
}
