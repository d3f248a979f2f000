// The report's `timing` section: how long each planner took per call, so slowness is visible
// without being decisive. It is the one part of a report that differs between runs (it is
// measured on the wall clock of the thread that ran plan()); nothing else depends on it.

export interface PlannerTiming {
  planner: string
  calls: number
  medianMs: number
  maxMs: number
}

export interface TimingReport {
  /** What the figures are, for a reader of the JSON. */
  note: string
  planners: PlannerTiming[]
}

const r3 = (x: number): number => Math.round(x * 1000) / 1000

/** Median and max per planner, sorted by planner id; null when nothing was measured. */
export function timingReport(timing: ReadonlyMap<string, readonly number[]>): TimingReport | null {
  if (timing.size === 0) return null
  const planners = [...timing.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([planner, ms]) => {
      const sorted = [...ms].sort((a, b) => a - b)
      const mid = sorted.length >> 1
      const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
      return { planner, calls: ms.length, medianMs: r3(median), maxMs: r3(sorted[sorted.length - 1]) }
    })
  return {
    note: 'Milliseconds inside plan() per call, measured by the thread that ran it (wall clock): the only part of the report that varies between runs.',
    planners,
  }
}
