// Builds the WorldView a planner receives from plain ViewData: the data frozen, plus prediction
// helpers that propagate copies and never touch the engine's state. The engine (in-process
// planners) and an isolated planner's thread (guest) both build views here, so a planner sees
// exactly the same numbers on either side of the boundary.

import { targetInFootprint } from '../geometry'
import type { ComponentName } from '../spec'
import { gmstRad } from '../time'
import type { WorldView } from '../view'
import type { Ctx } from './context'
import { telemetryWindow } from './health'
import type { Propagator } from './propagator'
import { socOf, type TelemetryRing, type ViewData, viewData } from './view-data'
import type { World } from './world'

export { socOf }

/** Most samples one `visibilityWindows` call may take (a year at a 5-minute step, about). */
export const MAX_VISIBILITY_SAMPLES = 200_000

/** What predictions need: the fixed world and a propagator holding the current elements. */
export interface Predictor {
  world: World
  prop: Propagator
}

/** Satellite k's predicted Earth-fixed position at tS (m), into out[0..2]. */
function predictEcef(pr: Predictor, k: number, tS: number, out: Float64Array): void {
  pr.prop.propagateOne(k, tS, out)
  const g = gmstRad(pr.world.spec.epochMs + tS * 1000)
  const c = Math.cos(g)
  const sn = Math.sin(g)
  const x = out[0]
  const y = out[1]
  out[0] = c * x + sn * y
  out[1] = -sn * x + c * y
}

/** Whether station j sees satellite k at tS (ignoring outages). */
export function predictVisible(
  pr: Predictor,
  k: number,
  j: number,
  tS: number,
  scratch: Float64Array,
): boolean {
  predictEcef(pr, k, tS, scratch)
  const f = pr.world.stationFrames
  const o = 6 * j
  const dx = scratch[0] - f[o]
  const dy = scratch[1] - f[o + 1]
  const dz = scratch[2] - f[o + 2]
  const up = dx * f[o + 3] + dy * f[o + 4] + dz * f[o + 5]
  return up >= pr.world.sinMask[j] * Math.hypot(dx, dy, dz)
}

/** Freezes plain objects and arrays all the way down (typed arrays cannot be frozen; none are here). */
export function deepFreeze<T>(x: T): T {
  if (typeof x !== 'object' || x === null || Object.isFrozen(x) || ArrayBuffer.isView(x)) return x
  for (const v of Object.values(x)) deepFreeze(v)
  return Object.freeze(x)
}

function index(what: string, i: unknown, count: number): number {
  if (!Number.isInteger(i) || (i as number) < 0 || (i as number) >= count)
    throw new RangeError(`${what} index must be an integer from 0 to ${count - 1}, got ${String(i)}`)
  return i as number
}

/** The planner's WorldView over `data`, with helpers reading `pr` and the telemetry `ring`. */
export function viewFromData(pr: Predictor, data: ViewData, ring: TelemetryRing): WorldView {
  const { world } = pr
  const spec = world.spec
  const scratch = new Float64Array(6)
  const sats = world.satCount
  deepFreeze(data)
  return Object.freeze({
    ...data,
    epochMs: spec.epochMs,
    stepS: spec.stepS,
    durationS: spec.durationS,
    plannerCadenceS: spec.plannerCadenceS,
    failureHealth: spec.components.failureHealth,
    j2: spec.j2,
    telemetry: (k: number, component: ComponentName) =>
      telemetryWindow(world, ring, index('satellite', k, sats), component),
    predictPosition: ((k: number, tS: number, out?: Float64Array) => {
      pr.prop.propagateOne(index('satellite', k, sats), tS, scratch)
      if (!out) return [scratch[0], scratch[1], scratch[2]]
      out[0] = scratch[0]
      out[1] = scratch[1]
      out[2] = scratch[2]
      return out
    }) as WorldView['predictPosition'],
    visibilityWindows(k: number, j: number, fromS: number, toS: number, sampleS = spec.stepS) {
      index('satellite', k, sats)
      index('station', j, world.stations.length)
      if (!(Number.isFinite(sampleS) && sampleS > 0))
        throw new RangeError(`visibilityWindows: sampleS must be a number > 0, got ${sampleS}`)
      if (!Number.isFinite(fromS) || !Number.isFinite(toS))
        throw new RangeError(`visibilityWindows: fromS and toS must be finite, got ${fromS} and ${toS}`)
      const n = Math.floor((toS - fromS) / sampleS)
      if (n > MAX_VISIBILITY_SAMPLES)
        throw new RangeError(
          `visibilityWindows: ${n} samples asked, the limit is ${MAX_VISIBILITY_SAMPLES}; use a larger sampleS or a shorter span`,
        )
      const windows: [number, number][] = []
      let open = Number.NaN
      // A counted loop: t += sampleS could stop advancing at large t (1e20 + 60 === 1e20).
      for (let i = 0; i <= n; i++) {
        const t = fromS + i * sampleS
        const see = predictVisible(pr, k, j, t, scratch)
        if (see && Number.isNaN(open)) open = t
        if (!see && !Number.isNaN(open)) {
          windows.push([open, t - sampleS])
          open = Number.NaN
        }
      }
      if (!Number.isNaN(open)) windows.push([open, toS])
      return windows
    },
    canImage(k: number, q: number, tS: number) {
      predictEcef(pr, index('satellite', k, sats), tS, scratch)
      const g = 3 * index('task', q, world.tasks.length)
      const tg = world.targetEcef
      return targetInFootprint(
        scratch[0],
        scratch[1],
        scratch[2],
        tg[g],
        tg[g + 1],
        tg[g + 2],
        world.cosOffNadir[k],
      )
    },
  })
}

/** The view an in-process planner gets: fresh frozen data over the engine's own propagator. */
export function buildView(ctx: Ctx, plannerId: string, trigger: string): WorldView {
  return viewFromData(ctx, viewData(ctx, plannerId, trigger), ctx.s)
}
