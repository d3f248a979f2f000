// OMM records from a file (JSON or CSV), checked one by one with the scenario's OMM schema so that
// every problem names its record: "record 7: MEAN_MOTION: expected a number > 0 …". Keys the
// scenario format does not hold (catalogue extras such as OBJECT_TYPE) are dropped first.

import type { OmmElements } from '../../core/spec'
import { isRecord } from '../checks/context'
import { formatPath, type PathSegment, type RawIssue } from '../issues'
import { OMM_KEYS, ommSchema } from '../schema/omm'
import { fallbackMessage, fromZodIssues } from '../zod-issues'

/** Where record i sits in its file: a JSON path prefix, or a line of a CSV file. */
export type RecordPlace = { path: PathSegment[] } | { line: number }

export function readOmmRecords(
  records: readonly unknown[],
  place: (i: number) => RecordPlace,
): { records: OmmElements[]; issues: RawIssue[] } {
  const out: OmmElements[] = []
  const issues: RawIssue[] = []
  records.forEach((record, i) => {
    const parsed = ommSchema.safeParse(known(record), { error: fallbackMessage })
    if (parsed.success) {
      out.push(parsed.data)
      return
    }
    const where = place(i)
    for (const issue of fromZodIssues(parsed.error.issues)) {
      const field = issue.path.length > 0 ? `${formatPath(issue.path)}: ` : ''
      issues.push(
        'line' in where
          ? { path: [], line: where.line, message: `record ${i + 1}: ${field}${issue.message}` }
          : { path: [...where.path, ...issue.path], message: `record ${i + 1}: ${issue.message}` },
      )
    }
  })
  return { records: out, issues }
}

function known(record: unknown): unknown {
  if (!isRecord(record)) return record
  const out: Record<string, unknown> = {}
  for (const key of OMM_KEYS) if (Object.hasOwn(record, key)) out[key] = record[key]
  return out
}
