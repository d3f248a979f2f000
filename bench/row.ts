import v8 from 'node:v8'
import vm from 'node:vm'

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

function fmt(x: number): string {
  return Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 1 ? x.toFixed(2) : x.toPrecision(3)
}

/** Prints rows as JSON (an array) or as an aligned table on standard output. */
export function printRows(rows: BenchRow[], json: boolean): void {
  if (json) {
    process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`)
    return
  }
  const table = [['name', 'params', 'value', 'baseline', 'ratio']]
  for (const r of rows) {
    const params = Object.entries(r.params)
      .map(([k, v]) => `${k}=${v}`)
      .join(' ')
    table.push([
      r.name,
      params,
      `${fmt(r.value)} ${r.unit}`,
      `${fmt(r.baseline)} (${r.baselineName})`,
      fmt(r.ratio),
    ])
  }
  const widths = table[0].map((_, c) => Math.max(...table.map((t) => t[c].length)))
  for (const t of table) process.stdout.write(`${t.map((cell, c) => cell.padEnd(widths[c])).join('  ')}\n`)
}

v8.setFlagsFromString('--expose-gc')
/** A full garbage collection (the flag set at run time: `npm run bench` needs no node option). */
export const fullGc = vm.runInNewContext('gc') as () => void
