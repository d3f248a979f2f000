// The engine's input: a scenario after validation and normalisation, in SI units (m, s, rad,
// kg, W, J, bit). `src/scenario` turns a human-written JSON file (km, degrees, durations such as
// "45m") into this shape; the engine never sees the file format. Everything here is plain data,
// so a spec can be posted to a Web Worker or a worker thread unchanged.

/** Classical Keplerian elements at the scenario epoch. Angles in radians, a in metres. */
export interface KeplerElements {
  a: number
  e: number
  i: number
  raan: number
  argp: number
  /** Mean anomaly at epoch. */
  m0: number
}

/**
 * The mean elements of a CCSDS Orbit Mean-elements Message (OMM, SGP4 theory), with the key names
 * and units of the standard (degrees, revolutions per day, ISO epoch in UTC), as satellite.js's
 * json2satrec reads them.
 */
export interface OmmElements {
  OBJECT_NAME: string
  OBJECT_ID: string
  NORAD_CAT_ID: number
  EPOCH: string
  MEAN_MOTION: number
  ECCENTRICITY: number
  INCLINATION: number
  RA_OF_ASC_NODE: number
  ARG_OF_PERICENTER: number
  MEAN_ANOMALY: number
  BSTAR: number
  MEAN_MOTION_DOT: number
  MEAN_MOTION_DDOT: number
  ELEMENT_SET_NO: number
}

export type OrbitSpec =
  | { kind: 'kepler'; elements: KeplerElements }
  | { kind: 'tle'; name: string; line1: string; line2: string }
  | { kind: 'omm'; name: string; omm: OmmElements }

/** The orbits SGP4 propagates (element sets rather than osculating elements). */
export type ElementSetOrbit = Exclude<OrbitSpec, { kind: 'kepler' }>

export interface BusSpec {
  dryMassKg: number
  propellantKg: number
  /** Specific impulse, s. */
  ispS: number
  batteryCapacityJ: number
  /** Array output when sunlit, W. */
  solarPowerW: number
  /** Always-on platform load, W. */
  baseLoadW: number
  /** Extra load while imaging, W. */
  imagingLoadW: number
  /** Extra load while transmitting, W. */
  downlinkLoadW: number
  /** Extra load while processing images onboard, W. */
  processingLoadW: number
  storageBits: number
  downlinkRateBps: number
  /** Maximum off-nadir pointing angle of the imager, rad. */
  maxOffNadirRad: number
  /** Below this state of charge the satellite sheds payload loads (no imaging, no downlink). */
  minSoc: number
  /** State of charge at epoch, 0..1. */
  initialSoc: number
}

export type SatelliteRole = 'active' | 'spare'

export interface SatelliteSpec {
  id: string
  role: SatelliteRole
  orbit: OrbitSpec
  bus: BusSpec
  /** Walker plane and slot (0-based) when generated from a pattern. */
  plane?: number
  slot?: number
}

export interface StationSpec {
  id: string
  name: string
  latRad: number
  lonRad: number
  altM: number
  minElevationRad: number
}

export interface TaskSpec {
  id: string
  kind: 'image'
  target: { latRad: number; lonRad: number }
  /** Seconds after epoch: the task can be served inside [start, end]. */
  windowStartS: number
  windowEndS: number
  priority: number
  dataBits: number
}

export type ComponentName = 'reactionWheel' | 'battery' | 'thruster'
export const COMPONENT_NAMES: readonly ComponentName[] = ['reactionWheel', 'battery', 'thruster']

/**
 * How a component's health (1 = new, failure at the component's limit) falls after onset.
 * linear: health = 1 − ratePerS·τ.  exponential: health = 1 − scale·(e^{τ/tauS} − 1).
 */
export type DegradationProfile =
  | { kind: 'linear'; ratePerS: number }
  | { kind: 'exponential'; tauS: number; scale: number }

export type ScriptedEvent =
  | {
      type: 'degradation'
      atS: number
      satellite: string
      component: ComponentName
      profile: DegradationProfile
    }
  | { type: 'failure'; atS: number; satellite: string; component: ComponentName }
  | { type: 'stationOutage'; atS: number; station: string; durationS: number }
  | {
      type: 'solarStorm'
      atS: number
      durationS: number
      /** Fraction of solar-array output lost while the storm lasts, 0..1. */
      powerLoss: number
      /** Multiplier on telemetry noise while the storm lasts. */
      noiseFactor: number
    }
  | { type: 'taskBurst'; atS: number; tasks: TaskSpec[] }
  | {
      type: 'conjunction'
      /** When the warning arrives. */
      atS: number
      satellite: string
      /** Time of closest approach, seconds after epoch (> atS). */
      tcaS: number
      /** Predicted miss distance if nothing is done, m. */
      missDistanceM: number
      /** Combined hard-body radius: a miss closer than this is a collision, m. */
      hardBodyRadiusM: number
    }

export interface StrategySpec {
  name: string
  trajectory?: string
  allocation?: string
  maintenance?: string
  /** Planner parameters by kind, validated by each planner's own schema. */
  params: { trajectory?: unknown; allocation?: unknown; maintenance?: unknown }
}

export interface ComponentLimits {
  /** Health at or below which a component has failed. */
  failureHealth: number
  /** Standard deviation of the measurement noise on a health channel. */
  noiseSigma: number
}

export interface ScenarioSpec {
  formatVersion: number
  id: string
  title: string
  demonstrates: string
  description: string
  /** UTC epoch, milliseconds since 1970-01-01T00:00:00Z. */
  epochMs: number
  durationS: number
  stepS: number
  seed: number
  /** Apply J2 secular drift to Keplerian satellites. */
  j2: boolean
  /** How often strategies' planners run, s. */
  plannerCadenceS: number
  /** How often telemetry and metrics are sampled into the series, s. */
  sampleEveryS: number
  components: ComponentLimits
  satellites: SatelliteSpec[]
  groundStations: StationSpec[]
  tasks: TaskSpec[]
  events: ScriptedEvent[]
  /** In file order; the first is the default. */
  strategies: StrategySpec[]
  /**
   * What the file may say but its author should know (an element set far from the epoch), one
   * line each starting with the JSON path. Shown by `sim validate`, `sim run` and the app.
   */
  warnings?: string[]
  /** Where the action is and how fast to play it, when the file says (else the app's defaults). */
  view: ScenarioView | null
}

/** A scenario's area of interest (the camera opens looking at it) and its playback speed. */
export interface ScenarioView {
  latRad: number
  lonRad: number
  /** Simulated seconds per wall second, or null for the app's default. */
  speed: number | null
}
