// Benchmark: the exact assignment solver (src/planners/allocation/assignment.ts) on dense random
// cost matrices, beside a baseline measured in the same run.
//
// - 100×100 and 300×300: baseline munkres-js (the classic Munkres steps on nested arrays) on the
//   same matrix; both totals must agree or the benchmark throws.
// - 1000×1000: munkres-js would take minutes there (its run time grows roughly with n⁴ on random
//   matrices), so the baseline is a trivial O(n²) pass over the same matrix (the minimum of each
//   row). It is a floor, not a competitor: any exact solver must at least read every entry, so the
//   ratio says how many "reads of the matrix" the solve costs.
//
// Standalone check (one shell line):
//   node --import tsx -e "import('./bench/assignment.ts')
//     .then(async m => console.table(await m.assignmentRows()))"

import { createRequire } from 'node:module'
import { createRng } from '../src/core/rng'
import { solveAssignment } from '../src/planners/allocation/assignment'
import { type BenchRow, medianNs, row } from './row'

// munkres-js ships no types; load it through require with the one signature used here.
const munkres = createRequire(import.meta.url)('munkres-js') as (m: number[][]) => [number, number][]

const NS_PER_MS = 1e6

function randomMatrix(n: number, seed: number): Float64Array {
  const rng = createRng(seed)
  const c = new Float64Array(n * n)
  for (let k = 0; k < c.length; k++) c[k] = rng.next() * 1000
  return c
}

function nested(cost: Float64Array, n: number): number[][] {
  const out: number[][] = []
  for (let i = 0; i < n; i++) out.push(Array.from(cost.subarray(i * n, (i + 1) * n)))
  return out
}

function munkresTotal(m: number[][]): number {
  let total = 0
  for (const [i, j] of munkres(m)) total += m[i][j]
  return total
}

function rowMinScan(cost: Float64Array, n: number): number {
  let sum = 0
  for (let i = 0; i < n; i++) {
    let lo = Number.POSITIVE_INFINITY
    const base = i * n
    for (let j = 0; j < n; j++) if (cost[base + j] < lo) lo = cost[base + j]
    sum += lo
  }
  return sum
}

export async function assignmentRows(): Promise<BenchRow[]> {
  const rows: BenchRow[] = []
  let sink = 0

  for (const [n, runs, warmup] of [
    [100, 7, 2],
    [300, 3, 1],
  ] as const) {
    const cost = randomMatrix(n, 1000 + n)
    const m = nested(cost, n)
    const ours = solveAssignment(cost, n, n).total
    const theirs = munkresTotal(m)
    if (Math.abs(ours - theirs) > 1e-9 * Math.max(1, Math.abs(theirs))) {
      throw new Error(`assignment ${n}×${n}: our total ${ours} differs from munkres-js ${theirs}`)
    }
    const oursNs = medianNs(() => {
      sink += solveAssignment(cost, n, n).total
    }, 15)
    // munkres-js copies (pads) its input, so the same nested matrix can be reused.
    const theirsNs = medianNs(
      () => {
        sink += munkres(m).length
      },
      runs,
      warmup,
    )
    rows.push(row('assignment solve', { n }, oursNs / NS_PER_MS, 'ms', theirsNs / NS_PER_MS, 'munkres-js'))
  }

  {
    const n = 1000
    const cost = randomMatrix(n, 1000 + n)
    const oursNs = medianNs(
      () => {
        sink += solveAssignment(cost, n, n).total
      },
      5,
      1,
    )
    const scanNs = medianNs(
      () => {
        sink += rowMinScan(cost, n)
      },
      15,
      3,
    )
    rows.push(
      row('assignment solve', { n }, oursNs / NS_PER_MS, 'ms', scanNs / NS_PER_MS, 'row-min scan (n²)'),
    )
  }

  if (Number.isNaN(sink)) throw new Error('unreachable: keeps the timed work observable')
  return rows
}
