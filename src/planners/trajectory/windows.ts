// Transfer windows: when to start a transfer so the spare arrives where its slot will be.
//
// A spare parked in a lower orbit goes round faster than its slot, so the phase between them
// changes by itself at the rate difference (J2 included): waiting costs no propellant. For a
// transfer that starts at grid time tb, `arrival` predicts the along-track phase error and the
// 3-D distance to the slot at the last burn; the window search finds the start times where
// the phase error crosses zero (one per synodic period), refines each on the step grid, and
// takes the first whose predicted miss — plane drift included — passes the slot check.

import { wrapPi, wrapTwoPi } from '../../core/kepler'
import type { PlannedBurn } from './legs'
import { alongTrackAngle, distance, latitudeRate, type Orbit, stateAt } from './orbit-model'
import type { DesignInput } from './recovery'
import { MAX_GAP_M } from './recovery'
import { hours, km } from './timing'

/** A planned burn sequence ending with the spare on the slot's orbit at endT. */
export interface Sequence {
  burns: PlannedBurn[]
  endOrbit: Orbit
  endT: number
}

export interface Arrival {
  seq: Sequence
  /** Phase of the slot minus phase of the spare at endT, rad in (−π, π]: > 0, slot ahead. */
  phaseRad: number
  /** Distance from the slot at endT, m. */
  gapM: number
}

/** Where the spare ends up relative to the slot when a sequence finishes. */
export function arrival(input: DesignInput, seq: Sequence): Arrival {
  const slot = input.view.predictPosition(input.target.index, seq.endT)
  const spare = stateAt(seq.endOrbit, seq.endT).r
  const ref = input.targetOrbit
  const phaseRad = wrapPi(alongTrackAngle(ref, seq.endT, slot) - alongTrackAngle(ref, seq.endT, spare))
  return { seq, phaseRad, gapM: distance(slot, spare) }
}

export type Window = { ok: true; tb: number; arrival: Arrival } | { ok: false; reason: string }

/**
 * The first start time within `maxWaitS` whose transfer reaches the slot within the engine's
 * tolerance. `sequenceAt(tb)` designs the whole transfer for a start at grid time tb.
 */
export function firstWindow(
  input: DesignInput,
  sequenceAt: (tb: number) => Sequence,
  maxWaitS: number,
): Window {
  const { first, step } = input
  const at = (tb: number) => arrival(input, sequenceAt(tb))
  // d(phase)/d(tb): each second of waiting the slot moves on by its rate, the spare by its own.
  const rate = latitudeRate(input.targetOrbit) - latitudeRate(input.spareOrbit)
  const synodic = (2 * Math.PI) / Math.abs(rate)
  if (!Number.isFinite(synodic) || synodic > 1e3 * Math.max(maxWaitS, step)) {
    return { ok: false, reason: 'flies at the slot altitude already: it would never drift into phase' }
  }
  const g0 = at(first).phaseRad
  const toZero = (rate < 0 ? wrapTwoPi(g0) : wrapTwoPi(-g0)) / Math.abs(rate)
  let best: { tb: number; arrival: Arrival } | null = null
  for (let guess = first + toZero; guess <= first + maxWaitS + synodic / 2; guess += synodic) {
    const found = refine(at, guess, rate, first, step)
    if (found.tb - first > maxWaitS) break
    if (found.arrival.gapM <= MAX_GAP_M) return { ok: true, ...found }
    if (!best || found.arrival.gapM < best.arrival.gapM) best = found
  }
  if (!best) {
    return {
      ok: false,
      reason: `would not drift into phase within ${hours(maxWaitS)} h (one cycle takes ${hours(synodic)} h)`,
    }
  }
  return {
    ok: false,
    reason: `would miss the slot by ${km(best.arrival.gapM)} km at best within ${hours(maxWaitS)} h`,
  }
}

/** Newton steps on the grid toward zero phase error, then the best of the neighbouring steps. */
function refine(
  at: (tb: number) => Arrival,
  guess: number,
  rate: number,
  first: number,
  step: number,
): { tb: number; arrival: Arrival } {
  const grid = (t: number) => Math.max(first, Math.round(t / step) * step)
  let tb = grid(guess)
  for (let it = 0; it < 12; it++) {
    const next = grid(tb - at(tb).phaseRad / rate)
    if (next === tb) break
    tb = next
  }
  let best = { tb, arrival: at(tb) }
  for (const t of [tb - step, tb + step]) {
    if (t < first) continue
    const a = at(t)
    if (a.gapM < best.arrival.gapM) best = { tb: t, arrival: a }
  }
  return best
}
