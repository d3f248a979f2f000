// Impulsive manoeuvres: a Δv at an instant changes the velocity, the rocket equation takes its
// propellant, and the orbit is re-based on the new state. A burn the satellite cannot perform
// is refused with the reason in the log; nothing else changes.

import { G0 } from '../constants'
import type { DeltaV } from '../decisions'
import { stateToElements } from '../kepler'
import type { Ctx } from './context'
import type { PendingManeuver } from './state'

/** Upper bound on a single impulse, m/s: anything larger is a planner bug, not a manoeuvre. */
export const MAX_IMPULSE_MS = 5000

/** Writes the ECI Δv for satellite k into out[0..2], from its current position and velocity. */
export function deltaVToEci(
  dv: DeltaV,
  pos: Float64Array,
  vel: Float64Array,
  k: number,
  out: Float64Array,
): void {
  if (dv.frame === 'eci') {
    out[0] = dv.x
    out[1] = dv.y
    out[2] = dv.z
    return
  }
  const o = 3 * k
  const rx = pos[o]
  const ry = pos[o + 1]
  const rz = pos[o + 2]
  const vx = vel[o]
  const vy = vel[o + 1]
  const vz = vel[o + 2]
  const r = Math.hypot(rx, ry, rz)
  // Radial R = r̂, normal N = (r × v)/|r × v|, transverse T = N × R (along-track for circular orbits).
  let nx = ry * vz - rz * vy
  let ny = rz * vx - rx * vz
  let nz = rx * vy - ry * vx
  const h = Math.hypot(nx, ny, nz)
  nx /= h
  ny /= h
  nz /= h
  const ux = rx / r
  const uy = ry / r
  const uz = rz / r
  const tx = ny * uz - nz * uy
  const ty = nz * ux - nx * uz
  const tz = nx * uy - ny * ux
  out[0] = dv.r * ux + dv.t * tx + dv.n * nx
  out[1] = dv.r * uy + dv.t * ty + dv.n * ny
  out[2] = dv.r * uz + dv.t * tz + dv.n * nz
}

export function deltaVMagnitude(dv: DeltaV): number {
  return dv.frame === 'eci' ? Math.hypot(dv.x, dv.y, dv.z) : Math.hypot(dv.r, dv.t, dv.n)
}

/** Propellant (kg) a burn of dvMag m/s costs a spacecraft of wet mass m0 with this Isp. */
export function propellantFor(dvMag: number, m0: number, ispS: number): number {
  return m0 * (1 - Math.exp(-dvMag / (ispS * G0)))
}

/** Why satellite k cannot burn dvMag m/s now, or null when it can. */
export function burnRefusal(ctx: Ctx, k: number, dvMag: number, extraPropellantKg = 0): string | null {
  const { world, s } = ctx
  const id = world.sats[k].id
  if (s.failed[k] !== 0) return `${id} has failed`
  if (ctx.prop.isTle(k)) return `${id} is a TLE satellite: its orbit follows the published elements`
  // failComponent (health.ts) is the one writer of both thrusterOk and the thruster's failure
  // time and sets them together, so thrusterOk alone says whether the thruster works.
  if (s.thrusterOk[k] === 0) return `${id} has no working thruster`
  if (!Number.isFinite(dvMag) || dvMag > MAX_IMPULSE_MS)
    return `Δv of ${dvMag} m/s is not a valid impulse (limit ${MAX_IMPULSE_MS} m/s)`
  const bus = world.sats[k].bus
  const left = s.propellantKg[k] - extraPropellantKg
  const need = propellantFor(dvMag, bus.dryMassKg + left, bus.ispS)
  if (need > left + 1e-9)
    return `${id} needs ${need.toFixed(2)} kg of propellant for ${dvMag.toFixed(1)} m/s but has ${Math.max(0, left).toFixed(2)} kg`
  return null
}

const dvEci = new Float64Array(3)

/** Executes a due burn at the current time, or logs why it cannot. Returns whether it burned. */
export function executeManeuver(ctx: Ctx, m: PendingManeuver): boolean {
  const { world, s, log } = ctx
  const k = world.satIndex.get(m.satellite)!
  const mag = deltaVMagnitude(m.dv)
  const refusal = burnRefusal(ctx, k, mag)
  if (refusal) {
    log({
      t: s.t,
      type: 'maneuverRefused',
      satellite: m.satellite,
      planner: m.planner,
      message: `Burn refused: ${refusal}.`,
      data: { dvMS: mag },
    })
    return false
  }
  const bus = world.sats[k].bus
  const used = propellantFor(mag, bus.dryMassKg + s.propellantKg[k], bus.ispS)
  deltaVToEci(m.dv, s.pos, s.vel, k, dvEci)
  const o = 3 * k
  s.vel[o] += dvEci[0]
  s.vel[o + 1] += dvEci[1]
  s.vel[o + 2] += dvEci[2]
  const el = stateToElements(s.pos.subarray(o, o + 3), s.vel.subarray(o, o + 3))
  ctx.prop.rebase(k, el, s.t)
  s.propellantKg[k] -= used
  s.acc.dvSpent += mag
  s.lastBurnS[k] = s.t
  log({
    t: s.t,
    type: 'maneuverExecuted',
    satellite: m.satellite,
    planner: m.planner,
    message: `${m.satellite} burned ${mag.toFixed(2)} m/s (${m.purpose}), ${used.toFixed(2)} kg of propellant: ${m.rationale}`,
    data: {
      dvMS: mag,
      propellantKg: used,
      aKm: el.a / 1000,
      purpose: m.purpose,
      ...(m.replaces ? { replaces: m.replaces } : {}),
    },
  })
  return true
}
