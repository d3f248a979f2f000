// Shared by the cross-checks. They read the raw (migrated, unvalidated) file piece by piece and
// judge only the pieces that pass their own schema, so a broken task never hides a dangling
// event reference elsewhere, and a broken piece is never reported twice.

import type { z } from 'zod'
import type { PathSegment, RawIssue } from '../issues'

export type Report = (path: PathSegment[], message: string) => void

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** An own property only: a key named "constructor" must not find Object's. */
export function own(value: unknown, key: string): unknown {
  return isRecord(value) && Object.hasOwn(value, key) ? value[key] : undefined
}

export function list(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : []
}

/** The piece's parsed value, or undefined when the piece is invalid (the schema reports why). */
export function parsed<S extends z.ZodType>(schema: S, value: unknown): z.output<S> | undefined {
  const result = schema.safeParse(value)
  return result.success ? result.data : undefined
}

export function collector(): { issues: RawIssue[]; report: Report } {
  const issues: RawIssue[] = []
  return { issues, report: (path, message) => issues.push({ path, message }) }
}
