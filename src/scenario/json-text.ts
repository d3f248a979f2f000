// Text → JSON value, or one issue with a line and column. See json-syntax.ts for why the error
// is located by our own recogniser rather than by reading the engine's message.

import type { RawIssue } from './issues'
import { findJsonSyntaxError, lineColumn } from './json-syntax'

export type JsonTextResult = { ok: true; value: unknown } | { ok: false; issue: RawIssue }

export function parseJsonText(text: string): JsonTextResult {
  // Editors on Windows like to start files with a byte-order mark, which JSON.parse rejects.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  try {
    return { ok: true, value: JSON.parse(body) }
  } catch (error) {
    return { ok: false, issue: syntaxIssue(body, error) }
  }
}

function syntaxIssue(text: string, error: unknown): RawIssue {
  const found = findJsonSyntaxError(text)
  if (found !== undefined) {
    // Offsets are into `body`; a stripped BOM was never on any line a user can see, so no shift.
    return { path: [], message: `invalid JSON: ${found.message}`, ...lineColumn(text, found.offset) }
  }
  // Our recogniser accepted what the engine refused: trust the engine, salvage its position.
  return engineIssue(text, error instanceof Error ? error.message : String(error))
}

/** Reads "(line 3 column 14)" (newer V8, Firefox) or "at position 42" (Node 20) when present. */
export function engineIssue(text: string, message: string): RawIssue {
  const lineCol = /line (\d+) column (\d+)/.exec(message)
  const position = /at position (\d+)/.exec(message)
  const words = message
    .replace(/\s*\(line \d+ column \d+\)/, '')
    .replace(/\s*in JSON at position \d+/, '')
    .replace(/^JSON\.parse: /, '')
  const issue: RawIssue = { path: [], message: `invalid JSON: ${lowerFirst(words)}` }
  if (lineCol !== null) return { ...issue, line: Number(lineCol[1]), column: Number(lineCol[2]) }
  if (position !== null) return { ...issue, ...lineColumn(text, Number(position[1])) }
  return issue
}

function lowerFirst(text: string): string {
  return text.length > 0 ? text[0].toLowerCase() + text.slice(1) : text
}
