// What differs between the strategies shown side by side, read from one frame: per task, whether
// its outcome (TASK_CODE) is the same in every strategy; per satellite, whether its status is.
// The "differences" view dims what is the same everywhere and highlights the rest. Pure
// typed-array reads and writes, no three, so it is tested without a renderer.

import type { StrategyFrame } from '../worker/protocol'

/**
 * out[q] = 1 when task q's outcome differs between the frames, 0 when it is the same in all (or
 * fewer than two frames carry task outcomes). Returns how many differ.
 */
export function taskDifferences(frames: readonly StrategyFrame[], out: Uint8Array): number {
  return differences(
    frames.map((f) => f.taskState),
    out,
  )
}

/** out[k] = 1 when satellite k's status differs between the frames, else 0. Returns how many differ. */
export function statusDifferences(frames: readonly StrategyFrame[], out: Uint8Array): number {
  return differences(
    frames.map((f) => f.status),
    out,
  )
}

function differences(columns: readonly (ArrayLike<number> | undefined)[], out: Uint8Array): number {
  out.fill(0)
  const present = columns.filter((c): c is ArrayLike<number> => c !== undefined)
  if (present.length < 2) return 0
  const first = present[0]
  let n = 0
  for (let i = 0; i < out.length; i++) {
    if (i >= first.length) break
    const v = first[i]
    for (let c = 1; c < present.length; c++) {
      if (present[c][i] !== v) {
        out[i] = 1
        n++
        break
      }
    }
  }
  return n
}
