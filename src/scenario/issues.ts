// The loader's error currency. Internally an issue carries its JSON path as segments so issues
// can be sorted into file order; the public ScenarioIssue carries the path already formatted.

import { clip } from './preview'

export type PathSegment = string | number

/** One problem found while loading, named precisely enough to fix without guessing. */
export interface ScenarioIssue {
  /** The file name the caller passed (shown as given). */
  file: string
  /** JSON path such as `groundStations[1].latDeg`; empty for the document as a whole. */
  path: string
  /** The `expected …, got …` part. */
  message: string
  /** 1-based position, only for JSON syntax errors. */
  line?: number
  column?: number
}

/** An issue before it is tied to a file. */
export interface RawIssue {
  path: PathSegment[]
  message: string
  line?: number
  column?: number
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/
/** A key longer than this (a pasted megabyte, say) is cut with an ellipsis in messages. */
const MAX_KEY_CHARS = 60

/** `constellation.walker[0].prefix`, with keys that are not identifiers quoted: `strategies["a b"]`. */
export function formatPath(path: readonly PathSegment[]): string {
  let out = ''
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`
    else if (IDENTIFIER.test(segment) && segment.length <= MAX_KEY_CHARS)
      out += out === '' ? segment : `.${segment}`
    else out += `[${JSON.stringify(clip(segment, MAX_KEY_CHARS))}]`
  }
  return out
}

/** `file: line 3, column 14: path: message`, leaving out the parts an issue does not have. */
export function formatIssue(issue: ScenarioIssue): string {
  const parts = [issue.file]
  if (issue.line !== undefined) {
    parts.push(
      issue.column === undefined ? `line ${issue.line}` : `line ${issue.line}, column ${issue.column}`,
    )
  }
  if (issue.path !== '') parts.push(issue.path)
  parts.push(issue.message)
  return parts.join(': ')
}

export function formatIssues(issues: readonly ScenarioIssue[]): string {
  return issues.map(formatIssue).join('\n')
}

export function toScenarioIssue(raw: RawIssue, file: string): ScenarioIssue {
  const issue: ScenarioIssue = { file, path: formatPath(raw.path), message: raw.message }
  if (raw.line !== undefined) issue.line = raw.line
  if (raw.column !== undefined) issue.column = raw.column
  return issue
}
