// solveAssignment's refusals that the loose checks elsewhere do not pin: which sizes are refused
// with the solver's own message (a negative size must not reach a typed-array constructor, whose
// error says nothing about the call), and the penalty bound, which must leave room for n + 1
// penalty cells on one augmenting path, not just one.

import { describe, expect, it } from 'vitest'
import { solveAssignment } from '../../src/planners/allocation/assignment'

const TOO_LARGE = 'solveAssignment: cost magnitudes too large for an exact solution'

describe('solveAssignment refusals', () => {
  it('names a negative row count in its own message', () => {
    expect(() => solveAssignment(new Float64Array(4), -1, 2)).toThrow(
      new RangeError('solveAssignment: invalid size -1×2'),
    )
  })

  it('refuses a negative column count even when the cost array is empty', () => {
    // 2 × −1 asks for −2 entries, so the length check alone would let it through.
    expect(() => solveAssignment(new Float64Array(0), 2, -1)).toThrow(
      new RangeError('solveAssignment: invalid size 2×-1'),
    )
  })

  it('refuses a penalty that is finite but overflows once taken n + 1 times', () => {
    // n = 2, span = 5e307: penalty = 3 · (5e307 + 1) = 1.5e308 is a finite double, but three
    // penalties (4.5e308) are not, so a path through forbidden cells could not be summed.
    const cost = Float64Array.from([5e307, 0, Number.POSITIVE_INFINITY, 1])
    expect(Number.isFinite(3 * (5e307 + 1))).toBe(true)
    expect(() => solveAssignment(cost, 2, 2)).toThrow(new RangeError(TOO_LARGE))
  })

  it('solves a forbidden cell beside costs whose threefold penalty still fits', () => {
    // span = 1e307: penalty 3e307, three of them 9e307 < 1.8e308, so this is solved exactly.
    const cost = Float64Array.from([1e307, 0, Number.POSITIVE_INFINITY, 1])
    const { rowToCol, total } = solveAssignment(cost, 2, 2)
    // Row 1 can only take column 1 (column 0 is forbidden), leaving row 0 column 0.
    expect(Array.from(rowToCol)).toEqual([0, 1])
    expect(total).toBe(1e307 + 1)
  })
})
