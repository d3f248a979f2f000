import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { solveAssignment } from '../../src/planners/allocation/assignment'
import { bruteForceAssignment } from './brute-force'

// munkres-js ships no types; load it through require with the one signature we use.
const munkres = createRequire(import.meta.url)('munkres-js') as (m: number[][]) => [number, number][]

/** Tiny local PRNG (mulberry32) so the instances are the same on every run. */
function prng(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Checks that a result is a valid assignment whose total is the sum of its pairs. */
function checkValid(cost: Float64Array, rows: number, cols: number, rowToCol: Int32Array, total: number) {
  expect(rowToCol.length).toBe(rows)
  const seen = new Set<number>()
  let sum = 0
  let pairs = 0
  for (let i = 0; i < rows; i++) {
    const j = rowToCol[i]
    if (j === -1) continue
    expect(j).toBeGreaterThanOrEqual(0)
    expect(j).toBeLessThan(cols)
    expect(seen.has(j)).toBe(false)
    seen.add(j)
    const c = cost[i * cols + j]
    expect(Number.isFinite(c)).toBe(true)
    sum += c
    pairs++
  }
  expect(total).toBeCloseTo(sum, 9)
  return pairs
}

function randomMatrix(
  rand: () => number,
  rows: number,
  cols: number,
  kind: 'int' | 'float',
  forbiddenP: number,
  forbidden: number,
): Float64Array {
  const c = new Float64Array(rows * cols)
  for (let k = 0; k < c.length; k++) {
    if (rand() < forbiddenP) c[k] = forbidden
    else c[k] = kind === 'int' ? Math.floor(rand() * 10) - 3 : rand() * 100 - 20
  }
  return c
}

describe('solveAssignment against brute force', () => {
  const modes = [false, true] as const
  for (const maximize of modes) {
    it(`matches the brute-force ${maximize ? 'maximum' : 'minimum'} on random instances up to 7×7`, () => {
      const rand = prng(maximize ? 1234 : 42)
      let cases = 0
      for (let rows = 1; rows <= 7; rows++) {
        for (let cols = 1; cols <= 7; cols++) {
          for (let rep = 0; rep < 12; rep++) {
            const kind = rep % 2 === 0 ? 'int' : 'float'
            const forbiddenP = [0, 0, 0.2, 0.5, 0.8, 0.35][rep % 6]
            const forbidden = maximize ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY
            const cost = randomMatrix(rand, rows, cols, kind, forbiddenP, forbidden)
            const got = solveAssignment(cost, rows, cols, { maximize })
            const want = bruteForceAssignment(cost, rows, cols, maximize)
            const pairs = checkValid(cost, rows, cols, got.rowToCol, got.total)
            expect(pairs).toBe(want.pairs)
            expect(got.total).toBeCloseTo(want.total, 9)
            cases++
          }
        }
      }
      expect(cases).toBe(7 * 7 * 12)
    })
  }

  it('assigns every row when rows ≤ cols and every column when rows > cols (no forbidden cells)', () => {
    const rand = prng(7)
    for (const [rows, cols] of [
      [3, 7],
      [7, 3],
      [1, 5],
      [5, 1],
    ]) {
      const cost = randomMatrix(rand, rows, cols, 'float', 0, 0)
      const { rowToCol } = solveAssignment(cost, rows, cols)
      const assigned = rowToCol.filter((j) => j >= 0).length
      expect(assigned).toBe(Math.min(rows, cols))
    }
  })

  it('treats NaN as forbidden and never assigns it', () => {
    const cost = new Float64Array([Number.NaN, 1, 2, Number.NaN])
    const { rowToCol, total } = solveAssignment(cost, 2, 2)
    expect(Array.from(rowToCol)).toEqual([1, 0])
    expect(total).toBe(3)
  })

  it('prefers more feasible pairs over a cheaper total', () => {
    // Row 0 can take column 0 (cost 100) or column 1 (cost 1); row 1 can only take column 1.
    const inf = Number.POSITIVE_INFINITY
    const cost = new Float64Array([100, 1, inf, 5])
    const { rowToCol, total } = solveAssignment(cost, 2, 2)
    expect(Array.from(rowToCol)).toEqual([0, 1])
    expect(total).toBe(105)
  })
})

describe('solveAssignment against munkres-js on medium random instances', () => {
  it('has the same optimal total (square and rectangular)', () => {
    const rand = prng(99)
    for (const [rows, cols] of [
      [20, 20],
      [40, 40],
      [25, 35],
      [35, 25],
      [60, 60],
    ]) {
      const cost = randomMatrix(rand, rows, cols, 'float', 0, 0)
      const nested: number[][] = []
      for (let i = 0; i < rows; i++) nested.push(Array.from(cost.subarray(i * cols, (i + 1) * cols)))
      let theirs = 0
      for (const [i, j] of munkres(nested)) if (i < rows && j < cols) theirs += nested[i][j]
      // munkres-js pads a rectangular matrix with zero-cost dummy rows/columns; a dummy costs the
      // same whatever it is paired with, so its optimum over the real pairs is the same problem.
      const ours = solveAssignment(cost, rows, cols)
      checkValid(cost, rows, cols, ours.rowToCol, ours.total)
      expect(ours.total).toBeCloseTo(theirs, 8)
    }
  })
})

describe('solveAssignment on published instances', () => {
  it('solves the Machineco instance (Winston, Operations Research, §7.5) with optimum 15', () => {
    // Four machines × four jobs, set-up times in hours.
    const cost = new Float64Array([14, 5, 8, 7, 2, 12, 6, 5, 7, 8, 3, 9, 2, 4, 6, 10])
    const { rowToCol, total } = solveAssignment(cost, 4, 4)
    expect(total).toBe(15)
    expect(Array.from(rowToCol)).toEqual([1, 3, 2, 0])
    expect(bruteForceAssignment(cost, 4, 4).total).toBe(15)
  })

  it('solves the munkres documentation example with optimum 850', () => {
    const cost = new Float64Array([400, 150, 400, 400, 450, 600, 300, 225, 300])
    const { rowToCol, total } = solveAssignment(cost, 3, 3)
    expect(total).toBe(850)
    expect(Array.from(rowToCol)).toEqual([1, 0, 2])
  })
})

describe('solveAssignment on degenerate input', () => {
  it('handles 0×0 and empty sides', () => {
    expect(solveAssignment(new Float64Array(0), 0, 0)).toEqual({ rowToCol: new Int32Array(0), total: 0 })
    const r = solveAssignment(new Float64Array(0), 3, 0)
    expect(Array.from(r.rowToCol)).toEqual([-1, -1, -1])
    expect(r.total).toBe(0)
    expect(solveAssignment(new Float64Array(0), 0, 4).rowToCol.length).toBe(0)
  })

  it('handles 1×1, feasible and forbidden', () => {
    expect(solveAssignment(new Float64Array([-2.5]), 1, 1)).toEqual({
      rowToCol: new Int32Array([0]),
      total: -2.5,
    })
    const f = solveAssignment(new Float64Array([Number.POSITIVE_INFINITY]), 1, 1)
    expect(Array.from(f.rowToCol)).toEqual([-1])
    expect(f.total).toBe(0)
  })

  it('handles all-equal costs', () => {
    const n = 6
    const { rowToCol, total } = solveAssignment(new Float64Array(n * n).fill(3), n, n)
    expect(new Set(rowToCol).size).toBe(n)
    expect(Math.min(...rowToCol)).toBe(0)
    expect(total).toBe(3 * n)
  })

  it('handles an all-forbidden matrix in both modes', () => {
    const min = solveAssignment(new Float64Array(12).fill(Number.POSITIVE_INFINITY), 3, 4)
    expect(Array.from(min.rowToCol)).toEqual([-1, -1, -1])
    expect(min.total).toBe(0)
    const max = solveAssignment(new Float64Array(12).fill(Number.NEGATIVE_INFINITY), 4, 3, { maximize: true })
    expect(Array.from(max.rowToCol)).toEqual([-1, -1, -1, -1])
    expect(max.total).toBe(0)
  })

  it('leaves a row with no feasible column unassigned and still solves the rest', () => {
    const inf = Number.POSITIVE_INFINITY
    const cost = new Float64Array([1, 2, 3, inf, inf, inf, 3, 1, 2])
    const { rowToCol, total } = solveAssignment(cost, 3, 3)
    expect(rowToCol[1]).toBe(-1)
    expect(total).toBe(2)
    expect(Array.from(rowToCol)).toEqual([0, -1, 1])
  })

  it('does not modify its input and is deterministic', () => {
    const rand = prng(5)
    const cost = randomMatrix(rand, 9, 9, 'int', 0.1, Number.POSITIVE_INFINITY)
    const copy = cost.slice()
    const a = solveAssignment(cost, 9, 9)
    const b = solveAssignment(cost, 9, 9)
    expect(cost).toEqual(copy)
    expect(a).toEqual(b)
  })

  it('rejects malformed dimensions', () => {
    expect(() => solveAssignment(new Float64Array(3), 2, 2)).toThrow(RangeError)
    expect(() => solveAssignment(new Float64Array(4), -1, 2)).toThrow(RangeError)
    expect(() => solveAssignment(new Float64Array(4), 1.5, 2)).toThrow(RangeError)
  })
})
