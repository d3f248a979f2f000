// One propagator over the whole fleet: the structure-of-arrays Keplerian set for indices
// 0..keplerCount-1 and satellite.js SGP4 for the element-set (TLE, OMM) satellites after them. It
// also says what each orbit is (`orbitOf`) and counts the changes (`revision`), so a display can
// redraw an orbit from the same facts the engine propagates instead of inferring them from positions.

import { stateToElements } from '../kepler'
import { KeplerSet } from '../kepler-set'
import { createElementSetOrbit, type TleOrbit } from '../sgp4'
import type { ElementSetOrbit, KeplerElements } from '../spec'
import type { World } from './world'
import { keplerElementsOf } from './world'

/**
 * A satellite's orbit as the engine propagates it: Keplerian elements that hold at `epochS`
 * (seconds after the scenario epoch; the burn time after a manoeuvre), or the published element
 * set (TLE or OMM).
 */
export type OrbitFact = { kind: 'kepler'; elements: KeplerElements; epochS: number } | ElementSetOrbit

export interface Propagator {
  /**
   * Writes ECI position (m) and velocity (m/s) of every satellite at tS. A TLE satellite SGP4
   * cannot propagate (it decayed) is marked in `decayed` and keeps its last good state; one
   * already marked is not propagated again.
   */
  propagateAll(tS: number, pos: Float64Array, vel: Float64Array, decayed: Uint8Array): void
  /**
   * One satellite's state at tS into out[0..5]; NaN when SGP4 reports an error (the satellite has
   * re-entered by then), never the state of an earlier call.
   */
  propagateOne(k: number, tS: number, out: Float64Array): void
  /** After a burn: these are satellite k's osculating elements at time tS. */
  rebase(k: number, el: KeplerElements, tS: number): void
  isTle(k: number): boolean
  /** A copy of the propagator's mutable elements, for snapshots. */
  save(): Float64Array
  load(data: Float64Array): void
  /** Satellite k's orbit now (a new object each call). */
  orbitOf(k: number): OrbitFact
  /** Increases with every rebase and every load that changed elements: an orbit may have changed since. */
  revision(): number
}

export function createPropagator(world: World, j2: boolean): Propagator {
  const set = new KeplerSet(keplerElementsOf(world), world.spec.stepS)
  const nk = world.keplerCount
  const tles: TleOrbit[] = world.sats.slice(nk).map((s) => {
    if (s.orbit.kind === 'kepler') throw new Error('internal: satellite order')
    return createElementSetOrbit(s.orbit)
  })
  const epochMs = world.spec.epochMs
  const one = new Float64Array(3)
  const oneV = new Float64Array(3)
  let revision = 0
  return {
    propagateAll(tS, pos, vel, decayed) {
      set.propagate(tS, j2, pos, vel)
      for (let j = 0; j < tles.length; j++) {
        if (decayed[nk + j] !== 0) continue
        if (!tles[j].propagate(epochMs + tS * 1000, pos, vel, 3 * (nk + j))) decayed[nk + j] = 1
      }
    },
    propagateOne(k, tS, out) {
      if (k < nk) {
        set.stateAt(k, tS, j2, out, 0)
        return
      }
      if (!tles[k - nk].propagate(epochMs + tS * 1000, one, oneV, 0)) {
        // SGP4 left its outputs as they were: another satellite's state, or this one's earlier.
        out.fill(Number.NaN, 0, 6)
        return
      }
      out[0] = one[0]
      out[1] = one[1]
      out[2] = one[2]
      out[3] = oneV[0]
      out[4] = oneV[1]
      out[5] = oneV[2]
    },
    rebase(k, el, tS) {
      if (k >= nk) throw new Error('internal: TLE satellites cannot be rebased')
      set.rebase(k, el, tS)
      revision++
    },
    isTle: (k) => k >= nk,
    save: () => set.snapshot(),
    load(data) {
      if (set.restore(data)) revision++
    },
    orbitOf(k) {
      const orbit = world.sats[k].orbit
      if (orbit.kind === 'tle')
        return { kind: 'tle', name: orbit.name, line1: orbit.line1, line2: orbit.line2 }
      if (orbit.kind === 'omm') return { kind: 'omm', name: orbit.name, omm: { ...orbit.omm } }
      const { t0, ...elements } = set.baseElements(k)
      return { kind: 'kepler', elements, epochS: t0 }
    },
    revision: () => revision,
  }
}

/** Osculating elements from a state vector in out[0..5] (for views of TLE satellites too). */
export function elementsFromState(state: Float64Array): KeplerElements {
  return stateToElements(state.subarray(0, 3), state.subarray(3, 6))
}
