// solveAssignment's refusal of costs it cannot solve exactly: the Hungarian method shifts every
// cost by the smallest one and gives forbidden cells a penalty above (n + 1)·(span + 1); when that
// overflows a double, the answer would be garbage, so it throws instead.

import { describe, expect, it } from 'vitest'
import { solveAssignment } from '../../src/planners/allocation/assignment'

const TOO_LARGE = 'solveAssignment: cost magnitudes too large for an exact solution'

describe('solveAssignment on extreme costs', () => {
  it('throws when the span of the costs overflows', () => {
    const cost = Float64Array.from([1e308, -1e308, 0, 1])
    expect(() => solveAssignment(cost, 2, 2)).toThrow(new RangeError(TOO_LARGE))
  })

  it('throws when only the forbidden cells’ penalty would overflow', () => {
    // Span 1e308 is finite; with a forbidden cell the penalty (n + 1)·(span + 1) is not.
    const cost = Float64Array.from([1e308, 0, Number.POSITIVE_INFINITY, 1])
    expect(() => solveAssignment(cost, 2, 2)).toThrow(new RangeError(TOO_LARGE))
    // The same costs without the forbidden cell are solved: the diagonal 1e308 + 1 is dearer
    // than the anti-diagonal 0 + cost[2].
    const open = solveAssignment(Float64Array.from([1e308, 0, 5, 1]), 2, 2)
    expect(Array.from(open.rowToCol)).toEqual([1, 0])
    expect(open.total).toBe(5)
  })
})
