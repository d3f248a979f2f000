// Which slots are empty and which spares may fill them, derived from the view alone.
//
// Planners keep no memory between calls, so everything is read off the world as it is now:
// - a vacancy is an active satellite that failed or was retired by a maintenance planner; its
//   dead body keeps orbiting in the slot, so the slot's position is the body's position;
// - a vacancy is filled when some other working satellite in its plane is within the engine's
//   slot tolerance of it (a promoted spare, or a spare parked there for a retired satellite);
// - a spare with burns still pending is on its way somewhere: it covers the first open vacancy
//   in its plane (in id order), so a recovery under way is never planned twice;
// - the other spares are free if they can burn (working thruster, Keplerian orbit, near-circular,
//   not retired) and are not themselves parked in a vacant slot.
// It does not read pending burns' details (the view only counts them): with two vacancies in
// one plane, which spare "covers" which is a bookkeeping choice; both end up covered.

import type { SatelliteView, WorldView } from '../../core'
import { SLOT_TOLERANCE_M } from '../../core'
import { distance, type Orbit, orbitOf, planeAngle } from './orbit-model'

/** Planes further apart than this are different planes: only a plane change could bridge them. */
export const SAME_PLANE_RAD = (1 * Math.PI) / 180
/** A spare whose orbit is more eccentric than this is not in a parking orbit (mid-transfer?). */
const MAX_PARKING_E = 0.01

export interface SlotBook {
  /** Empty slots no spare is heading for yet, in id order. */
  open: SatelliteView[]
  /** Spares free to be sent, in id order. */
  free: SatelliteView[]
  /** Why some spares cannot be sent at all (for rationales). */
  unusable: string[]
}

const bySatId = (a: SatelliteView, b: SatelliteView): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

export function readSlots(view: WorldView, j2: boolean, busy: ReadonlySet<string> = new Set()): SlotBook {
  const sats = [...view.satellites].sort(bySatId)
  const vacancies = sats.filter((s) => s.role === 'active' && (s.failed || s.retired))
  const working = sats.filter((s) => !s.failed && !s.retired)
  const orbits = new Map<string, Orbit>(sats.map((s) => [s.id, orbitOf(s, view, j2)]))
  const coplanar = (a: SatelliteView, b: SatelliteView) =>
    planeAngle(orbits.get(a.id)!, orbits.get(b.id)!, view.timeS) <= SAME_PLANE_RAD
  // Coplanar too: a satellite of another plane may pass close by where the planes cross.
  const isFilled = (v: SatelliteView) =>
    working.some(
      (w) => w.id !== v.id && distance(w.positionEciM, v.positionEciM) <= SLOT_TOLERANCE_M && coplanar(w, v),
    )

  const open = vacancies.filter((v) => !isFilled(v))
  const spares = sats.filter((s) => s.role === 'spare' && !s.failed)
  for (const s of spares) {
    if (s.pendingManeuvers === 0 || busy.has(s.id)) continue
    const covered = open.findIndex((v) => coplanar(s, v))
    if (covered >= 0) open.splice(covered, 1)
  }
  const free: SatelliteView[] = []
  const unusable: string[] = []
  for (const s of spares) {
    if (s.pendingManeuvers > 0 || busy.has(s.id)) continue
    const parked = (v: SatelliteView) =>
      distance(s.positionEciM, v.positionEciM) <= SLOT_TOLERANCE_M && coplanar(s, v)
    if (vacancies.some(parked)) continue
    const why = s.retired
      ? 'is retired'
      : !s.thrusterOk
        ? 'has no working thruster'
        : s.isTle
          ? 'follows a published TLE and cannot be steered'
          : s.elements.e > MAX_PARKING_E
            ? `is not in a circular parking orbit (e = ${s.elements.e.toFixed(3)})`
            : null
    if (why) unusable.push(`${s.id} ${why}`)
    else free.push(s)
  }
  return { open, free, unusable }
}
