// Each satellite's display status from its flags, once per step: decayed, failed, manoeuvring
// (a burn within the last MANEUVER_DISPLAY_S, or one still queued), alerted, safe or nominal.

import {
  type SimState,
  STATUS_ALERT,
  STATUS_DECAYED,
  STATUS_FAILED,
  STATUS_MANEUVERING,
  STATUS_NOMINAL,
  STATUS_SAFE,
} from './state'
import type { World } from './world'

/** A burn within this many seconds keeps a satellite shown as manoeuvring. */
const MANEUVER_DISPLAY_S = 600

// Read once: where the sources run through a CommonJS transform (tsx: the CLI, the benchmarks),
// every use of an imported name is a getter call, and this loop runs per satellite per step.
const NOMINAL = STATUS_NOMINAL
const DECAYED = STATUS_DECAYED
const FAILED = STATUS_FAILED
const MANEUVERING = STATUS_MANEUVERING
const ALERT = STATUS_ALERT
const SAFE = STATUS_SAFE

export function updateStatus(world: World, s: SimState): void {
  const { failed, lastBurnS, alerted, safe, status, decayedAtS } = s
  const t = s.t
  for (let k = 0; k < world.satCount; k++) {
    let st = NOMINAL
    if (!Number.isNaN(decayedAtS[k])) st = DECAYED
    else if (failed[k] !== 0) st = FAILED
    else if (t - lastBurnS[k] < MANEUVER_DISPLAY_S) st = MANEUVERING
    else if (alerted[k] !== 0) st = ALERT
    else if (safe[k] !== 0) st = SAFE
    status[k] = st
  }
  // A burn still queued shows as manoeuvring too, unless the satellite is lost.
  for (const p of s.pending) {
    const k = world.satIndex.get(p.satellite)!
    if (Number.isNaN(decayedAtS[k]) && failed[k] === 0) status[k] = MANEUVERING
  }
}
