// The allocation solvers' choices that whole runs rarely reach, on hand-made problems of one
// block: a tie between two satellites' capture times goes to the first satellite (solvers.ts:
// "every tie is broken by row or column index"); the optimal solver's tie-break weight stays
// below a thousandth of the smallest priority even when priorities are fractions; a committed
// task keeps its slot against any uncommitted one, whatever their priorities; and a task
// committed to the first column is not moved for an earlier capture elsewhere.

import { describe, expect, it } from 'vitest'
import type { TaskView } from '../../src/core'
import type { AllocationProblem } from '../../src/planners/allocation/problem'
import { byPriority, solveOptimal, solveOrdered } from '../../src/planners/allocation/solvers'
import { edgeProblem, satellite } from './allocation-edge-problem'

/**
 * One block from 0 to 3600 s (the edge tests' problem, with these rows): `opt[i][c]` is row i's
 * capture time on satellite c (NaN: none), `slots[c]` satellite c's capture slots.
 */
function oneBlock(
  opt: number[][],
  priority: number[],
  slots: number[],
  committed?: number[],
): AllocationProblem {
  const sats = slots.map((_, c) => satellite(c, { id: `s${c}` }))
  const base = edgeProblem(sats, {
    images: priority.map(() => 0),
    capacity: 8,
    downlinkBits: slots.map(() => 0),
  })
  return {
    ...base,
    tasks: priority.map((p, i) => ({ id: `t${i}`, priority: p, windowEndS: 3600 }) as TaskView),
    optS: Float64Array.from(opt.flat()),
    firstS: Float64Array.from(opt.flat()),
    slots: Int32Array.from(slots),
    committed: Int32Array.from(committed ?? priority.map(() => -1)),
  }
}

describe('allocation solvers on hand-made problems', () => {
  it('gives a greedy row the first of two satellites with the same capture time', () => {
    const p = oneBlock([[500, 500]], [1], [1, 1])
    expect(Array.from(solveOrdered(p, byPriority))).toEqual([0])
    // With the first satellite's only slot gone, the second one serves.
    const full = oneBlock([[500, 500]], [1], [0, 1])
    expect(Array.from(solveOrdered(full, byPriority))).toEqual([1])
  })

  it('keeps the earliest-capture tie-break below the gap between fractional priorities', () => {
    // One slot. Row 0 (priority 0.002) can only be captured at the horizon's end, row 1 (0.001)
    // right now. The tie-break costs row 0 at most τ·1 with τ ≤ 1e-3·0.001, far below the 0.001
    // it wins by, so row 0 is served.
    const p = oneBlock([[3600], [0]], [0.002, 0.001], [1])
    expect(Array.from(solveOptimal(p))).toEqual([0, -1])
  })

  it('never displaces a committed row, even for a task of four times its priority', () => {
    // Row 0 (priority 0.25) is committed to the one slot; row 1 (priority 1) could use it too.
    // The committed bonus exceeds every priority together (1.25), so row 0 keeps it.
    const p = oneBlock([[100], [50]], [0.25, 1], [1], [0, -1])
    expect(Array.from(solveOptimal(p))).toEqual([0, -1])
  })

  it('does not move a row committed to the first column for an earlier capture elsewhere', () => {
    // Row 0 is committed to satellite 0 (column 0) at 3000 s; satellite 1 could take it at
    // 100 s. Moving costs τ, more than any capture-time gain (τ · 2900/3600), so it stays.
    const p = oneBlock([[3000, 100]], [1], [1, 1], [0])
    expect(Array.from(solveOptimal(p))).toEqual([0])
    // Uncommitted, the same row goes to the earlier capture.
    const free = oneBlock([[3000, 100]], [1], [1, 1])
    expect(Array.from(solveOptimal(free))).toEqual([1])
  })
})
