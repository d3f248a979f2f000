// OMM in the CSV form public catalogues serve: a header row of OMM key names, then one record per
// row. Quoted cells (RFC 4180: "…", "" for a quote) are read; blank lines and CRLF are tolerated.
// Cells stay strings: the OMM schema reads numeric strings.

export interface CsvRow {
  /** 1-based line of the file the row starts on. */
  line: number
  cells: Record<string, string>
}

export type CsvReading = { ok: true; rows: CsvRow[] } | { ok: false; line: number; message: string }

export function readOmmCsv(text: string): CsvReading {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  const rows = splitRows(body)
  if (!rows.ok) return rows
  const [header, ...data] = rows.rows
  if (header === undefined)
    return { ok: false, line: 1, message: 'expected a header row of OMM keys, got nothing' }
  const keys = header.cells.map((k) => k.trim())
  const out: CsvRow[] = []
  for (const row of data) {
    if (row.cells.length !== keys.length) {
      return {
        ok: false,
        line: row.line,
        message: `record ${out.length + 1}: expected ${keys.length} cells (as in the header), got ${row.cells.length}`,
      }
    }
    const cells: Record<string, string> = {}
    keys.forEach((key, i) => {
      cells[key] = row.cells[i]
    })
    out.push({ line: row.line, cells })
  }
  return { ok: true, rows: out }
}

type Split =
  | { ok: true; rows: { line: number; cells: string[] }[] }
  | { ok: false; line: number; message: string }

/** One linear pass over the text: cells split at commas outside quotes, rows at line breaks. */
function splitRows(text: string): Split {
  const rows: { line: number; cells: string[] }[] = []
  let cells: string[] = []
  let cell = ''
  let quoted = false
  let line = 1
  let rowLine = 1
  const endRow = () => {
    cells.push(cell)
    if (cells.length > 1 || cells[0].trim() !== '') rows.push({ line: rowLine, cells })
    cells = []
    cell = ''
  }
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"'
        i++
      } else if (ch === '"') quoted = false
      else {
        if (ch === '\n') line++
        cell += ch
      }
    } else if (ch === '"' && cell.trim() === '') {
      quoted = true
      cell = ''
    } else if (ch === ',') {
      cells.push(cell)
      cell = ''
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++
      endRow()
      line++
      rowLine = line
    } else cell += ch
  }
  if (quoted)
    return {
      ok: false,
      line: rowLine,
      message: 'expected a closing quote (") in this row, got the end of the file',
    }
  endRow()
  return { ok: true, rows }
}
