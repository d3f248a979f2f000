// trajectory/phasing — slot recovery in a hurry: transfer at once (Hohmann to the slot's
// altitude, no waiting for the phase), then close the remaining phase gap with a phasing orbit
// over k revolutions: a slightly smaller, faster orbit to catch up (or a larger, slower one to
// fall back), entered by the same burn that ends the transfer and left after k revolutions,
// exactly in the slot. Fills the slot in hours instead of the Hohmann planner's long wait, and
// pays for it in Δv; fewer revolutions are faster and dearer. When the asked revolutions would
// dip the perigee below 200 km or cost more Δv than the spare carries, it uses the fewest more
// that work, and says so. The phasing orbit is solved in the engine's J2 model, not just the
// two-body textbook formula, so the spare really comes back into the slot.

import { z } from 'zod'
import type { ManeuverDecision, WorldView } from '../../core'
import { R_EARTH } from '../../core/constants'
import type { Planner } from '../planner'
import { aimAboveThreshold, dodgeFields, planAvoidance } from './avoidance'
import { type Leg, toApsis, toSemiMajorAxis, totalDv } from './legs'
import { deltaVCapacity, detectJ2, norm, rtnMagnitude, stateAt } from './orbit-model'
import { type Design, type DesignInput, earliestFill, planRecoveries } from './recovery'
import { altitude, deg, hours, km, ms } from './timing'
import { circularSpeed, hohmann, phasing } from './transfers'
import { trimNote, withPlaneTrim } from './trim'
import { arrival, type Sequence } from './windows'

/** Phasing orbits may not dip below this altitude. */
const MIN_PERIGEE_ALT_M = 200e3
/** A phase gap smaller than this (m along the orbit) needs no phasing orbit. */
const NO_PHASING_M = 1000
/** When the asked revolutions cannot work (perigee too low, Δv over budget): try up to this many more. */
const EXTRA_REVOLUTIONS = 15

export const phasingParams = z
  .strictObject({
    revolutions: z
      .number()
      .int()
      .min(1)
      .max(50)
      .default(3)
      .describe('Revolutions of the phasing orbit: fewer is faster and costs more Δv'),
    ...dodgeFields,
  })
  .refine(aimAboveThreshold.check, { message: aimAboveThreshold.message, path: ['targetMissKm'] })
export type PhasingParams = z.infer<typeof phasingParams>

interface Option {
  seq: Sequence
  phaseRad: number
  k: number
  gapM: number
  /** Phase error left at the last burn, rad (what the secant drives to zero). */
  residual: number
}

export function designPhasing(input: DesignInput, revolutions: number): Design | { skip: string } {
  const { step, first } = input
  const aT = input.targetOrbit.el.a
  const raise = aT >= input.spareOrbit.el.a
  const transfer = toApsis(
    input.spareOrbit,
    first,
    aT,
    step,
    `${raise ? 'raise' : 'lower'} the opposite apsis to ${altitude(aT)} at once`,
  )
  const t2 = transfer.nextT
  const direct = toSemiMajorAxis(transfer.orbit, t2, aT, 0, step, `circularise at ${altitude(aT)}`)
  const plain: Sequence = { burns: [transfer.burn, direct.burn], endOrbit: direct.orbit, endT: t2 }
  const landing = arrival(input, plain)
  const r1 = input.spareOrbit.el.a
  const hoh = hohmann(r1, aT)
  const hohText = hoh.ok ? `Hohmann ${altitude(r1)} → ${altitude(aT)} (${ms(hoh.dvTotal)} m/s) at once` : ''
  if (Math.abs(landing.phaseRad) * aT < NO_PHASING_M) {
    return design(input, plain, `${hohText}; it arrives in phase, no phasing orbit needed.`)
  }
  const budget = 0.98 * deltaVCapacity(input.spare)
  const best = bestPhasing(input, transfer, landing.phaseRad, revolutions, budget)
  if (!best) {
    return {
      skip:
        `finds no phasing orbit above ${km(MIN_PERIGEE_ALT_M)} km within ` +
        `${revolutions + EXTRA_REVOLUTIONS} revolutions`,
    }
  }
  const book = phasing(aT, best.phaseRad, best.k)
  const side = best.phaseRad > 0 ? 'catch up' : 'fall back'
  const saved = book.ok && hoh.ok ? Math.abs(hoh.dv2) + Math.abs(book.dv1) - Math.abs(hoh.dv2 + book.dv1) : 0
  const bookText = book.ok
    ? ` (textbook: ${ms(book.dvTotal)} m/s for the phasing orbit; entering it with the burn that ends the ` +
      `transfer saves ${ms(saved)} m/s)`
    : ''
  const more =
    best.k > revolutions
      ? ` (${revolutions} revolution${revolutions === 1 ? '' : 's'} would need a lower perigee or more ` +
        `than its ${ms(budget)} m/s of propellant)`
      : ''
  return design(
    input,
    best.seq,
    `${hohText}, arriving ${deg(Math.abs(landing.phaseRad))}° ` +
      `${landing.phaseRad > 0 ? 'behind' : 'ahead of'} the slot; a phasing orbit over ${best.k} ` +
      `revolution${best.k === 1 ? '' : 's'} lets it ${side} ${deg(Math.abs(best.phaseRad))}°` +
      `${bookText}${more}. Total ${ms(totalDv(best.seq.burns))} m/s.`,
  )
}

