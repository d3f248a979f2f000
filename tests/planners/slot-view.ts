// A hand-made view for the slot-book and recovery-skeleton tests: satellites on 550 km circular
// orbits whose plane is set by node and inclination, whose position is put where a test needs it
// (exact distances, no propagation), and whose state (failed, retired, pending burns, thruster,
// TLE, eccentricity) is edited onto what the engine reports.

import {
  createSimulation,
  DEG,
  type KeplerElements,
  R_EARTH,
  type SatelliteView,
  type WorldView,
} from '../../src/core'
import { makeSpec, TEST_BUS } from '../support/spec-fixture'

export const SLOT_RADIUS_M = R_EARTH + 550e3

export interface Body {
  id: string
  role?: 'active' | 'spare'
  /** Node of its plane, degrees (default 0). */
  raanDeg?: number
  /** Inclination of its plane, degrees (default 53). */
  incDeg?: number
  /** Its position is (x, 0, 0) m; by default each body gets its own, 1000 km from any other. */
  x?: number
  /** Eccentricity the view reports (the orbit itself stays circular). */
  e?: number
  /** Elements the view reports exactly, over what the engine's state gives (which has round-off). */
  el?: Partial<KeplerElements>
  edit?: Partial<SatelliteView>
}

export function slotView(bodies: Body[], durationS = 6 * 3600): WorldView {
  const spec = makeSpec({
    j2: false,
    durationS,
    groundStations: [],
    tasks: [],
    events: [],
    satellites: bodies.map((b) => ({
      id: b.id,
      role: b.role ?? 'active',
      bus: TEST_BUS,
      orbit: {
        kind: 'kepler' as const,
        elements: {
          a: SLOT_RADIUS_M,
          e: 0,
          i: (b.incDeg ?? 53) * DEG,
          raan: (b.raanDeg ?? 0) * DEG,
          argp: 0,
          m0: 0,
        },
      },
    })),
  })
  const view = createSimulation(spec).view()
  const byId = new Map(bodies.map((b, k) => [b.id, { b, k }]))
  return {
    ...view,
    satellites: view.satellites.map((s) => {
      const { b, k } = byId.get(s.id)!
      const position: [number, number, number] = [b.x ?? SLOT_RADIUS_M + k * 1e6, 0, 0]
      const elements = { ...s.elements, ...(b.e === undefined ? {} : { e: b.e }), ...b.el }
      return { ...s, positionEciM: position, elements, ...b.edit }
    }),
  }
}

export const ids = (sats: readonly SatelliteView[]): string[] => sats.map((s) => s.id)
