// Exact linear assignment on typed arrays: the shortest augmenting path method (Hungarian
// algorithm with dual potentials, one Dijkstra-like scan per row, in the form described by
// Jonker & Volgenant 1987 and by Crouse 2016, "On implementing 2D rectangular assignment
// algorithms"), with Jonker & Volgenant's column reduction as a warm start on square matrices.
// O(r²·c) worst case for r ≤ c.
//
// Pure: reads only its arguments, writes only the arrays it allocates and returns. No clock, no
// randomness, no global state. All scratch is allocated once per call; the augmenting loop itself
// allocates nothing.

export interface AssignmentOptions {
  /** Maximise the total instead of minimising it. Default false. */
  maximize?: boolean
}

export interface AssignmentResult {
  /** Column assigned to each row, or -1 when the row is unassigned. */
  rowToCol: Int32Array
  /** Sum of the input costs of the assigned pairs (0 when nothing is assigned). */
  total: number
}

/**
 * Solves the linear assignment problem for a dense `rows × cols` cost matrix stored row-major in
 * `cost` (entry (i, j) at `cost[i * cols + j]`).
 *
 * - Rectangular matrices are allowed. When `rows ≤ cols` every row is assigned to a distinct
 *   column; when `rows > cols` every column receives a distinct row and the surplus rows stay -1.
 *   (Subject to forbidden pairs, below.)
 * - Forbidden pairs: any non-finite entry (+Infinity, -Infinity or NaN — use +Infinity when
 *   minimising and -Infinity when maximising) is a pair that is never assigned. Internally a
 *   forbidden entry is replaced by a finite penalty larger than the spread of every feasible
 *   solution (`(n + 1) · (span + 1)`, where `span` is the range of the finite costs and `n` the
 *   smaller dimension), so the solver first maximises the number of feasible pairs and then
 *   minimises (or maximises) the total among those solutions. Pairs matched on a penalty cell are
 *   reported as -1. A row whose every column is forbidden therefore always stays -1, and a row can
 *   also stay -1 when its feasible columns are all needed by other rows.
 * - Ties between equally good assignments are broken deterministically (same input, same output).
 *
 * Throws a RangeError on malformed dimensions (negative or non-integer sizes, `cost` shorter than
 * `rows * cols`) or when the finite costs are so large that the penalty would overflow.
 */
export function solveAssignment(
  cost: Float64Array,
  rows: number,
  cols: number,
  opts: AssignmentOptions = {},
): AssignmentResult {
  if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 0 || cols < 0) {
    throw new RangeError(`solveAssignment: invalid size ${rows}×${cols}`)
  }
  if (cost.length < rows * cols) {
    throw new RangeError(`solveAssignment: cost has ${cost.length} entries, expected ${rows * cols}`)
  }
  const maximize = opts.maximize === true
  const rowToCol = new Int32Array(rows).fill(-1)
  if (rows === 0 || cols === 0) return { rowToCol, total: 0 }

  // Work in the orientation n ≤ m (n "rows" each get a distinct one of m "columns").
  const transposed = rows > cols
  const n = transposed ? cols : rows
  const m = transposed ? rows : cols
  const sign = maximize ? -1 : 1

  // Range of the finite (signed) costs, for the shift to non-negative values and the penalty.
  let lo = Number.POSITIVE_INFINITY
  let hi = Number.NEGATIVE_INFINITY
  let anyForbidden = false
  const size = rows * cols
  for (let k = 0; k < size; k++) {
    const c = cost[k] * sign
    if (c - c !== 0) {
      // Infinity - Infinity and NaN - NaN are NaN: a non-finite entry.
      anyForbidden = true
    } else {
      if (c < lo) lo = c
      if (c > hi) hi = c
    }
  }
  if (lo === Number.POSITIVE_INFINITY) return { rowToCol, total: 0 } // everything forbidden
  const span = hi - lo
  const penalty = anyForbidden ? (n + 1) * (span + 1) : 0
  if (!Number.isFinite(span) || !Number.isFinite(penalty * (n + 1))) {
    throw new RangeError('solveAssignment: cost magnitudes too large for an exact solution')
  }

  // a: n × m working matrix, shifted to [0, span] with forbidden cells at `penalty`.
  const a = new Float64Array(n * m)
  if (transposed) {
    for (let i = 0; i < rows; i++) {
      const src = i * cols
      for (let j = 0; j < cols; j++) {
        const c = cost[src + j] * sign
        a[j * m + i] = c - c === 0 ? c - lo : penalty
      }
    }
  } else {
    for (let k = 0; k < size; k++) {
      const c = cost[k] * sign
      a[k] = c - c === 0 ? c - lo : penalty
    }
  }

  const col4row = solveShortestAugmenting(a, n, m)

  let total = 0
  for (let i = 0; i < n; i++) {
    const j = col4row[i]
    const r = transposed ? j : i
    const c = transposed ? i : j
    const v = cost[r * cols + c]
    if (v - v !== 0) continue // matched on a forbidden cell: leave unassigned
    rowToCol[r] = c
  }
  // Sum in row order so the total does not depend on the orientation used internally.
  for (let r = 0; r < rows; r++) {
    if (rowToCol[r] >= 0) total += cost[r * cols + rowToCol[r]]
  }
  return { rowToCol, total }
}

