// Building blocks for the file schema. Each one carries the phrase that completes "expected …",
// so every message about a field reads the same whether the value had the wrong type, was out
// of range or was missing: `expected an integer ≥ 1, got 0`. A schema-level `error` in zod 4
// also covers the schema's own checks (min, max, int, regex), which is what makes this work.

import { z } from 'zod'
import { DURATION_PATTERN, formatDuration, parseDuration } from '../duration'
import { expectGot } from '../preview'
import { didYouMean } from '../suggest'

/** An error map that answers every issue of a schema with `expected <phrase>, got <input>`. */
export function expecting(phrase: string) {
  return (issue: { input?: unknown }): string => expectGot(phrase, issue.input)
}

export interface Bounds {
  min?: number
  max?: number
  /** Exclusive lower bound. */
  gt?: number
  /** Exclusive upper bound. */
  lt?: number
  int?: boolean
}

/** "an integer ≥ 1", "a number from -90 to 90", "a number ≥ 0 and < 90". */
export function rangePhrase(bounds: Bounds): string {
  const noun = bounds.int ? 'an integer' : 'a number'
  if (bounds.min !== undefined && bounds.max !== undefined)
    return `${noun} from ${bounds.min} to ${bounds.max}`
  let lower = ''
  if (bounds.min !== undefined) lower = `≥ ${bounds.min}`
  else if (bounds.gt !== undefined) lower = `> ${bounds.gt}`
  let upper = ''
  if (bounds.max !== undefined) upper = `≤ ${bounds.max}`
  else if (bounds.lt !== undefined) upper = `< ${bounds.lt}`
  if (lower !== '' && upper !== '') return `${noun} ${lower} and ${upper}`
  if (lower !== '' || upper !== '') return `${noun} ${lower}${upper}`
  return noun
}

/** A number field in the file's units; zod's checks also give the JSON Schema its bounds. */
export function num(bounds: Bounds, description: string): z.ZodNumber {
  let schema = z.number({ error: expecting(rangePhrase(bounds)) })
  if (bounds.int) schema = schema.int()
  if (bounds.min !== undefined) schema = schema.min(bounds.min)
  if (bounds.gt !== undefined) schema = schema.gt(bounds.gt)
  if (bounds.max !== undefined) schema = schema.max(bounds.max)
  if (bounds.lt !== undefined) schema = schema.lt(bounds.lt)
  return schema.describe(description)
}

/**
 * An object that rejects unknown keys, each with a "did you mean" when a known key is close.
 * zod reports all unknown keys of one object as a single issue; the message has one line per
 * key, in the issue's key order, and zod-issues.ts splits it into one issue per key.
 */
export function strict<T extends z.core.$ZodLooseShape>(shape: T, phrase: string) {
  const known = Object.keys(shape)
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? issue.keys.map((key) => `unknown key${didYouMean(key, known)}`).join('\n')
        : expectGot(phrase, issue.input),
  })
}

// Ids show up in messages, logs and the UI: one line, no padding, not absurdly long.
const ID_PATTERN = /^\S(?:.*\S)?$/

/** Names that mean something to every JavaScript object: as a key they are lost or misread. */
export const RESERVED_NAMES: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype'])

/** The message for a reserved name used as an id or a strategy name. */
export function reservedName(noun: string, found: string): string {
  return expectGot(`${noun} other than "__proto__", "constructor" or "prototype" (reserved)`, found)
}

export function id(noun: string, description: string) {
  return z
    .string({ error: expecting(`${noun} (1–64 characters, no leading or trailing spaces)`) })
    .min(1)
    .max(64)
    .regex(ID_PATTERN)
    .refine((v) => !RESERVED_NAMES.has(v), { error: (issue) => reservedName(noun, String(issue.input)) })
    .describe(description)
}

export function text(noun: string, maxLength: number, description: string) {
  return z
    .string({ error: expecting(`${noun} (text of at most ${maxLength} characters)`) })
    .max(maxLength)
    .describe(description)
}

export function boolean(description: string) {
  return z.boolean({ error: expecting('true or false') }).describe(description)
}

export interface DurationBounds {
  /** Zero is not allowed (a step, a run length, an outage). */
  positive?: boolean
  /** Smallest allowed value, s (a step, a sampling interval: the bound on the work they ask). */
  minS?: number
  maxS?: number
}

const EXAMPLES = 'such as "90s", "45m", "1h30m", "2d" or a number of seconds'

