// "Did you mean …?" for misspelt keys, enum values and ids. Optimal-string-alignment distance
// (Levenshtein plus adjacent transpositions, so "widnow" is one edit from "window").

/** Edit distance between two strings, counting an adjacent transposition as one edit. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1
  const cols = b.length + 1
  const d: number[] = new Array(rows * cols).fill(0)
  for (let i = 0; i < rows; i++) d[i * cols] = i
  for (let j = 0; j < cols; j++) d[j] = j
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let best = Math.min(
        d[(i - 1) * cols + j] + 1,
        d[i * cols + j - 1] + 1,
        d[(i - 1) * cols + j - 1] + cost,
      )
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, d[(i - 2) * cols + j - 2] + 1)
      }
      d[i * cols + j] = best
    }
  }
  return d[rows * cols - 1]
}

/**
 * The candidate closest to `word`, if it is close enough and the only one that close. Case is
 * ignored when measuring, so "Svalbard" finds "svalbard". A tie means we cannot tell what was
 * meant ("P1-S9" is one edit from every "P1-Sn"), and a wrong guess is worse than none.
 */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  // Long strings (a pasted paragraph as a key) are never typos of a short name; skip the work.
  if (word.length === 0 || word.length > 64) return undefined
  const lower = word.toLowerCase()
  const limit = lower.length <= 4 ? 1 : lower.length <= 8 ? 2 : 3
  let best: string | undefined
  let bestDistance = Number.POSITIVE_INFINITY
  let tie = false
  for (const candidate of candidates) {
    if (candidate === word) continue
    const distance = editDistance(lower, candidate.toLowerCase())
    if (distance < bestDistance) {
      best = candidate
      bestDistance = distance
      tie = false
    } else if (distance === bestDistance) {
      tie = true
    }
  }
  return best !== undefined && bestDistance <= limit && !tie ? best : undefined
}

/** ` (did you mean "x"?)` or an empty string. */
export function didYouMean(word: string, candidates: readonly string[]): string {
  const match = closest(word, candidates)
  return match === undefined ? '' : ` (did you mean ${JSON.stringify(match)}?)`
}
