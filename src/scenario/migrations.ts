// Upgrading old scenario files. A migration rewrites the raw JSON object of one format version
// into the next, before validation, so the schema only ever knows the current format. Version 1
// is the first, so the list is empty; when the format changes, bump CURRENT_FORMAT_VERSION, add
// `{ from: 1, to: 2, migrate }` here and a test that an old file still loads.

import type { RawIssue } from './issues'

export const CURRENT_FORMAT_VERSION = 1

export interface Migration {
  from: number
  /** Greater than `from`; usually from + 1. */
  to: number
  /**
   * Returns the object in the `to` format. Must not mutate its argument (it may be the caller's
   * value) and must cope with anything: the file has not been validated yet. It need not set
   * formatVersion; the mechanism does.
   */
  migrate(raw: Record<string, unknown>): Record<string, unknown>
}

export const MIGRATIONS: readonly Migration[] = []

export type MigrationResult = { ok: true; value: unknown } | { ok: false; issue: RawIssue }

/**
 * Brings a raw file to `current` through the chain of migrations. Anything it cannot judge (not
 * an object, formatVersion missing or not an integer) passes through untouched for the schema to
 * report together with everything else; a version that is too new, or too old to upgrade, stops
 * here, because checking the rest against the wrong format would only produce noise.
 */
export function migrate(
  value: unknown,
  migrations: readonly Migration[] = MIGRATIONS,
  current: number = CURRENT_FORMAT_VERSION,
): MigrationResult {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: true, value }
  let raw = value as Record<string, unknown>
  const declared = raw.formatVersion
  if (typeof declared !== 'number' || !Number.isSafeInteger(declared)) return { ok: true, value }
  let version = declared
  if (version > current) {
    return fail(
      `expected formatVersion ≤ ${current} (this file needs a newer Mission Sandbox), got ${version}`,
    )
  }
  while (version < current) {
    const from = version
    const step = migrations.find((m) => m.from === from)
    if (step === undefined) {
      return fail(`expected formatVersion ${current} (no upgrade from version ${from} is known), got ${from}`)
    }
    if (!(step.to > step.from)) throw new Error(`migration ${step.from} → ${step.to} does not move forward`)
    let next: unknown
    try {
      next = step.migrate(raw)
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error)
      return fail(
        `expected a file that can be upgraded from formatVersion ${from} to ${step.to}, but: ${reason}`,
      )
    }
    if (typeof next !== 'object' || next === null || Array.isArray(next)) {
      throw new Error(`migration ${step.from} → ${step.to} did not return an object`)
    }
    raw = { ...(next as Record<string, unknown>), formatVersion: step.to }
    version = step.to
  }
  return { ok: true, value: raw }
}

function fail(message: string): MigrationResult {
  return { ok: false, issue: { path: ['formatVersion'], message } }
}
