// A run as CZML, the time-dynamic format CesiumJS loads as it is: a document packet with the
// clock, one packet per satellite (sampled ECI positions with Lagrange interpolation,
// availability, point colour by status over time), one per ground station, and one per contact
// window (a polyline between the satellite and the station, shown only during the window).
// Positions are the engine's ECI frame (TEME for SGP4 satellites), given as Cesium's INERTIAL.

import type { SimReport } from '../engine/report'
import type { StationSpec } from '../spec'
import type { StatusName, Trajectories } from './trajectory'

type Rgba = [number, number, number, number]

const STATUS_COLOURS: Record<string, Rgba> = {
  nominal: [80, 220, 120, 255],
  alert: [255, 170, 40, 255],
  failed: [230, 60, 60, 255],
  maneuvering: [80, 200, 255, 255],
  safe: [250, 230, 80, 255],
  decayed: [120, 120, 120, 255],
}
const OTHER_COLOUR: Rgba = [170, 170, 170, 255]
const STATION_COLOUR: Rgba = [255, 255, 255, 255]
const LINK_COLOUR: Rgba = [120, 200, 255, 200]

export type CzmlPacket = Record<string, unknown> & { id: string }

export function buildCzml(
  report: SimReport,
  stations: readonly StationSpec[],
  tracks: Trajectories,
): CzmlPacket[] {
  const epochMs = Date.parse(report.epoch)
  const iso = (s: number) => new Date(epochMs + s * 1000).toISOString()
  const startS = tracks.tS[0] ?? 0
  const endS = tracks.tS.at(-1) ?? report.elapsedS
  const span = `${iso(startS)}/${iso(endS)}`
  const packets: CzmlPacket[] = [
    {
      id: 'document',
      name: `${report.title} — ${report.strategy}, seed ${report.seed}`,
      version: '1.0',
      clock: {
        interval: span,
        currentTime: iso(startS),
        multiplier: 60,
        range: 'LOOP_STOP',
        step: 'SYSTEM_CLOCK_MULTIPLIER',
      },
    },
  ]
  tracks.ids.forEach((id, k) => {
    const cartesian: number[] = []
    tracks.tS.forEach((t, i) => {
      const p = tracks.positionsM[i]
      cartesian.push(t - startS, p[3 * k], p[3 * k + 1], p[3 * k + 2])
    })
    packets.push({
      id: `satellite/${id}`,
      name: id,
      availability: span,
      position: {
        epoch: iso(startS),
        referenceFrame: 'INERTIAL',
        interpolationAlgorithm: 'LAGRANGE',
        interpolationDegree: 5,
        cartesian,
      },
      point: { pixelSize: 6, color: statusColours(tracks, k, iso, endS) },
      label: { text: id, font: '11px sans-serif', show: false },
      path: { show: false, leadTime: 0, trailTime: 3000, width: 1 },
    })
  })
  for (const st of stations) {
    packets.push({
      id: `station/${st.id}`,
      name: st.name,
      position: { cartographicDegrees: [deg(st.lonRad), deg(st.latRad), st.altM] },
      point: { pixelSize: 8, color: { rgba: STATION_COLOUR } },
      label: { text: st.name, font: '12px sans-serif' },
    })
  }
  ;(report.access?.contacts ?? []).forEach((c, n) => {
    const during = `${iso(c.startS)}/${iso(c.endS)}`
    packets.push({
      id: `contact/${n + 1}`,
      name: `${c.satellite} → ${c.station}`,
      availability: during,
      polyline: {
        show: [{ interval: during, boolean: true }],
        positions: { references: [`satellite/${c.satellite}#position`, `station/${c.station}#position`] },
        width: 2,
        material: { solidColor: { color: { rgba: LINK_COLOUR } } },
      },
    })
  })
  return packets
}

/** The point colour as time intervals of constant status. */
function statusColours(tracks: Trajectories, k: number, iso: (s: number) => string, endS: number) {
  const out: { interval: string; rgba: Rgba }[] = []
  let from = 0
  for (let i = 1; i <= tracks.tS.length; i++) {
    const status: StatusName | undefined = tracks.status[i]?.[k]
    if (i < tracks.tS.length && status === tracks.status[from][k]) continue
    const to = i < tracks.tS.length ? tracks.tS[i] : endS
    out.push({
      interval: `${iso(tracks.tS[from])}/${iso(to)}`,
      rgba: STATUS_COLOURS[tracks.status[from][k]] ?? OTHER_COLOUR,
    })
    from = i
  }
  return out
}

const deg = (rad: number) => Math.round(((rad * 180) / Math.PI) * 1e6) / 1e6
