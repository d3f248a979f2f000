// Everything in a running simulation that changes, in one plain object of typed arrays and
// plain records. `snapshot()` is a structured clone of it; `restore()` puts a clone back. What
// never changes (the spec, station frames, target positions) lives in `World` instead.

import type { ManeuverDecision } from '../decisions'
import type { SimEvent } from '../events'
import type { MetricSeries } from '../metrics'
import { emptySeries } from '../metrics'
import type { AlertView, ConjunctionView, TaskState } from '../view'
import { type AccessState, initialAccess, type SatelliteSeries } from './run-records'
import type { World } from './world'

export const STATUS_NOMINAL = 0
export const STATUS_ALERT = 1
export const STATUS_FAILED = 2
export const STATUS_MANEUVERING = 3
export const STATUS_SAFE = 4
/** SGP4 reported the orbit decayed: the satellite has re-entered and is gone. */
export const STATUS_DECAYED = 5
export const STATUS_NAMES = ['nominal', 'alert', 'failed', 'maneuvering', 'safe', 'decayed'] as const

/** Components per satellite, in COMPONENT_NAMES order. */
export const NC = 3

/** 32-bit words per satellite in the visibility bitmask (bit j of word j>>5: station j). */
export function stationWords(stations: number): number {
  return Math.max(1, Math.ceil(stations / 32))
}

export interface PendingManeuver extends ManeuverDecision {
  planner: string
}

export interface ConjunctionState extends ConjunctionView {
  /** Where the debris will be at TCA (ECI, m): the predicted position plus the miss offset. */
  debrisAtTca: [number, number, number]
}

export interface TaskRecord {
  state: TaskState
  assignedTo: number
  capturedBy: number
  capturedAtS: number
  /** Bits of this task still on board, waiting for downlink. */
  bitsOnBoard: number
}

export interface SimState {
  stepIndex: number
  t: number
  rng: number
  /**
   * Opaque copy of the Keplerian propagator's elements (see Propagator.save), filled in
   * snapshots only: the live state leaves it empty (the elements live in the propagator, and a
   * live copy would be 56 bytes per satellite that nothing reads).
   */
  kepler: Float64Array
  // Per satellite ---------------------------------------------------------------------------
  pos: Float64Array // ECI m, 3 per satellite
  vel: Float64Array // ECI m/s
  ecef: Float64Array // m
  /** lat rad, lon rad, alt m: stale after each geometry pass; read it through freshGeodetic. */
  geo: Float64Array
  /** Whether geo holds the positions of the last geometry pass. */
  geoFresh: boolean
  sunlit: Uint8Array
  status: Uint8Array
  failed: Uint8Array
  /** Set by the propagator when SGP4 can no longer fly a TLE satellite (it re-entered). */
  decayed: Uint8Array
  /** When the decay was noticed, s after epoch; NaN while flying. 0: decayed before the run. */
  decayedAtS: Float64Array
  retired: Uint8Array
  /** A spare that took over a failed satellite's slot counts as active from then on. */
  promoted: Uint8Array
  alerted: Uint8Array
  thrusterOk: Uint8Array
  edgeMode: Uint8Array
  safe: Uint8Array
  energyJ: Float64Array
  storageBits: Float64Array
  propellantKg: Float64Array
  /** Seconds of onboard processing still to run (edge mode). */
  processingS: Float64Array
  lastBurnS: Float64Array
  /** Bits downlinked by each satellite during the current step (for display of active links). */
  linkStation: Int16Array
  // Per satellite × component -------------------------------------------------------------
  health: Float64Array
  onsetS: Float64Array // NaN: no degradation
  profileKind: Uint8Array // 0 none, 1 linear, 2 exponential
  profileA: Float64Array // linear rate per s, or exponential tau s
  profileB: Float64Array // exponential scale
  componentFailedAtS: Float64Array // NaN while working
  // Per satellite × station -----------------------------------------------------------------
  /** Bitmask of the stations that see each satellite (see stationWords; geometry-pass fills it). */
  visible: Uint32Array
  // Per station --------------------------------------------------------------------------------
  outageEndS: Float64Array // NaN: no outage
  // Telemetry ring buffer --------------------------------------------------------------------
  telemetryT: Float64Array // window
  telemetryV: Float32Array // window × satellites × NC
  telemetryCount: number
  nextSampleS: number
  // Environment ----------------------------------------------------------------------------------
  stormEndS: number
  stormPowerLoss: number
  stormNoise: number
  // Scripts, plans, logs ---------------------------------------------------------------------
  nextScripted: number
  tasks: TaskRecord[]
  /** Index into world.tasks of the tasks known so far (burst tasks join on arrival). */
  knownTasks: number
  pending: PendingManeuver[]
  /**
   * Downlinks booked and not yet over: none is accepted once it has ended, and each step drops
   * those that ended before it, so every one here has endS ≥ t.
   */
  bookings: { satellite: number; station: number; startS: number; endS: number }[]
  conjunctions: ConjunctionState[]
  alerts: AlertView[]
  events: SimEvent[]
  /** Per planner id: index into events of its last call, for `recentEvents`. */
  plannerSeen: Record<string, number>
  /** Per planner id: the sim time it was disabled at (its isolated thread was lost). */
  plannerDisabled: Record<string, number>
  nextPlanS: number
  triggered: string | null
  series: MetricSeries
  acc: Accumulators
  /** Contact windows and eclipse intervals so far (access.ts); null when not kept. */
  access: AccessState | null
  /** Per-satellite samples, when asked for (sat-series.ts); null otherwise. */
  satSeries: SatelliteSeries | null
}

