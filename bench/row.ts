// One line of `npm run bench`: a figure beside a baseline measured in the same run, so the
// ratio stays meaningful on a shared, noisy machine.
export interface BenchRow {
  name: string
  params: Record<string, number | string>
  value: number
  unit: string
  baseline: number
  baselineName: string
  /** value / baseline */
  ratio: number
}

export function row(
  name: string,
  params: BenchRow['params'],
  value: number,
  unit: string,
  baseline: number,
  baselineName: string,
): BenchRow {
  return { name, params, value, unit, baseline, baselineName, ratio: value / baseline }
}

/** Median wall time of `fn` in ns over `runs` runs after `warmup` runs (process.hrtime). */
export function medianNs(fn: () => void, runs = 7, warmup = 2): number {
  for (let k = 0; k < warmup; k++) fn()
  const times: number[] = []
  for (let k = 0; k < runs; k++) {
    const t0 = process.hrtime.bigint()
    fn()
    times.push(Number(process.hrtime.bigint() - t0))
  }
  times.sort((x, y) => x - y)
  return times[Math.floor(times.length / 2)]
}