/**
 * Core solver for n ≤ m on a non-negative finite matrix `a` (row-major n × m). Returns col4row.
 *
 * Invariants (dual feasibility): a[i][j] − u[i] − v[j] ≥ 0 for every pair, with equality on
 * assigned pairs. Column potentials only ever decrease, and a free column's potential is never
 * touched; when n < m they start at 0, so every free column keeps the largest potential, which is
 * what makes the partial (rectangular) assignment optimal. Rows are inserted one at a time; for
 * each, a Dijkstra scan over the reduced costs finds the shortest alternating path to a free
 * column, the potentials are updated lazily for the scanned rows/columns only, and the path is
 * flipped.
 */
function solveShortestAugmenting(a: Float64Array, n: number, m: number): Int32Array {
  const u = new Float64Array(n)
  const v = new Float64Array(m)
  const dist = new Float64Array(m) // shortest path cost to each column in the current scan
  const pred = new Int32Array(m) // predecessor row of each column on the shortest path tree
  const col4row = new Int32Array(n).fill(-1)
  const row4col = new Int32Array(m).fill(-1)
  // Columns not yet scanned live in todo[0..nTodo); scanned ones are swapped to the tail.
  const todo = new Int32Array(m)
  const scannedRows = new Int32Array(n)
  const INF = Number.POSITIVE_INFINITY

  if (n === m) {
    // Square case: column reduction (Jonker & Volgenant's first phase). v[j] = min over column j,
    // and the row of that minimum takes column j if it is still free. Reduced costs stay ≥ 0 with
    // u = 0, and assigned pairs have reduced cost 0. (Not for n < m: there a free column must
    // keep v = 0, the largest potential, for the partial assignment to be optimal.)
    for (let j = m - 1; j >= 0; j--) {
      let lo = a[j]
      let at = 0
      for (let i = 1; i < n; i++) {
        const c = a[i * m + j]
        if (c < lo) {
          lo = c
          at = i
        }
      }
      v[j] = lo
      if (col4row[at] < 0) {
        col4row[at] = j
        row4col[j] = at
      }
    }
  }

  for (let start = 0; start < n; start++) {
    if (col4row[start] >= 0) continue
    for (let j = 0; j < m; j++) todo[j] = j
    dist.fill(INF)
    let nTodo = m
    let nScanned = 0
    let minVal = 0
    let i = start
    let sink = -1

    while (sink < 0) {
      scannedRows[nScanned++] = i
      const base = i * m
      const hi = minVal - u[i]
      let lowest = INF
      let lowestAt = -1
      for (let t = 0; t < nTodo; t++) {
        const j = todo[t]
        let d = dist[j]
        const r = hi + a[base + j] - v[j]
        if (r < d) {
          d = r
          dist[j] = r
          pred[j] = i
        }
        // Prefer a free column on ties: it ends the scan sooner.
        if (d < lowest || (d === lowest && row4col[j] < 0)) {
          lowest = d
          lowestAt = t
        }
      }
      minVal = lowest
      const j = todo[lowestAt]
      // Move j to the scanned tail.
      nTodo--
      todo[lowestAt] = todo[nTodo]
      todo[nTodo] = j
      if (row4col[j] < 0) sink = j
      else i = row4col[j]
    }

    // Update potentials of the scanned rows and columns (before the path is flipped).
    u[start] += minVal
    for (let s = 1; s < nScanned; s++) {
      const r = scannedRows[s]
      u[r] += minVal - dist[col4row[r]]
    }
    for (let t = nTodo; t < m; t++) {
      const j = todo[t]
      v[j] -= minVal - dist[j]
    }

    // Flip the alternating path ending at the sink.
    let j = sink
    for (;;) {
      const r = pred[j]
      row4col[j] = r
      const prev = col4row[r]
      col4row[r] = j
      if (r === start) break
      j = prev
    }
  }
  return col4row
}
