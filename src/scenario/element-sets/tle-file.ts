// A two- or three-line element file (.tle, .3le, .txt as catalogues serve them): any number of
// records, blank lines and CRLF tolerated. The record checks are those of a scenario's "tle" list
// (../tle.ts); this adds what a file needs: problems named by record number and file line.

import type { RawIssue } from '../issues'
import { readTle, type TleRecord } from '../tle'

export interface TleFile {
  records: TleRecord[]
  issues: RawIssue[]
  /** Records in the file, good and bad. */
  count: number
}

export function readTleFile(text: string): TleFile {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  const lines: string[] = []
  const lineNumbers: number[] = []
  body.split(/\r\n|\r|\n/).forEach((line, i) => {
    if (line.trim() === '') return
    lines.push(line)
    lineNumbers.push(i + 1)
  })
  const recordOf = recordNumbers(lines)
  const reading = readTle(lines)
  const issues = reading.problems.map(
    (p): RawIssue => ({
      path: [],
      line: lineNumbers[p.index] ?? lineNumbers.length + 1,
      message: `record ${recordOf[p.index] ?? recordOf.at(-1) ?? 1}: ${p.message}`,
    }),
  )
  return { records: reading.records, issues, count: recordOf.at(-1) ?? 0 }
}

/**
 * 1-based record number of each line: a record starts at a name line, or at a line 1 that has
 * no name line before it; a line 2 belongs to the record before it.
 */
function recordNumbers(lines: readonly string[]): number[] {
  const out: number[] = []
  let record = 0
  let afterName = false
  for (const line of lines) {
    const trimmed = line.trimStart()
    if (trimmed.startsWith('2 ')) {
      afterName = false
    } else if (trimmed.startsWith('1 ')) {
      if (!afterName) record++
      afterName = false
    } else {
      record++
      afterName = true
    }
    out.push(Math.max(record, 1))
  }
  return out
}
