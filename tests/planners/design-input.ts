// What a slot-recovery design is handed, built for the design tests: from a real view of a
// scenario (designInput), or for a spare and a slot in one circular plane with no J2
// (coplanarInput), where the textbook two-body formulas are the truth the designs must meet.

import { expect } from 'vitest'
import { createSimulation, DEG, MU_EARTH, type SatelliteSpec, type WorldView } from '../../src/core'
import { orbitOf } from '../../src/planners/trajectory/orbit-model'
import type { Design, DesignInput } from '../../src/planners/trajectory/recovery'
import { earliestBurn } from '../../src/planners/trajectory/timing'
import { makeSpec, TEST_BUS } from '../support/spec-fixture'

/** Everything a design needs to send `spareId` to `targetId`'s slot, read from a view. */
export function designInput(view: WorldView, spareId: string, targetId: string, j2: boolean): DesignInput {
  const spare = view.satellites.find((s) => s.id === spareId)!
  const target = view.satellites.find((s) => s.id === targetId)!
  return {
    view,
    spare,
    target,
    spareOrbit: orbitOf(spare, view, j2),
    targetOrbit: orbitOf(target, view, j2),
    first: earliestBurn(view),
    step: view.stepS,
  }
}

export function designed(d: Design | { skip: string }): Design {
  if ('skip' in d) throw new Error(`expected a design, got the skip: ${d.skip}`)
  return d
}

export interface CoplanarCase {
  /** Circular radius of the spare's parking orbit, m. */
  spareA: number
  /** Circular radius of the slot, m. */
  targetA: number
  /** Where the spare is at the epoch (argument of latitude, degrees); the slot is at 0. */
  spareM0Deg?: number
  /** Node of the spare's plane, degrees (the slot's is 0). */
  spareRaanDeg?: number
  stepS?: number
  durationS?: number
}

/**
 * A spare and a slot (satellite SLOT) in 53° circular orbits with no J2. The view's elements
 * come back from the propagated state, off by round-off: the radii are pinned to the asked ones.
 */
export function coplanarInput(c: CoplanarCase): DesignInput {
  const sat = (
    id: string,
    role: 'active' | 'spare',
    a: number,
    raanDeg: number,
    m0Deg: number,
  ): SatelliteSpec => ({
    id,
    role,
    bus: TEST_BUS,
    orbit: {
      kind: 'kepler',
      elements: { a, e: 0, i: 53 * DEG, raan: raanDeg * DEG, argp: 0, m0: m0Deg * DEG },
    },
  })
  const spec = makeSpec({
    stepS: c.stepS ?? 5,
    j2: false,
    durationS: c.durationS ?? 200 * 3600,
    groundStations: [],
    tasks: [],
    events: [],
    satellites: [
      sat('SLOT', 'active', c.targetA, 0, 0),
      sat('SPARE', 'spare', c.spareA, c.spareRaanDeg ?? 0, c.spareM0Deg ?? 0),
    ],
  })
  const input = designInput(createSimulation(spec).view(), 'SPARE', 'SLOT', false)
  const pin = (o: DesignInput['spareOrbit'], a: number) => ({ ...o, el: { ...o.el, a } })
  expect(Math.abs(input.spareOrbit.el.a - c.spareA)).toBeLessThan(1)
  return {
    ...input,
    spareOrbit: pin(input.spareOrbit, c.spareA),
    targetOrbit: pin(input.targetOrbit, c.targetA),
  }
}

/**
 * A spare high above a low slot (7000 km), same plane: a radius ratio where bi-elliptic can
 * beat Hohmann (Curtis Example 6.3 uses 7000 km → 105,000 km through 210,000 km). A 5 s step
 * lets the window search put the arrival within the slot check at these speeds.
 */
export const farSpareInput = (spareRadiusM: number): DesignInput =>
  coplanarInput({ spareA: spareRadiusM, targetA: 7000e3 })

export const vis = (r: number, a: number) => Math.sqrt(MU_EARTH * (2 / r - 1 / a))
export const circular = (r: number) => Math.sqrt(MU_EARTH / r)
/** Period of an orbit of semi-major axis a, s. */
export const period = (a: number) => 2 * Math.PI * Math.sqrt(a ** 3 / MU_EARTH)
