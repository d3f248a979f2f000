// The read-only world view a planner receives. It is a fresh plain-data picture of the engine
// at one instant: planners may read it freely and keep nothing from it; they change the world
// only by returning decisions. Ground truth the spacecraft could not know (the scripted
// degradation timeline, the real health behind noisy telemetry) is deliberately absent.

import type { SimEvent } from './events'
import type { BusSpec, ComponentName, KeplerElements, StationSpec, TaskSpec } from './spec'

export type SatelliteStatus = 'nominal' | 'alert' | 'failed' | 'maneuvering' | 'safe' | 'decayed'

export interface SatelliteView {
  index: number
  id: string
  role: 'active' | 'spare'
  status: SatelliteStatus
  /** True once any component failed, the satellite collided or its orbit decayed. */
  failed: boolean
  /** A maintenance planner asked the strategy to stop relying on it. */
  retired: boolean
  /** Osculating elements now (Keplerian satellites; TLE satellites carry an approximation). */
  elements: KeplerElements
  isTle: boolean
  plane?: number
  slot?: number
  positionEciM: [number, number, number]
  velocityEciMS: [number, number, number]
  latRad: number
  lonRad: number
  altM: number
  sunlit: boolean
  soc: number
  storageUsedBits: number
  propellantKg: number
  massKg: number
  thrusterOk: boolean
  mode: 'raw' | 'edge'
  bus: BusSpec
  /** Burns accepted but not yet executed. */
  pendingManeuvers: number
  /** Those burns, in time order: when, and why. */
  pending: { atS: number; purpose: string; replaces: string | null }[]
}

export interface StationView extends StationSpec {
  index: number
  inOutage: boolean
  outageEndsS: number | null
}

export type TaskState = 'pending' | 'open' | 'captured' | 'delivered' | 'expired'

export interface TaskView extends TaskSpec {
  index: number
  state: TaskState
  assignedTo: string | null
  capturedBy: string | null
  capturedAtS: number | null
}

export interface ConjunctionView {
  satellite: string
  warnedAtS: number
  tcaS: number
  predictedMissM: number
  hardBodyRadiusM: number
}

export interface AlertView {
  satellite: string
  component: ComponentName
  atS: number
  severity: 'warning' | 'critical'
  predictedFailureS: number | null
  planner: string
}

export interface TelemetryWindow {
  /** Sample times, s after epoch, oldest first. */
  t: Float64Array
  /** Measured health (noisy), NaN after the satellite failed. */
  v: Float64Array
}

export interface WorldView {
  timeS: number
  epochMs: number
  stepS: number
  durationS: number
  plannerCadenceS: number
  failureHealth: number
  /** Whether the engine applies J2 secular drift (predictions follow the same model). */
  j2: boolean
  satellites: readonly SatelliteView[]
  stations: readonly StationView[]
  /** Tasks known so far (burst tasks appear when the burst arrives). */
  tasks: readonly TaskView[]
  conjunctions: readonly ConjunctionView[]
  /** Downlink contacts booked by allocation planners that have not ended yet. */
  bookings: readonly { satellite: string; station: string; startS: number; endS: number }[]
  alerts: readonly AlertView[]
  /** Events since this planner's previous call. */
  recentEvents: readonly SimEvent[]
  /** What triggered this call: 'cadence' or the event type. */
  trigger: string
  /** Measured telemetry of one component, the most recent samples the engine keeps. */
  telemetry(satellite: number, component: ComponentName): TelemetryWindow
  /**
   * Predicted ECI position (m) of a satellite at a future time if nothing changes its orbit.
   * With `out`, writes x, y, z into out[0..2] and returns it, allocating nothing (for planners
   * that predict many positions per call). NaN for a satellite on a TLE or OMM that SGP4 finds
   * re-entered by tS: it has no position then.
   */
  predictPosition(satellite: number, tS: number): [number, number, number]
  predictPosition(satellite: number, tS: number, out: Float64Array): Float64Array
  /**
   * Predicted passes of a satellite over a station in [fromS, toS], sampled every `sampleS`
   * (default: the scenario step), ignoring outages not yet known.
   */
  visibilityWindows(
    satellite: number,
    station: number,
    fromS: number,
    toS: number,
    sampleS?: number,
  ): [number, number][]
  /** Whether the target of a task is inside a satellite's footprint at a given time (prediction). */
  canImage(satellite: number, task: number, tS: number): boolean
}
