// Messages between the UI thread and the simulation Web Worker. The worker owns one engine per
// strategy being shown (compare mode runs them in lockstep from the same seed); the UI only
// sends intents and receives frames (high rate, transferable typed arrays) and digests (low
// rate, plain data for zustand stores). Nothing here imports React or three.
//
// Orbits travel as facts (`OrbitsMessage`): the scene draws loops and ground tracks from the
// elements the engine propagates, sent in full after a load and again for the satellites a burn
// or a restore changed, each time with a new version, just before the frame that shows the change.
//
// Digests are incremental: the event log and the metric series only ever grow within one run
// (the engine is deterministic, so re-simulating after a step back logs the same prefix), so a
// digest carries what is new since the previous one plus the current length. The UI keeps the
// furthest history it has seen (for timeline markers) and shows the prefix that is "now".

import type {
  AlertView,
  ComponentName,
  KeplerElements,
  MetricKey,
  MetricValues,
  OrbitFact,
  PlannerKind,
  RunExportFormat,
  ScenarioSpec,
  SimEvent,
} from '../core'
import type { Recording } from '../planners/agent/recording-format'
import type { PlannerManifest } from '../planners/isolation/protocol'
import type { ScenarioIssue } from '../scenario'

export type { OrbitFact, RunExportFormat }

/** Simulated seconds per wall second, or as fast as the machine allows. */
export type Speed = number | 'max'

/** The most strategies shown side by side. */
export const MAX_STRATEGIES = 4

export const SPEEDS: readonly Speed[] = [1, 10, 60, 300, 1000, 3000, 10000, 'max']

/** Where a scenario text came from, so a link can name it again. */
export type ScenarioSource =
  | { kind: 'library'; key: string }
  | { kind: 'file'; name: string }
  | { kind: 'stress'; satellites: number }

// UI → worker --------------------------------------------------------------------------------

/**
 * A strategy the user made in the app, as the worker needs it: one planner per kind by full id
 * (built-in or from a user's module), their parameters, and the text of each user module it
 * uses. A user's planner runs isolated, in a Web Worker of its own with a deadline per call.
 */
export interface UserStrategyDef {
  name: string
  planners: Partial<Record<PlannerKind, string>>
  params: Partial<Record<PlannerKind, Record<string, unknown>>>
  /** The user modules whose planners it names, each with what the inspector said of them. */
  modules: { file: string; text: string; planners: PlannerManifest[] }[]
  /**
   * A recorded agent run ("Open recording…"): the strategy is the recording's strategy of the
   * scenario with the recorded agents replayed (planners and params above are then empty).
   */
  recording?: { file: string; data: Recording }
}

/** How a recorded agent run's strategy is named ("recorded: greedy_agent.py"); no other name has a space. */
export const RECORDED_PREFIX = 'recorded: '

export type ToWorker =
  /** Parse and start a scenario. On failure the worker keeps what it was running. */
  | {
      type: 'load'
      text: string
      file: string
      source: ScenarioSource
      strategies?: string[]
      seed?: number
      timeS?: number
      selected?: string | null
    }
  /** A synthetic Walker constellation for stress tests (1 to 10,000 satellites, no planners). */
  | { type: 'loadStress'; satellites: number; timeS?: number; play?: Speed }
  /**
   * Show these strategies (names from the loaded scenario), restarting from t = 0 then seeking
   * back; with `seed`, at that seed (a recorded agent run replays on the seed it was recorded with).
   */
  | { type: 'setStrategies'; strategies: string[]; seed?: number }
  /**
   * The user's own strategies (see UserStrategyDef): setStrategies may then name them too. A
   * shown one that is gone or changed is dropped or rebuilt.
   */
  | { type: 'userStrategies'; strategies: UserStrategyDef[] }
  | { type: 'setSeed'; seed: number }
  /** Simulated seconds per wall second; 'max' runs as fast as the machine allows. */
  | { type: 'play'; speed: Speed }
  | { type: 'setSpeed'; speed: Speed }
  | { type: 'pause' }
  | { type: 'step' }
  | { type: 'stepBack' }
  /** Jump to a time (s after epoch): forward by simulating, backward from snapshots. */
  | { type: 'seek'; timeS: number }
  /** Run until any engine logs an event worth stopping for (failure, alert, burn, outage…). */
  | { type: 'nextEvent' }
  /** Which satellite the digests describe in detail (id), or null. */
  | { type: 'select'; satellite: string | null }
  /**
   * The UI drew the frame with this seq: while running, the worker sends at most one ahead.
   * `recycle`: buffers of frames the UI no longer reads, transferred back for reuse.
   */
  | { type: 'frameShown'; seq: number; recycle?: ArrayBuffer[] }
  /**
   * The whole run of `strategy` at the current seed as a file (report JSON, access CSV, series
   * CSV or CZML): the same bytes as the CLI writes. Answered by `exported` with the same `id`.
   */
  | { type: 'export'; id: number; format: RunExportFormat; strategy: string }

