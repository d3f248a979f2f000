// The unchanging side of a simulation, computed once from the spec: satellite order, station
// frames, task targets in ECEF, scripted events sorted by time. Keplerian satellites come first
// (in spec order) so the structure-of-arrays propagator fills indices 0..keplerCount-1 directly.

import { geodeticToEcef } from '../frames'
import { stationFrame } from '../geometry'
import type {
  KeplerElements,
  SatelliteSpec,
  ScenarioSpec,
  ScriptedEvent,
  StationSpec,
  TaskSpec,
} from '../spec'
import { buildStationCells, type StationCells } from './station-cells'

export interface World {
  spec: ScenarioSpec
  sats: SatelliteSpec[]
  satCount: number
  keplerCount: number
  satIndex: Map<string, number>
  stations: StationSpec[]
  stationIndex: Map<string, number>
  /** 6 numbers per station: ECEF position (m) and local up unit vector. */
  stationFrames: Float64Array
  sinMask: Float64Array
  /** station position · up, per station: lets the horizon test skip a subtraction per pair. */
  stationUpDot: Float64Array
  /** Which stations could see a satellite, by direction cell and radius (the coarse cone test). */
  stationCells: StationCells
  /** Initial tasks first, then burst tasks in event order. */
  tasks: TaskSpec[]
  initialTaskCount: number
  taskIndex: Map<string, number>
  /** Unit vectors of task targets in ECEF (3 per task), and positions on the ellipsoid (m). */
  targetEcef: Float64Array
  cosOffNadir: Float64Array
  scripted: ScriptedEvent[]
  telemetryWindow: number
  /** Bus properties as structure of arrays, for the per-step power loop. */
  bus: BusArrays
}

export interface BusArrays {
  batteryCapacityJ: Float64Array
  solarPowerW: Float64Array
  baseLoadW: Float64Array
  imagingLoadW: Float64Array
  downlinkLoadW: Float64Array
  processingLoadW: Float64Array
  minSoc: Float64Array
}

function busArrays(sats: SatelliteSpec[]): BusArrays {
  const col = (key: keyof BusArrays) => Float64Array.from(sats, (s) => s.bus[key])
  return {
    batteryCapacityJ: col('batteryCapacityJ'),
    solarPowerW: col('solarPowerW'),
    baseLoadW: col('baseLoadW'),
    imagingLoadW: col('imagingLoadW'),
    downlinkLoadW: col('downlinkLoadW'),
    processingLoadW: col('processingLoadW'),
    minSoc: col('minSoc'),
  }
}

export function buildWorld(spec: ScenarioSpec, telemetryWindow: number): World {
  const kepler = spec.satellites.filter((s) => s.orbit.kind === 'kepler')
  const tle = spec.satellites.filter((s) => s.orbit.kind !== 'kepler')
  const sats = [...kepler, ...tle]
  const stations = spec.groundStations
  const stationFrames = new Float64Array(6 * stations.length)
  const sinMask = new Float64Array(stations.length)
  const stationUpDot = new Float64Array(stations.length)
  stations.forEach((st, k) => {
    const f = 6 * k
    stationFrame(st.latRad, st.lonRad, st.altM, stationFrames, f)
    sinMask[k] = Math.sin(st.minElevationRad)
    stationUpDot[k] =
      stationFrames[f] * stationFrames[f + 3] +
      stationFrames[f + 1] * stationFrames[f + 4] +
      stationFrames[f + 2] * stationFrames[f + 5]
  })
  const scripted = spec.events
    .map((e, order) => ({ e, order }))
    .sort((x, y) => x.e.atS - y.e.atS || x.order - y.order)
    .map((x) => x.e)
  const burstTasks = scripted.flatMap((e) => (e.type === 'taskBurst' ? e.tasks : []))
  const tasks = [...spec.tasks, ...burstTasks]
  const targetEcef = new Float64Array(3 * tasks.length)
  tasks.forEach((task, k) => {
    geodeticToEcef(task.target.latRad, task.target.lonRad, 0, targetEcef, 3 * k)
  })
  const cosOffNadir = new Float64Array(sats.length)
  sats.forEach((s, k) => {
    cosOffNadir[k] = Math.cos(s.bus.maxOffNadirRad)
  })
  return {
    spec,
    sats,
    satCount: sats.length,
    keplerCount: kepler.length,
    satIndex: new Map(sats.map((s, k) => [s.id, k])),
    stations,
    stationIndex: new Map(stations.map((s, k) => [s.id, k])),
    stationFrames,
    sinMask,
    stationUpDot,
    stationCells: buildStationCells(stationFrames, sinMask),
    tasks,
    initialTaskCount: spec.tasks.length,
    taskIndex: new Map(tasks.map((t, k) => [t.id, k])),
    targetEcef,
    cosOffNadir,
    scripted,
    telemetryWindow,
    bus: busArrays(sats),
  }
}

export function keplerElementsOf(world: World): KeplerElements[] {
  return world.sats.slice(0, world.keplerCount).map((s) => {
    if (s.orbit.kind !== 'kepler') throw new Error('internal: satellite order')
    return s.orbit.elements
  })
}
