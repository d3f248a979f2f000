// What each task target shows in a pane: its code (TASK_CODE) in that pane's strategy — or, for
// hand-made frames without outcomes, from the time alone — and whether the strategies disagree
// about it (for the differences view). Typed-array writes into the markers' attributes.

import type { BufferAttribute, Points } from 'three'
import type { TaskSpec } from '../../core/spec'
import { type FrameMessage, TASK_CODE } from '../../worker/protocol'
import { taskDifferences } from '../differences'

/** A task whose target is drawn, and from when (s after epoch; −∞ for tasks known at the start). */
export interface TargetTask {
  task: TaskSpec
  knownFromS: number
}

/**
 * A task's code in this view: the strategy's own outcome when the frame carries it, else from the
 * time alone (hidden until known, pending, open, then missed once the window closed).
 */
export function taskCode(
  targets: readonly TargetTask[],
  f: FrameMessage | null,
  strategyIndex: number,
  q: number,
): number {
  const own = f?.frames[strategyIndex]?.taskState
  if (own && q < own.length) return own[q]
  const t = targets[q]
  if (!t) return TASK_CODE.unknown
  const now = f ? f.timeS : 0
  if (now < t.knownFromS) return TASK_CODE.unknown
  if (now < t.task.windowStartS) return TASK_CODE.pending
  return now <= t.task.windowEndS ? TASK_CODE.open : TASK_CODE.missed
}

/** Writes each target's code and whether it differs between the frame's strategies. */
export function writeTargetStates(
  points: Points,
  targets: readonly TargetTask[],
  f: FrameMessage | null,
  strategyIndex: number,
  scratch: Uint8Array,
): void {
  const state = points.geometry.getAttribute('state') as BufferAttribute
  const diff = points.geometry.getAttribute('diff') as BufferAttribute
  const codes = state.array as Float32Array
  const flags = diff.array as Float32Array
  for (let q = 0; q < codes.length; q++) codes[q] = taskCode(targets, f, strategyIndex, q)
  if (f) taskDifferences(f.frames, scratch)
  else scratch.fill(0)
  for (let q = 0; q < flags.length; q++) flags[q] = scratch[q] ?? 0
  state.needsUpdate = true
  diff.needsUpdate = true
}
