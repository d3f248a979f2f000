// Element-set files (2LE/3LE text, OMM JSON or CSV) read into a scenario value and a notice, or
// the problems, each naming its record. The loader's loadScenarioText calls this first, so the
// CLI and the app accept these files through the same entry point as scenarios.

import type { RawIssue } from '../issues'
import { MAX_SATELLITES } from '../schema/constellation'
import { isOmmJson, textKind } from './detect'
import { readOmmCsv } from './omm-csv'
import { readOmmRecords } from './omm-records'
import { readTleFile } from './tle-file'
import type { ElementSets } from './to-scenario'

export { constellationOf, type ElementSets, type Imported, toScenarioValue } from './to-scenario'

export type ElementSetReading = { ok: true; sets: ElementSets } | { ok: false; issues: RawIssue[] }

/** Reads an element-set text; undefined when the text is not one (a JSON document). */
export function readElementSetText(text: string, file: string): ElementSetReading | undefined {
  const kind = textKind(text, file)
  if (kind === 'tle') {
    const read = readTleFile(text)
    const limit = overLimit(read.count)
    if (limit) return limit
    if (read.issues.length > 0) return { ok: false, issues: read.issues }
    if (read.records.length === 0)
      return { ok: false, issues: [{ path: [], message: 'expected two-line element sets, got none' }] }
    return { ok: true, sets: { kind: 'tle', records: read.records } }
  }
  if (kind === 'omm-csv') {
    const csv = readOmmCsv(text)
    if (!csv.ok) return { ok: false, issues: [{ path: [], line: csv.line, message: csv.message }] }
    const limit = overLimit(csv.rows.length)
    if (limit) return limit
    const cells = csv.rows.map((r) => r.cells)
    return fromOmm(readOmmRecords(cells, (i) => ({ line: csv.rows[i].line })))
  }
  return undefined
}

/** Reads parsed JSON as OMM; undefined when it is not an OMM document (then it is a scenario). */
export function readElementSetJson(value: unknown): ElementSetReading | undefined {
  if (!isOmmJson(value)) return undefined
  const list = Array.isArray(value) ? value : [value]
  const limit = overLimit(list.length)
  if (limit) return limit
  return fromOmm(readOmmRecords(list, (i) => ({ path: Array.isArray(value) ? [i] : [] })))
}

function fromOmm(read: ReturnType<typeof readOmmRecords>): ElementSetReading {
  if (read.issues.length > 0) return { ok: false, issues: read.issues }
  return { ok: true, sets: { kind: 'omm', records: read.records } }
}

function overLimit(count: number): ElementSetReading | undefined {
  if (count <= MAX_SATELLITES) return undefined
  return {
    ok: false,
    issues: [
      {
        path: [],
        message: `expected at most ${MAX_SATELLITES} element sets (the limit on satellites per scenario), got ${count}; split the file`,
      },
    ],
  }
}

/** Any element-set text (2LE/3LE, OMM JSON or CSV); undefined when it is a scenario or not JSON. */
export function readElementSets(text: string, file: string): ElementSetReading | undefined {
  const fromText = readElementSetText(text, file)
  if (fromText !== undefined) return fromText
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  let value: unknown
  try {
    value = JSON.parse(body)
  } catch {
    return undefined
  }
  return readElementSetJson(value)
}
