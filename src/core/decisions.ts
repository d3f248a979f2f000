// What planners may ask of the engine. A planner returns a list of these; the engine validates
// each one against the current state and applies only the valid ones, logging the rest as
// planner faults. Every decision carries a one-line rationale in plain language.

import type { ComponentName } from './spec'

export type PlannerKind = 'trajectory' | 'allocation' | 'maintenance'
export const PLANNER_KINDS: readonly PlannerKind[] = ['trajectory', 'allocation', 'maintenance']

/** An impulsive Δv, m/s: along radial / transverse (along-track) / normal, or ECI components. */
export type DeltaV =
  | { frame: 'rtn'; r: number; t: number; n: number }
  | { frame: 'eci'; x: number; y: number; z: number }

export interface ManeuverDecision {
  kind: 'maneuver'
  satellite: string
  /** Seconds after epoch; executed at the first engine step at or after it. */
  atS: number
  dv: DeltaV
  /** Why the burn exists; the engine reports slot fills and avoidance outcomes by it. */
  purpose: 'slot-recovery' | 'orbit-raise' | 'collision-avoidance' | 'return' | 'other'
  /** For slot recovery: whose slot this spare is going to fill. */
  replaces?: string
  rationale: string
}

export interface AssignTaskDecision {
  kind: 'assignTask'
  satellite: string
  task: string
  rationale: string
}

export interface DownlinkDecision {
  kind: 'downlink'
  satellite: string
  station: string
  startS: number
  endS: number
  rationale: string
}

export interface AlertDecision {
  kind: 'alert'
  satellite: string
  component: ComponentName
  severity: 'warning' | 'critical'
  /** When the planner expects the failure limit to be crossed, s after epoch, if it predicts one. */
  predictedFailureS?: number
  /** Ask the rest of the strategy to stop relying on this satellite. */
  retire?: boolean
  rationale: string
}

export interface ModeDecision {
  kind: 'setMode'
  satellite: string
  /** 'edge': process images on board (smaller downlink, extra power); 'raw': send raw data. */
  mode: 'edge' | 'raw'
  rationale: string
}

/** Nothing to change, but something to say: why a planner chose to do nothing, for the log. */
export interface NoteDecision {
  kind: 'note'
  satellite?: string
  rationale: string
}

export type Decision =
  | ManeuverDecision
  | AssignTaskDecision
  | DownlinkDecision
  | AlertDecision
  | ModeDecision
  | NoteDecision
export type DecisionKind = Decision['kind']