// Worker → UI --------------------------------------------------------------------------------

/** Per strategy, one frame's fast-changing data. Typed arrays are transferred, not copied. */
export interface StrategyFrame {
  strategy: string
  /** ECI positions in km, 3 per satellite, in `LoadedMessage.satelliteIds` order. */
  positionsKm: Float32Array
  /** STATUS_NAMES index per satellite: 0 nominal, 1 alert, 2 failed, 3 manoeuvring, 4 safe, 5 decayed. */
  status: Uint8Array
  /** Station index each satellite transmits to this step, -1 for none. */
  linkStation: Int16Array
  /**
   * TASK_CODE per task of the scenario (initial tasks, then task-burst tasks in event order):
   * this strategy's outcome of each. Optional for hand-made frames (then drawn by time only).
   */
  taskState?: Uint8Array
  /** Per task, the satellite (frame index) assigned to it while the assignment stands, else -1. */
  taskSatellite?: Int16Array
}

/** A task's outcome as a frame carries it (one byte per task). */
export const TASK_CODE = {
  unknown: 0,
  pending: 1,
  open: 2,
  assigned: 3,
  captured: 4,
  delivered: 5,
  missed: 6,
} as const
export type TaskCode = (typeof TASK_CODE)[keyof typeof TASK_CODE]

export interface FrameMessage {
  type: 'frame'
  /** Increases with every frame of a run (resets on load); optional for hand-made frames. */
  seq?: number
  /** Displayed time, s after epoch (between two engine steps while playing). */
  timeS: number
  /** Earth rotation angle (rad) and unit Sun direction in ECI at timeS. */
  gmstRad: number
  sunEci: [number, number, number]
  playing: boolean
  frames: StrategyFrame[]
}

export interface ComponentTelemetry {
  component: ComponentName
  /** True (noise-free) health now, 0..1, and whether the component has failed. */
  health: number
  failed: boolean
  /** Measured (noisy) samples: times (s after epoch) and values. */
  t: number[]
  v: number[]
}

export interface SatelliteDetail {
  id: string
  index: number
  role: 'active' | 'spare'
  status: 'nominal' | 'alert' | 'failed' | 'maneuvering' | 'safe' | 'decayed'
  plane: number | null
  slot: number | null
  isTle: boolean
  elements: KeplerElements
  latDeg: number
  lonDeg: number
  altKm: number
  speedKmS: number
  sunlit: boolean
  soc: number
  minSoc: number
  /** Megabits (data is counted in bits everywhere: Mb, Gb; only file sizes are bytes). */
  storageUsedMb: number
  storageMb: number
  propellantKg: number
  propellantStartKg: number
  thrusterOk: boolean
  mode: 'raw' | 'edge'
  pendingManeuvers: number
  components: ComponentTelemetry[]
  /** Station the satellite transmits to now, or null. */
  linkStation: string | null
  /** Next (or current) predicted contact within 12 h, or null. */
  nextContact: { station: string; startS: number; endS: number } | null
}

export interface TaskCounts {
  known: number
  pending: number
  open: number
  captured: number
  delivered: number
  expired: number
}

export interface FleetCounts {
  total: number
  nominal: number
  alert: number
  failed: number
  maneuvering: number
  safe: number
  decayed: number
}