/** The design of a sequence, ended by a plane trim if J2 left the planes too far apart. */
function design(input: DesignInput, plain: Sequence, summary: string): Design {
  const seq = withPlaneTrim(input, plain)
  const { gapM } = arrival(input, seq)
  // Its own sentence here (the other designs put the note after a semicolon).
  const sentence = (s: string) => ` ${s[0].toUpperCase()}${s.slice(1)}.`
  const trim = seq.burns.length > plain.burns.length ? sentence(trimNote(input, plain, seq)) : ''
  return {
    burns: seq.burns,
    dvTotal: totalDv(seq.burns),
    fillT: seq.endT,
    gapM,
    summary:
      `${summary}${trim} Predicted ${km(gapM)} km from the slot, ` +
      `${hours(seq.endT - input.view.timeS)} h from now.`,
  }
}

/**
 * The phasing orbit to fly: the cheaper of catching up and falling back, over the asked number of
 * revolutions, or the fewest more that keep the perigee high enough and the Δv within budget.
 * Candidates are ranked by the textbook cost (two-body, a few per cent from the J2 truth) and
 * only the chosen one is solved in the engine's model. Null when no revolution count gives a
 * phasing orbit at all; the cheapest over budget otherwise.
 */
function bestPhasing(
  input: DesignInput,
  transfer: Leg,
  phaseRad: number,
  revolutions: number,
  budget: number,
): Option | null {
  const aT = input.targetOrbit.el.a
  // The burn that would circularise at the end of the transfer also enters the phasing orbit.
  const arrive = circularSpeed(aT) - norm(stateAt(transfer.orbit, transfer.nextT).v)
  const other = phaseRad > 0 ? phaseRad - 2 * Math.PI : phaseRad + 2 * Math.PI
  let cheapest: { k: number; theta: number; a: number; cost: number } | null = null
  for (let k = revolutions; k <= revolutions + EXTRA_REVOLUTIONS; k++) {
    let best: { k: number; theta: number; a: number; cost: number } | null = null
    for (const theta of [phaseRad, other]) {
      const book = phasing(aT, theta, k, undefined, R_EARTH + MIN_PERIGEE_ALT_M)
      if (!book.ok) continue
      const cost = rtnMagnitude(transfer.burn.dv) + Math.abs(arrive + book.dv1) + Math.abs(book.dv2)
      if (!best || cost < best.cost) best = { k, theta, a: book.aPhasing, cost }
    }
    if (!best) continue
    if (!cheapest || best.cost < cheapest.cost) cheapest = best
    if (best.cost <= budget) {
      const opt = solvePhasing(input, transfer, best.a, k, best.theta)
      if (totalDv(opt.seq.burns) <= budget) return opt
    }
  }
  return cheapest ? solvePhasing(input, transfer, cheapest.a, cheapest.k, cheapest.theta) : null
}

/**
 * The phasing orbit that really brings the spare back into the slot after k revolutions in the
 * engine's model (J2 shifts both orbits a little), by the secant method from the textbook guess.
 */
function solvePhasing(input: DesignInput, transfer: Leg, aGuess: number, k: number, theta: number): Option {
  const aT = input.targetOrbit.el.a
  const t2 = transfer.nextT
  const build = (aPh: number): Option => {
    const loop = toSemiMajorAxis(
      transfer.orbit,
      t2,
      aPh,
      k,
      input.step,
      `end the transfer in a ${altitude(2 * aPh - aT)} × ${altitude(aT)} phasing orbit`,
    )
    const end = toSemiMajorAxis(
      loop.orbit,
      loop.nextT,
      aT,
      0,
      input.step,
      `circularise in the slot at ${altitude(aT)}`,
    )
    const seq: Sequence = {
      burns: [transfer.burn, loop.burn, end.burn],
      endOrbit: end.orbit,
      endT: loop.nextT,
    }
    const a = arrival(input, seq)
    return { seq, phaseRad: theta, k, gapM: a.gapM, residual: a.phaseRad }
  }
  let x0 = aGuess
  let o0 = build(x0)
  let x1 = aGuess + 100
  let o1 = build(x1)
  let best = o0.gapM <= o1.gapM ? o0 : o1
  for (let it = 0; it < 12 && best.gapM > 100; it++) {
    const f0 = o0.residual
    const f1 = o1.residual
    if (f1 === f0) break
    const x2 = x1 - (f1 * (x1 - x0)) / (f1 - f0)
    x0 = x1
    o0 = o1
    x1 = x2
    o1 = build(x2)
    if (o1.gapM < best.gapM) best = o1
  }
  return best
}

export const phasingPlanner: Planner<PhasingParams> = {
  id: 'trajectory/phasing',
  kind: 'trajectory',
  label: 'Phasing slot recovery',
  description:
    'When a satellite fails or is retired, sends the spare that can fill the slot soonest: a ' +
    'Hohmann transfer to the slot altitude at once, then a phasing orbit over a few revolutions ' +
    '(parameter revolutions, default 3) to close the remaining gap. Fills the slot much sooner than ' +
    'waiting for the phase, and costs more Δv: time bought with propellant. Also dodges predicted ' +
    'conjunctions unless avoidCollisions is false.',
  params: phasingParams,
  triggers: ['satelliteFailed', 'alert', 'conjunctionWarning'],
  plan(view: WorldView, p: PhasingParams): ManeuverDecision[] {
    const j2 = detectJ2(view)
    const avoid = p.avoidCollisions ? planAvoidance(view, j2, p) : []
    const busy = new Set(avoid.map((d) => d.satellite))
    const design = (input: DesignInput) => designPhasing(input, p.revolutions)
    return [...avoid, ...planRecoveries(view, j2, design, earliestFill, busy)]
  },
}
