// Messages between the UI thread and the simulation Web Worker. The worker owns one engine per
// strategy being shown (compare mode runs them in lockstep from the same seed); the UI only
// sends intents and receives frames (high rate, transferable typed arrays) and digests (low
// rate, plain data for zustand stores). Nothing here imports React or three.

import type { MetricSeries, MetricValues, ScenarioSpec, SimEvent, SimReport, WorldView } from '../core'
import type { ScenarioIssue } from '../scenario'

// UI → worker --------------------------------------------------------------------------------

export type ToWorker =
  /** Parse and start a scenario. On failure the worker keeps what it was running. */
  | { type: 'load'; text: string; file: string; strategies?: string[]; seed?: number; timeS?: number }
  /** Show these strategies (names from the loaded scenario), restarting from t = 0 then seeking back. */
  | { type: 'setStrategies'; strategies: string[] }
  | { type: 'setSeed'; seed: number }
  /** Simulated seconds per wall second; 'max' runs as fast as the machine allows. */
  | { type: 'play'; speed: number | 'max' }
  | { type: 'pause' }
  | { type: 'step' }
  | { type: 'stepBack' }
  /** Jump to a time (s after epoch): forward by simulating, backward from snapshots. */
  | { type: 'seek'; timeS: number }
  /** Which satellite the digests describe in detail (id), or null. */
  | { type: 'select'; satellite: string | null }

// Worker → UI --------------------------------------------------------------------------------

/** Per strategy, one frame's fast-changing data. Typed arrays are transferred, not copied. */
export interface StrategyFrame {
  strategy: string
  /** ECI positions in km, 3 per satellite, in `LoadedMessage.satelliteIds` order. */
  positionsKm: Float32Array
  /** STATUS_NAMES index per satellite: 0 nominal, 1 alert, 2 failed, 3 manoeuvring, 4 safe. */
  status: Uint8Array
  /** Station index each satellite transmits to this step, -1 for none. */
  linkStation: Int16Array
}

export interface FrameMessage {
  type: 'frame'
  timeS: number
  /** Earth rotation angle (rad) and unit Sun direction in ECI at timeS. */
  gmstRad: number
  sunEci: [number, number, number]
  playing: boolean
  frames: StrategyFrame[]
}

export interface SatelliteDetail {
  view: WorldView['satellites'][number]
  /** Component health telemetry: sample times (s) and values per component. */
  telemetry: Record<string, { t: number[]; v: number[] }>
  /** Next predicted contact: station id and start/end s after epoch, or null within 12 h. */
  nextContact: { station: string; startS: number; endS: number } | null
  /** Events of the log that name this satellite (decisions, alerts, burns, failures). */
  events: SimEvent[]
}

export interface StrategyDigest {
  strategy: string
  metrics: MetricValues
  series: MetricSeries
  events: SimEvent[]
  report: SimReport
  selected: SatelliteDetail | null
}

export interface DigestMessage {
  type: 'digest'
  timeS: number
  digests: StrategyDigest[]
}

export interface LoadedMessage {
  type: 'loaded'
  file: string
  scenario: ScenarioSpec
  /** Satellite ids in frame order (Keplerian first, then TLE). */
  satelliteIds: string[]
  strategies: string[]
  seed: number
}

export type FromWorker =
  | LoadedMessage
  | { type: 'loadError'; file: string; issues: ScenarioIssue[] }
  | FrameMessage
  | DigestMessage
  /** A bug or a planner problem the worker could not contain; the UI shows it, the run stays. */
  | { type: 'error'; message: string }
