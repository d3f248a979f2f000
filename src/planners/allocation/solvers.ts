// The three ways of solving one allocation problem (problem.ts). All return, per task row, the
// column ((satellite, block) pair) it goes to or -1, and respect the same constraints: feasible
// pairs only, at most `slots[col]` rows per column, committed rows placed before any other.
//
// - greedy by priority and earliest deadline first: walk the rows in an order, give each one to
//   the feasible column with the earliest opportunity that still has a slot. Never revisits.
// - optimal: the exact maximum of the model (first the most committed rows served, then the
//   highest total priority, then the earliest captures as a tie-break worth less than a thousandth
//   of the smallest priority in all, so integer priorities are maximised exactly), as a linear
//   assignment between rows and slot columns (each (satellite, block) pair contributes one column
//   per slot) solved by solveAssignment.
//
// Pure; deterministic: every tie is broken by row or column index.

import { solveAssignment } from './assignment'
import type { AllocationProblem } from './problem'

export type RowOrder = (p: AllocationProblem, a: number, b: number) => number

/** Highest priority first, then the earlier deadline, then view order. */
export const byPriority: RowOrder = (p, a, b) =>
  p.tasks[b].priority - p.tasks[a].priority || p.tasks[a].windowEndS - p.tasks[b].windowEndS || a - b

/** Earliest deadline first, then the higher priority, then view order. */
export const byDeadline: RowOrder = (p, a, b) =>
  p.tasks[a].windowEndS - p.tasks[b].windowEndS || p.tasks[b].priority - p.tasks[a].priority || a - b

/** Committed rows first, each group in the given order. */
export function rowOrder(p: AllocationProblem, order: RowOrder): Int32Array {
  const rows = Int32Array.from(p.tasks, (_, i) => i)
  const isCommitted = (i: number) => (p.committed[i] >= 0 ? 0 : 1)
  return rows.sort((a, b) => isCommitted(a) - isCommitted(b) || order(p, a, b))
}

/** Greedy in the given order: each row to its earliest feasible column that has a slot left. */
export function solveOrdered(p: AllocationProblem, order: RowOrder): Int32Array {
  const width = p.sats.length * p.blocks
  const left = p.slots.slice()
  const out = new Int32Array(p.tasks.length).fill(-1)
  for (const i of rowOrder(p, order)) {
    let best = -1
    let bestT = Number.POSITIVE_INFINITY
    for (let col = 0; col < width; col++) {
      const t = p.optS[i * width + col]
      if (left[col] > 0 && t < bestT) {
        bestT = t
        best = col
      }
    }
    if (best >= 0) {
      out[i] = best
      left[best]--
    }
  }
  return out
}

/**
 * Exact optimum of the model by linear assignment. Row i's value on any slot of column col is
 * w_i − τ·(fraction of the horizon until the capture) − τ·[moves a committed row], with
 * w_i = priority (+ a bonus larger than all priorities together for committed rows) and τ so
 * small that all tie-breaks together stay below a thousandth of the smallest priority: the
 * total priority is maximised exactly whenever priorities are integers (as in scenario files).
 */
export function solveOptimal(p: AllocationProblem): Int32Array {
  const width = p.sats.length * p.blocks
  const out = new Int32Array(p.tasks.length).fill(-1)
  // Slot columns: one per slot of each (satellite, block) column.
  const slotCol: number[] = []
  for (let col = 0; col < width; col++) for (let s = 0; s < p.slots[col]; s++) slotCol.push(col)
  const m = slotCol.length
  // Matrix rows: only the tasks with at least one column that has a slot.
  const rowTask: number[] = []
  for (let i = 0; i < p.tasks.length; i++) {
    for (let col = 0; col < width; col++) {
      if (p.slots[col] > 0 && !Number.isNaN(p.optS[i * width + col])) {
        rowTask.push(i)
        break
      }
    }
  }
  const rows = rowTask.length
  if (rows === 0 || m === 0) return out
  let pMin = Number.POSITIVE_INFINITY
  let pSum = 0
  for (const t of p.tasks) {
    pMin = Math.min(pMin, t.priority)
    pSum += Math.abs(t.priority)
  }
  const tau = (1e-3 * Math.max(pMin, 1e-9)) / (2 * rows + 2)
  const bonus = pSum + 1
  const span = Math.max(p.endS - p.nowS, 1)
  const value = new Float64Array(rows * m).fill(Number.NEGATIVE_INFINITY)
  for (let r = 0; r < rows; r++) {
    const i = rowTask[r]
    const w = p.tasks[i].priority + (p.committed[i] >= 0 ? bonus : 0)
    for (let j = 0; j < m; j++) {
      const col = slotCol[j]
      const t = p.optS[i * width + col]
      if (Number.isNaN(t)) continue
      const moved = p.committed[i] >= 0 && p.committed[i] !== col ? 1 : 0
      value[r * m + j] = w - tau * ((t - p.nowS) / span + moved)
    }
  }
  const { rowToCol } = solveAssignment(value, rows, m, { maximize: true })
  for (let r = 0; r < rows; r++) if (rowToCol[r] >= 0) out[rowTask[r]] = slotCol[rowToCol[r]]
  return out
}
