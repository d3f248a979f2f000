// The shared skeleton of every slot-recovery planner: find the open slots (slots.ts), try each
// free spare with the planner's own transfer design, keep the best, and turn its burns into
// maneuver decisions that say why. A planner supplies only the design (how to get a spare from
// its parking orbit into a slot) and what "best" means (least Δv, or the earliest fill).

import type { ManeuverDecision, SatelliteView, WorldView } from '../../core'
import { SLOT_TOLERANCE_M } from '../../core'
import type { PlannedBurn } from './legs'
import { deltaVCapacity, type Orbit, orbitOf, planeAngle, rtnMagnitude } from './orbit-model'
import { readSlots, SAME_PLANE_RAD } from './slots'
import { degrees, earliestBurn, hours, km, ms } from './timing'
import { circularSpeed, planeChangeDv } from './transfers'

export interface DesignInput {
  view: WorldView
  spare: SatelliteView
  target: SatelliteView
  spareOrbit: Orbit
  targetOrbit: Orbit
  /** Earliest grid time a burn may be planned for. */
  first: number
  step: number
}

export interface Design {
  burns: PlannedBurn[]
  dvTotal: number
  /** Grid time of the last burn, when the engine checks the slot. */
  fillT: number
  /** Predicted distance to the slot at the last burn, m. */
  gapM: number
  /** One plain sentence: what the transfer is and what it costs. */
  summary: string
}

export type Designer = (input: DesignInput) => Design | { skip: string }

/** Orders two designs: negative when `a` is better. */
export type Preference = (a: Design, b: Design) => number

export const leastDv: Preference = (a, b) => a.dvTotal - b.dvTotal || a.fillT - b.fillT
export const earliestFill: Preference = (a, b) => a.fillT - b.fillT || a.dvTotal - b.dvTotal

/** Predicted misses larger than this fail the engine's slot check: such designs are refused. */
export const MAX_GAP_M = SLOT_TOLERANCE_M * 0.9

/**
 * Slot-recovery decisions for every open slot that a free spare can reach. `busy`: satellites
 * that already got burns in this call (e.g. collision avoidance), not to be used.
 */
export function planRecoveries(
  view: WorldView,
  j2: boolean,
  design: Designer,
  prefer: Preference,
  busy: ReadonlySet<string> = new Set(),
): ManeuverDecision[] {
  const book = readSlots(view, j2, busy)
  if (book.open.length === 0 || book.free.length === 0) return []
  const used = new Set<string>()
  const out: ManeuverDecision[] = []
  const first = earliestBurn(view)
  for (const target of book.open) {
    const targetOrbit = orbitOf(target, view, j2)
    const notes = [...book.unusable]
    let best: { spare: SatelliteView; d: Design } | null = null
    for (const spare of book.free) {
      if (used.has(spare.id)) continue
      const spareOrbit = orbitOf(spare, view, j2)
      const why = refusal(spare, spareOrbit, targetOrbit, view.timeS)
      if (why) {
        notes.push(`${spare.id} ${why}`)
        continue
      }
      const d = design({ view, spare, target, spareOrbit, targetOrbit, first, step: view.stepS })
      if ('skip' in d) {
        notes.push(`${spare.id} ${d.skip}`)
        continue
      }
      // The engine refuses a burn after the run's end; a design that cannot finish in time is
      // a reason in words here, not a rejected decision there.
      const lastBurnS = d.burns.reduce((m, b) => Math.max(m, b.t), view.timeS)
      if (lastBurnS > view.durationS) {
        notes.push(`${spare.id} would burn at T+${hours(lastBurnS)} h, after the run ends`)
        continue
      }
      if (d.gapM > MAX_GAP_M) {
        notes.push(`${spare.id} would end ${km(d.gapM)} km from the slot, beyond the slot check`)
        continue
      }
      const capacity = deltaVCapacity(spare)
      if (d.dvTotal > 0.98 * capacity) {
        notes.push(`${spare.id} would need ${ms(d.dvTotal)} m/s but has ${ms(capacity)} m/s of propellant`)
        continue
      }
      if (!best || prefer(d, best.d) < 0) best = { spare, d }
    }
    if (!best) continue
    used.add(best.spare.id)
    const others = notes.length ? ` Not used: ${notes.join('; ')}.` : ''
    const n = best.d.burns.length
    best.d.burns.forEach((b, j) => {
      const head =
        `${best.spare.id} → ${target.id}'s slot, burn ${j + 1} of ${n}: ${b.what} ` +
        `(${ms(rtnMagnitude(b.dv))} m/s).`
      const tail =
        j === 0
          ? ` ${best.d.summary}${others}`
          : j === n - 1
            ? ` Fills the slot ${hours(best.d.fillT - view.timeS)} h after this plan.`
            : ''
      out.push({
        kind: 'maneuver',
        satellite: best.spare.id,
        atS: b.t,
        dv: { frame: 'rtn', r: b.dv.r, t: b.dv.t, n: b.dv.n },
        purpose: 'slot-recovery',
        replaces: target.id,
        rationale: head + tail,
      })
    })
  }
  return out
}

/** Why this spare cannot serve this slot at all, or null. */
function refusal(spare: SatelliteView, spareOrbit: Orbit, targetOrbit: Orbit, t: number): string | null {
  const angle = planeAngle(spareOrbit, targetOrbit, t)
  if (angle <= SAME_PLANE_RAD) return null
  const dRaan = ((spareOrbit.el.raan - targetOrbit.el.raan) * 180) / Math.PI
  const wrapped = ((((dRaan + 180) % 360) + 360) % 360) - 180
  const dInc = ((spareOrbit.el.i - targetOrbit.el.i) * 180) / Math.PI
  const cost = planeChangeDv(circularSpeed(spareOrbit.el.a), angle)
  return (
    `flies in another plane (${degrees((angle * 180) / Math.PI)}° away: ` +
    `ΔRAAN ${degrees(wrapped)}°, Δi ${degrees(dInc)}°); a plane change would cost ${ms(cost)} m/s ` +
    `against ${ms(deltaVCapacity(spare))} m/s of propellant, far too expensive`
  )
}
