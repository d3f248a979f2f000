// Which kind of file a text is, so that one entry point (loadScenarioText) takes a scenario, a
// two- or three-line element file or an OMM file alike. The extension decides when it is one of
// the element-set ones; otherwise the first lines do. JSON is told apart after parsing (an OMM
// document is a list of records or one record; a scenario is an object with "formatVersion").

import { isRecord } from '../checks/context'

export type TextKind = 'tle' | 'omm-csv' | 'json'

const TLE_EXTENSIONS = new Set(['tle', '3le', '2le', 'txt'])

export function extensionOf(file: string): string {
  const base = file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1)
  const dot = base.lastIndexOf('.')
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : ''
}

/** The file's base name without its extension (for a generated scenario's id and title). */
export function baseNameOf(file: string): string {
  const base = file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1)
  const dot = base.lastIndexOf('.')
  return dot > 0 ? base.slice(0, dot) : base
}

export function textKind(text: string, file: string): TextKind {
  const start = firstLines(text, 2)
  const first = start[0] ?? ''
  // A JSON document stays JSON whatever its name says: its errors are then the JSON ones.
  if (first.startsWith('{') || first.startsWith('[')) return 'json'
  const ext = extensionOf(file)
  if (TLE_EXTENSIONS.has(ext)) return 'tle'
  if (ext === 'csv' || /(^|,)\s*"?MEAN_MOTION"?\s*(,|$)/.test(first)) return 'omm-csv'
  if (first.startsWith('1 ') || first.startsWith('0 ') || (start[1] ?? '').startsWith('1 ')) return 'tle'
  return 'json'
}

/** Whether parsed JSON is an OMM document (a list of records, or one record) rather than a scenario. */
export function isOmmJson(value: unknown): value is unknown[] | Record<string, unknown> {
  if (Array.isArray(value)) return value.length > 0 && isRecord(value[0]) && looksLikeOmm(value[0])
  return isRecord(value) && !Object.hasOwn(value, 'formatVersion') && looksLikeOmm(value)
}

function looksLikeOmm(record: Record<string, unknown>): boolean {
  return Object.hasOwn(record, 'MEAN_MOTION') || Object.hasOwn(record, 'NORAD_CAT_ID')
}

/** The first `n` non-blank lines, trimmed, without splitting the whole (possibly huge) text. */
function firstLines(text: string, n: number): string[] {
  const out: string[] = []
  let from = text.charCodeAt(0) === 0xfeff ? 1 : 0
  // Bounded: at most one pass over the text, and it stops after n non-blank lines.
  while (from < text.length && out.length < n) {
    let to = text.indexOf('\n', from)
    if (to < 0) to = text.length
    const line = text.slice(from, to).trim()
    if (line !== '') out.push(line)
    from = to + 1
  }
  return out
}
