// Untrusted text or value in, a ScenarioSpec or every problem out. Nothing here throws for any
// input; a throw would be a bug. Stages: JSON text → migration to the current format → schema
// (every field) and cross-checks (relations between parts) side by side, so one pass reports
// all problems → problems sorted into file order.

import { formatBytes, MAX_SCENARIO_BYTES } from '../core/limits'
import type { ScenarioSpec } from '../core/spec'
import { crossCheck } from './checks'
import { isRecord } from './checks/context'
import {
  type ElementSetReading,
  readElementSetJson,
  readElementSetText,
  toScenarioValue,
} from './element-sets'
import { type PathSegment, type RawIssue, type ScenarioIssue, toScenarioIssue } from './issues'
import { parseJsonText } from './json-text'
import { MIGRATIONS, type Migration, migrate } from './migrations'
import type { LoadOptions } from './options'
import { scenarioSchema } from './schema'
import { fallbackMessage, fromZodIssues } from './zod-issues'

export type LoadResult =
  | {
      ok: true
      scenario: ScenarioSpec
      /** What the loader filled in that the file did not say (an element-set file's defaults). */
      notices?: string[]
    }
  | { ok: false; issues: ScenarioIssue[] }

/**
 * Loads a scenario from the text of a file; `file` names it in messages, and its extension helps
 * tell a scenario from an element-set file (2LE/3LE, OMM JSON or CSV), which becomes a scenario.
 */
export function loadScenarioText(text: string, file: string, options: LoadOptions = {}): LoadResult {
  // A UTF-16 length bounds the UTF-8 size from below, so this never refuses a file within the limit.
  if (text.length > MAX_SCENARIO_BYTES) {
    const message = `expected a scenario file of at most ${formatBytes(MAX_SCENARIO_BYTES)}, got ${formatBytes(text.length)} or more`
    return { ok: false, issues: [toScenarioIssue({ path: [], message }, file)] }
  }
  const sets = readElementSetText(text, file)
  if (sets !== undefined) return fromElementSets(sets, file, options)
  const json = parseJsonText(text)
  if (!json.ok) return { ok: false, issues: [toScenarioIssue(json.issue, file)] }
  const omm = readElementSetJson(json.value)
  if (omm !== undefined) return fromElementSets(omm, file, options)
  return loadScenarioValue(json.value, file, options)
}

function fromElementSets(reading: ElementSetReading, file: string, options: LoadOptions): LoadResult {
  if (!reading.ok) return { ok: false, issues: reading.issues.map((issue) => toScenarioIssue(issue, file)) }
  const imported = toScenarioValue(reading.sets, file)
  const loaded = loadScenarioValue(imported.value, file, options)
  return loaded.ok ? { ...loaded, notices: [imported.notice] } : loaded
}

/** Loads a scenario from already-parsed JSON data. The value is not modified. */
export function loadScenarioValue(value: unknown, file: string, options: LoadOptions = {}): LoadResult {
  return loadScenarioWith(value, file, options, MIGRATIONS)
}

/** loadScenarioValue with the migration list injected, so tests can exercise the mechanism. */
export function loadScenarioWith(
  value: unknown,
  file: string,
  options: LoadOptions,
  migrations: readonly Migration[],
): LoadResult {
  const migrated = migrate(value, migrations)
  if (!migrated.ok) return { ok: false, issues: [toScenarioIssue(migrated.issue, file)] }
  const raw = migrated.value
  const parsed = scenarioSchema.safeParse(raw, { error: fallbackMessage })
  const issues = [...(parsed.success ? [] : fromZodIssues(parsed.error.issues)), ...crossCheck(raw, options)]
  if (parsed.success && issues.length === 0) return { ok: true, scenario: parsed.data }
  return { ok: false, issues: inFileOrder(unique(issues), raw).map((issue) => toScenarioIssue(issue, file)) }
}

function unique(issues: RawIssue[]): RawIssue[] {
  const seen = new Set<string>()
  return issues.filter((issue) => {
    const key = `${JSON.stringify(issue.path)}\u0000${issue.message}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/**
 * Sorts issues the way the file reads, top to bottom, so a list of problems can be fixed in one
 * pass through the editor. A path's position is the index of each key among its object's keys
 * (or the array index); a key the file lacks sorts after its siblings. Ties keep their order.
 * Each object's key order is indexed once, so the sort stays linear in the file plus n·log n in
 * the issues, however many issues one object has (20,000 unknown keys, say).
 */
function inFileOrder(issues: RawIssue[], raw: unknown): RawIssue[] {
  const indexes = new WeakMap<object, Map<string, number>>()
  const keyIndex = (node: Record<string, unknown>, key: string): number => {
    let index = indexes.get(node)
    if (index === undefined) {
      index = new Map(Object.keys(node).map((k, i) => [k, i]))
      indexes.set(node, index)
    }
    return index.get(key) ?? Number.POSITIVE_INFINITY
  }
  const keyed = issues.map((issue) => ({ issue, position: position(raw, issue.path, keyIndex) }))
  keyed.sort((a, b) => compare(a.position, b.position))
  return keyed.map((k) => k.issue)
}

function position(
  raw: unknown,
  path: readonly PathSegment[],
  keyIndex: (node: Record<string, unknown>, key: string) => number,
): number[] {
  const out: number[] = []
  let node = raw
  for (const segment of path) {
    if (Array.isArray(node) && typeof segment === 'number') {
      out.push(segment)
      node = node[segment]
    } else if (isRecord(node) && typeof segment === 'string' && Object.hasOwn(node, segment)) {
      out.push(keyIndex(node, segment))
      node = node[segment]
    } else {
      out.push(Number.POSITIVE_INFINITY)
      node = undefined
    }
  }
  return out
}

function compare(a: number[], b: number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1
  }
  return a.length - b.length
}
