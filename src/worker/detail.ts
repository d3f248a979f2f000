// The selected satellite's detail for the inspector: its state, bus, components with their
// measured telemetry, its link now and its next contact. The next-contact search propagates
// twelve hours ahead, so its answer is cached per strategy and reused while it still holds.

import type { Simulation } from '../core'
import { COMPONENT_NAMES } from '../core/spec'
import type { SatelliteDetail } from './protocol'

/** How far ahead the inspector looks for the next contact. */
const CONTACT_HORIZON_S = 12 * 3600
/** A cached next contact is searched again after this many simulated seconds. */
const CONTACT_REUSE_S = 1800

type NextContact = SatelliteDetail['nextContact']

/** Per strategy, the last next-contact search: for satellite k from time fromS. */
export type ContactCache = Map<string, { k: number; fromS: number; value: NextContact }>

function nextContact(
  strategy: string,
  sim: Simulation,
  k: number,
  view: ReturnType<Simulation['view']>,
  cache: ContactCache,
): NextContact {
  const t = sim.time()
  const cached = cache.get(strategy)
  if (
    cached &&
    cached.k === k &&
    t >= cached.fromS &&
    t - cached.fromS < CONTACT_REUSE_S &&
    (cached.value === null || t <= cached.value.endS)
  )
    return cached.value
  const sampleS = Math.max(30, sim.spec.stepS)
  let best: NextContact = null
  view.stations.forEach((station, j) => {
    const windows = view.visibilityWindows(k, j, t, t + CONTACT_HORIZON_S, sampleS)
    const w = windows.find(([, end]) => end >= t)
    if (w && (best === null || w[0] < best.startS)) best = { station: station.id, startS: w[0], endS: w[1] }
  })
  cache.set(strategy, { k, fromS: t, value: best })
  return best
}

/** Satellite `id`'s detail in this engine, or null when the scenario has no such satellite. */
export function satelliteDetail(
  strategy: string,
  sim: Simulation,
  id: string,
  cache: ContactCache,
): SatelliteDetail | null {
  const world = sim.world
  const k = world.satIndex.get(id)
  if (k === undefined) return null
  const s = sim.state()
  const view = sim.view()
  const sat = view.satellites[k]
  const components = COMPONENT_NAMES.map((component, c) => {
    const tel = view.telemetry(k, component)
    return {
      component,
      health: s.health[k * COMPONENT_NAMES.length + c],
      failed: !Number.isNaN(s.componentFailedAtS[k * COMPONENT_NAMES.length + c]),
      t: Array.from(tel.t),
      v: Array.from(tel.v),
    }
  })
  const [vx, vy, vz] = sat.velocityEciMS
  const link = s.linkStation[k]
  const spec = world.sats[k]
  return {
    id,
    index: k,
    role: sat.role,
    status: sat.status,
    plane: sat.plane ?? null,
    slot: sat.slot ?? null,
    isTle: sat.isTle,
    elements: sat.elements,
    latDeg: (sat.latRad * 180) / Math.PI,
    lonDeg: (sat.lonRad * 180) / Math.PI,
    altKm: sat.altM / 1000,
    speedKmS: Math.hypot(vx, vy, vz) / 1000,
    sunlit: sat.sunlit,
    soc: sat.soc,
    minSoc: sat.bus.minSoc,
    storageUsedMb: sat.storageUsedBits / 1e6,
    storageMb: sat.bus.storageBits / 1e6,
    propellantKg: sat.propellantKg,
    propellantStartKg: spec.bus.propellantKg,
    thrusterOk: sat.thrusterOk,
    mode: sat.mode,
    pendingManeuvers: sat.pendingManeuvers,
    components,
    linkStation: link >= 0 ? (world.stations[link]?.id ?? null) : null,
    nextContact: nextContact(strategy, sim, k, view, cache),
  }
}
