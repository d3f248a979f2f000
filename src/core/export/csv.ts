// CSV cells and rows (RFC 4180) for every table the sandbox writes: the comparison, the access
// log, the time series. Plain strings in, one line out; no I/O.

export type CsvValue = string | number | boolean | null | undefined

/** A cell, quoted when it holds a comma, a quote or a line break; null and undefined are empty. */
export function csvCell(x: CsvValue): string {
  const s = x === null || x === undefined ? '' : String(x)
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

export function csvRow(cells: readonly CsvValue[]): string {
  return cells.map(csvCell).join(',')
}
