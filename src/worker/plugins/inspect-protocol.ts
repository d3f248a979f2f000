// Messages to and from the inspector: a short-lived Web Worker that runs a user's planner module
// once to check it and describe it, so a module that loops or throws while loading never runs
// on the page's thread or in the simulation's worker. The UI starts one per question and
// terminates it after the answer or at the deadline.

import type { PlannerDescription } from '../../planners/describe'
import type { ModuleIssue } from './module-loader'

export type ToInspector =
  /** Load this module text and describe its planners. */
  | { type: 'inspect'; text: string; file: string }
  /** Describe the built-in planners. */
  | { type: 'catalog' }

export type FromInspector =
  | { type: 'planners'; planners: PlannerDescription[] }
  | { type: 'refused'; issues: ModuleIssue[] }

export type { ParamSchema, PlannerDescription } from '../../planners/describe'
export type { ModuleIssue } from './module-loader'