function durationPhrase(bounds: DurationBounds): string {
  const range =
    bounds.minS !== undefined ? ` of at least ${formatDuration(bounds.minS)}` : bounds.positive ? ' > 0' : ''
  const max = bounds.maxS === undefined ? '' : ` and at most ${bounds.maxS / 86400}d`
  return `a duration${range}${max} ${EXAMPLES}`
}

/** A duration in the file ("1h30m" or seconds), in seconds once parsed. */
export function duration(bounds: DurationBounds, description: string) {
  const phrase = durationPhrase(bounds)
  const error = expecting(phrase)
  const inRange = (s: number) =>
    (bounds.positive ? s > 0 : s >= 0) &&
    (bounds.minS === undefined || s >= bounds.minS) &&
    (bounds.maxS === undefined || s <= bounds.maxS)
  // A string that fails the pattern gets no second message from the refinement.
  const asText = z
    .string({ error })
    .regex(DURATION_PATTERN)
    .refine((t) => {
      const s = parseDuration(t)
      return s === undefined || inRange(s)
    })
  let asSeconds = z.number({ error })
  asSeconds = bounds.positive ? asSeconds.gt(0) : asSeconds.min(0)
  if (bounds.minS !== undefined) asSeconds = asSeconds.min(bounds.minS)
  if (bounds.maxS !== undefined) asSeconds = asSeconds.max(bounds.maxS)
  return z
    .union([asText, asSeconds], { error })
    .transform((value, ctx) => {
      const seconds = parseDuration(value)
      if (seconds !== undefined) return seconds
      // Only a pattern-valid string too long to be finite ("1000…0h") gets here.
      ctx.issues.push({ code: 'custom', message: expectGot(phrase, value), input: value })
      return z.NEVER
    })
    .describe(`${description}. A duration ${EXAMPLES}.`)
}

const EPOCH_PHRASE = 'an ISO-8601 UTC time such as "2026-03-20T00:00:00Z"'

/** ISO-8601 UTC ("Z" only: a scenario has one clock and it is UTC) → milliseconds since 1970. */
export const epoch = z.iso
  .datetime({ error: expecting(EPOCH_PHRASE) })
  .transform((t) => Date.parse(t))
  .describe('Simulation start, ISO-8601 UTC, e.g. "2026-03-20T00:00:00Z"')

/** One of a fixed set of strings, with a suggestion for a near miss ("reactionwheel"). */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T, description: string) {
  const listed = values.map((v) => JSON.stringify(v)).join(', ')
  return z
    .enum(values, {
      error: (issue) => {
        const hint = typeof issue.input === 'string' ? didYouMean(issue.input, values) : ''
        return `${expectGot(`one of ${listed}`, issue.input)}${hint}`
      },
    })
    .describe(description)
}

/**
 * A union told apart by one key ("type", "kind"). A missing or unknown tag gets one message
 * listing the tags, rather than every option's complaints.
 */
export function tagged<
  const T extends readonly [z.core.$ZodTypeDiscriminable, ...z.core.$ZodTypeDiscriminable[]],
>(key: string, options: T, phrase: string) {
  return z.discriminatedUnion(key, options, {
    error: (issue) => {
      if (issue.code !== 'invalid_union') return expectGot(phrase, issue.input)
      const tags = ('options' in issue && Array.isArray(issue.options) ? issue.options : []).map(String)
      const input = issue.input
      const found =
        typeof input === 'object' && input !== null ? (input as Record<string, unknown>)[key] : undefined
      const hint = typeof found === 'string' ? didYouMean(found, tags) : ''
      return `${expectGot(`one of ${tags.map((t) => JSON.stringify(t)).join(', ')}`, found)}${hint}`
    },
  })
}

/**
 * A list with a stated cap. The cap is part of the phrase, so a list that is too long says how
 * long it may be ("expected a list of at most 5000 tasks, got a list of 5001") instead of
 * echoing its first items.
 */
export function listOf<T extends z.ZodType>(item: T, noun: string, bounds: { min?: number; max: number }) {
  const { min = 0, max } = bounds
  const phrase = min > 0 ? `a list of ${min} to ${max} ${noun}` : `a list of at most ${max} ${noun}`
  // Typed loosely: zod types an array's error map for type issues only, yet it also answers
  // the array's own min and max checks.
  const error = (issue: { code?: string; input?: unknown }) =>
    (issue.code === 'too_big' || issue.code === 'too_small') && Array.isArray(issue.input)
      ? `expected ${phrase}, got a list of ${issue.input.length}`
      : expectGot(phrase, issue.input)
  return z.array(item, { error }).min(min).max(max)
}
