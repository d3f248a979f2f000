// Component health: scripted degradation profiles move the true health; telemetry samples it
// with seeded noise; crossing the failure limit fails the component, and a failed reaction
// wheel or battery loses the satellite. Planners only ever see the noisy telemetry.

import type { SimEvent } from '../events'
import { afterNormal, normalFrom } from '../rng'
import { COMPONENT_NAMES, type ComponentName } from '../spec'
import type { TelemetryRing } from './planner-io'
import { NC, type SimState, STATUS_DECAYED, STATUS_FAILED } from './state'
import type { World } from './world'

export const PROFILE_NONE = 0
export const PROFILE_LINEAR = 1
export const PROFILE_EXPONENTIAL = 2

/** Advances every degrading component to time s.t and fails those that crossed the limit. */
export function healthPass(world: World, s: SimState, log: (e: SimEvent) => void): void {
  const limit = world.spec.components.failureHealth
  const kinds = s.profileKind
  for (let idx = 0; idx < kinds.length; idx++) {
    const kind = kinds[idx]
    if (kind === PROFILE_NONE) continue
    if (!Number.isNaN(s.componentFailedAtS[idx])) continue
    const tau = s.t - s.onsetS[idx]
    if (tau < 0) continue
    let h: number
    if (kind === PROFILE_LINEAR) h = 1 - s.profileA[idx] * tau
    else h = 1 - s.profileB[idx] * (Math.exp(tau / s.profileA[idx]) - 1)
    if (h < 0) h = 0
    if (h < s.health[idx]) s.health[idx] = h
    if (h <= limit) {
      const k = Math.floor(idx / NC)
      failComponent(world, s, k, COMPONENT_NAMES[idx % NC], 'its health crossed the failure limit', log)
    }
  }
}

/** Marks a component failed (idempotent) and, for a wheel or battery, the satellite too. */
export function failComponent(
  world: World,
  s: SimState,
  k: number,
  component: ComponentName,
  why: string,
  log: (e: SimEvent) => void,
): void {
  const idx = k * NC + COMPONENT_NAMES.indexOf(component)
  if (!Number.isNaN(s.componentFailedAtS[idx])) return
  s.componentFailedAtS[idx] = s.t
  if (s.health[idx] > world.spec.components.failureHealth) s.health[idx] = 0
  const id = world.sats[k].id
  log({
    t: s.t,
    type: 'componentFailed',
    satellite: id,
    component,
    message: `${id} ${component} failed: ${why}.`,
  })
  if (component === 'thruster') s.thrusterOk[k] = 0
  else failSatellite(world, s, k, `its ${component} failed`, log)
}

/**
 * A satellite SGP4 reports as decayed has re-entered: it is lost like a failed one (it stops
 * counting as working, its data and tasks are gone) but shown and logged as decayed.
 */
export function decaySatellite(world: World, s: SimState, k: number, log: (e: SimEvent) => void): void {
  if (!Number.isNaN(s.decayedAtS[k])) return
  s.decayedAtS[k] = s.t
  const id = world.sats[k].id
  const why =
    s.t === 0
      ? 'SGP4 reports its orbit had already decayed at the scenario epoch (it re-entered before the run)'
      : 'SGP4 reports its orbit has decayed (it re-entered)'
  loseSatellite(s, k)
  s.status[k] = STATUS_DECAYED
  log({ t: s.t, type: 'satelliteDecayed', satellite: id, message: `${id} lost: ${why}.` })
}

export function failSatellite(
  world: World,
  s: SimState,
  k: number,
  why: string,
  log: (e: SimEvent) => void,
): void {
  if (s.failed[k] !== 0) return
  loseSatellite(s, k)
  const id = world.sats[k].id
  log({ t: s.t, type: 'satelliteFailed', satellite: id, message: `${id} lost: ${why}.` })
}

/** What losing a satellite does, whatever the cause (idempotent). */
function loseSatellite(s: SimState, k: number): void {
  if (s.failed[k] !== 0) return
  s.failed[k] = 1
  s.acc.satellitesFailed++
  s.status[k] = STATUS_FAILED
  s.storageBits[k] = 0
  for (const rec of s.tasks) {
    if (rec.capturedBy === k && rec.bitsOnBoard > 0) {
      rec.bitsOnBoard = 0
      rec.state = 'expired'
    }
    if (rec.assignedTo === k && rec.state !== 'delivered') rec.assignedTo = -1
  }
}

/** Writes one telemetry sample of every channel into the ring buffer (seeded noise). */
export function sampleTelemetry(world: World, s: SimState): void {
  const n = world.satCount
  const w = world.telemetryWindow
  const slot = s.telemetryCount % w
  s.telemetryT[slot] = s.t
  const sigma = world.spec.components.noiseSigma * (!Number.isNaN(s.stormEndS) ? s.stormNoise : 1)
  // Read once (an imported name is a getter call per use under tsx's CommonJS); the generator's
  // state stays in a local rather than behind an Rng object's closure.
  const nc = NC
  const draw = normalFrom
  const advance = afterNormal
  let state = s.rng
  const base = slot * n * nc
  const { telemetryV, failed, health } = s
  // Channel order (satellite, then component) is the order the noise is drawn in.
  for (let k = 0, idx = 0; k < n; k++) {
    if (failed[k] !== 0) {
      for (let c = 0; c < nc; c++, idx++) telemetryV[base + idx] = Number.NaN
      continue
    }
    for (let c = 0; c < nc; c++, idx++) {
      telemetryV[base + idx] = health[idx] + sigma * draw(state)
      state = advance(state)
    }
  }
  s.rng = state
  s.telemetryCount++
}

/** The last samples of one channel, oldest first (copies; planners may keep them). */
export function telemetryWindow(
  world: World,
  s: TelemetryRing,
  k: number,
  component: ComponentName,
): { t: Float64Array; v: Float64Array } {
  const w = world.telemetryWindow
  const count = Math.min(s.telemetryCount, w)
  const t = new Float64Array(count)
  const v = new Float64Array(count)
  const idx = k * NC + COMPONENT_NAMES.indexOf(component)
  const stride = world.satCount * NC
  for (let j = 0; j < count; j++) {
    const slot = (s.telemetryCount - count + j) % w
    t[j] = s.telemetryT[slot]
    v[j] = s.telemetryV[slot * stride + idx]
  }
  return { t, v }
}