export interface StrategyDigest {
  strategy: string
  metrics: MetricValues
  /** Length of the event log now; the log itself arrives in pieces (`newEvents`). */
  eventCount: number
  /** Events of the furthest history not sent before, starting at index `from`. */
  newEvents: { from: number; events: SimEvent[] }
  /** Samples in the metric series now. */
  seriesCount: number
  newSeries: { from: number; t: number[]; values: Record<MetricKey, (number | null)[]> }
  tasks: TaskCounts
  fleet: FleetCounts
  /** Alerts standing now (the maintenance planner's latest word per component). */
  alerts: AlertView[]
  conjunctions: { satellite: string; tcaS: number; predictedMissM: number }[]
  selected: SatelliteDetail | null
}

export interface BusyState {
  label: string
  /** 0..1 */
  fraction: number
}

export interface DigestMessage {
  type: 'digest'
  /** Engine time, s after epoch (a whole number of steps). */
  timeS: number
  stepIndex: number
  playing: boolean
  speed: Speed
  done: boolean
  busy: BusyState | null
  digests: StrategyDigest[]
}

export interface PlannerInfo {
  id: string
  kind: string
  label: string
  description: string
}

export interface LoadedMessage {
  type: 'loaded'
  file: string
  source: ScenarioSource
  scenario: ScenarioSpec
  /** Satellite ids in frame order (Keplerian first, then TLE). */
  satelliteIds: string[]
  /** Strategies being shown, in the order of the viewports. */
  strategies: string[]
  /** Per shown strategy, its planners with their words for people. */
  planners: Record<string, PlannerInfo[]>
  /** Per strategy of the scenario, the planner parameters it sets away from their defaults, one line each. */
  strategyParams?: Record<string, string[]>
  seed: number
  totalSteps: number
  /** Snapshots are kept every this many steps at first (step back re-simulates from the nearest
   *  one); the spacing doubles whenever the memory budget would be exceeded. */
  snapshotEvery: number
  /** Things the user asked for that could not be honoured (unknown strategy in a link, …). */
  notes: string[]
}

/**
 * One strategy's orbits as its engine propagates them (Keplerian elements with the time they hold
 * at, or the TLE): every satellite after a load, then the satellites whose orbit a burn or a restore
 * (step back, scrub, seek) changed. Posted before the frame that first shows the change.
 */
export interface OrbitsMessage {
  type: 'orbits'
  strategy: string
  /** 1 for the full set after a load, then one more per message of this strategy in this run. */
  version: number
  /** The satellites whose orbit is new, by frame index, each with that orbit. */
  changed: { index: number; orbit: OrbitFact }[]
}

export type FromWorker =
  | LoadedMessage
  | OrbitsMessage
  | { type: 'loadError'; file: string; issues: ScenarioIssue[] }
  | FrameMessage
  | DigestMessage
  /** A bug or a planner problem the worker could not contain; the UI shows it, the run stays. */
  | { type: 'error'; message: string }
  | ExportedMessage

/** The answer to an `export` request: the file, or why there is none. */
export type ExportedMessage =
  | { type: 'exported'; id: number; ok: true; fileName: string; mime: string; text: string }
  | { type: 'exported'; id: number; ok: false; message: string }

// Shared vocabulary ---------------------------------------------------------------------------

/** How the timeline groups events: its markers, its colours and what "next event" stops at. */
export type EventCategory = 'failure' | 'alert' | 'manoeuvre' | 'outage' | 'task'

/** Event types worth a timeline marker and a stop of "next event"; the rest are routine. */
export const EVENT_CATEGORY: Partial<Record<SimEvent['type'], EventCategory>> = {
  degradationOnset: 'failure',
  componentFailed: 'failure',
  satelliteFailed: 'failure',
  satelliteDecayed: 'failure',
  collision: 'failure',
  alert: 'alert',
  conjunctionWarning: 'alert',
  lowPower: 'alert',
  plannerFault: 'alert',
  maneuverExecuted: 'manoeuvre',
  slotFilled: 'manoeuvre',
  stationOutageStart: 'outage',
  stationOutageEnd: 'outage',
  solarStormStart: 'outage',
  solarStormEnd: 'outage',
  taskBurst: 'task',
}
