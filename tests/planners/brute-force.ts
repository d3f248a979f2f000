// Brute-force reference for the assignment tests: tries every injective map of the smaller side
// into the larger one. Same objective as solveAssignment: first the largest number of feasible
// (finite) pairs, then the best total among those. Only for tiny matrices (≤ 8 on a side).

export interface BruteForceOptimum {
  /** Number of feasible pairs in an optimal assignment. */
  pairs: number
  /** Best total over the feasible pairs (0 when there are none). */
  total: number
}

export function bruteForceAssignment(
  cost: Float64Array,
  rows: number,
  cols: number,
  maximize = false,
): BruteForceOptimum {
  const transposed = rows > cols
  const n = transposed ? cols : rows
  const m = transposed ? rows : cols
  const at = (i: number, j: number): number => (transposed ? cost[j * cols + i] : cost[i * cols + j])
  const used: boolean[] = new Array(m).fill(false)
  let bestPairs = -1
  let bestTotal = 0

  const visit = (i: number, pairs: number, total: number): void => {
    if (i === n) {
      const better =
        pairs > bestPairs || (pairs === bestPairs && (maximize ? total > bestTotal : total < bestTotal))
      if (better) {
        bestPairs = pairs
        bestTotal = total
      }
      return
    }
    for (let j = 0; j < m; j++) {
      if (used[j]) continue
      used[j] = true
      const c = at(i, j)
      if (Number.isFinite(c)) visit(i + 1, pairs + 1, total + c)
      else visit(i + 1, pairs, total)
      used[j] = false
    }
  }
  visit(0, 0, 0)
  return { pairs: Math.max(bestPairs, 0), total: bestTotal }
}