/** Running sums behind the metrics. */
export interface Accumulators {
  contacts: number
  eclipseEntries: number
  /** Station-seconds with at least one working satellite in view. */
  visibleS: number
  transmitS: number
  eclipseSatS: number
  satS: number
  deliveredBits: number
  minSoc: number
  dvSpent: number
  coverageSum: number
  coverageSamples: number
  plannerFaults: number
  satellitesFailed: number
  plannerTimeMs: number
  slotFillS: number[]
}

export function initialState(world: World): SimState {
  const n = world.satCount
  const ns = world.stations.length
  const w = world.telemetryWindow
  const spec = world.spec
  const state: SimState = {
    stepIndex: 0,
    t: 0,
    rng: spec.seed >>> 0,
    kepler: new Float64Array(0),
    pos: new Float64Array(3 * n),
    vel: new Float64Array(3 * n),
    ecef: new Float64Array(3 * n),
    geo: new Float64Array(3 * n),
    geoFresh: false,
    // Sunlit until the first geometry pass says otherwise, so a satellite that starts in the
    // shadow counts as an eclipse entry at t = 0.
    sunlit: new Uint8Array(n).fill(1),
    status: new Uint8Array(n),
    failed: new Uint8Array(n),
    decayed: new Uint8Array(n),
    decayedAtS: new Float64Array(n).fill(Number.NaN),
    retired: new Uint8Array(n),
    promoted: new Uint8Array(n),
    alerted: new Uint8Array(n),
    thrusterOk: new Uint8Array(n).fill(1),
    edgeMode: new Uint8Array(n),
    safe: new Uint8Array(n),
    energyJ: new Float64Array(n),
    storageBits: new Float64Array(n),
    propellantKg: new Float64Array(n),
    processingS: new Float64Array(n),
    lastBurnS: new Float64Array(n).fill(Number.NaN),
    linkStation: new Int16Array(n).fill(-1),
    health: new Float64Array(n * NC).fill(1),
    onsetS: new Float64Array(n * NC).fill(Number.NaN),
    profileKind: new Uint8Array(n * NC),
    profileA: new Float64Array(n * NC),
    profileB: new Float64Array(n * NC),
    componentFailedAtS: new Float64Array(n * NC).fill(Number.NaN),
    visible: new Uint32Array(n * stationWords(ns)),
    outageEndS: new Float64Array(ns).fill(Number.NaN),
    telemetryT: new Float64Array(w),
    telemetryV: new Float32Array(w * n * NC),
    telemetryCount: 0,
    nextSampleS: 0,
    stormEndS: Number.NaN,
    stormPowerLoss: 0,
    stormNoise: 1,
    nextScripted: 0,
    tasks: world.tasks.map(() => ({
      state: 'pending',
      assignedTo: -1,
      capturedBy: -1,
      capturedAtS: Number.NaN,
      bitsOnBoard: 0,
    })),
    knownTasks: world.initialTaskCount,
    pending: [],
    bookings: [],
    conjunctions: [],
    alerts: [],
    events: [],
    plannerSeen: {},
    plannerDisabled: {},
    nextPlanS: 0,
    triggered: null,
    series: emptySeries(),
    access: initialAccess(n, ns, stationWords(ns)),
    satSeries: null,
    acc: {
      contacts: 0,
      eclipseEntries: 0,
      visibleS: 0,
      transmitS: 0,
      eclipseSatS: 0,
      satS: 0,
      deliveredBits: 0,
      minSoc: 1,
      dvSpent: 0,
      coverageSum: 0,
      coverageSamples: 0,
      plannerFaults: 0,
      satellitesFailed: 0,
      plannerTimeMs: 0,
      slotFillS: [],
    },
  }
  for (let k = 0; k < n; k++) {
    const bus = world.sats[k].bus
    state.energyJ[k] = bus.batteryCapacityJ * bus.initialSoc
    state.propellantKg[k] = bus.propellantKg
    // The lowest state of charge so far includes the start: at T+0 it is the lowest initial one.
    if (bus.initialSoc < state.acc.minSoc) state.acc.minSoc = bus.initialSoc
  }
  return state
}
