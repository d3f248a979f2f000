// zod issues → our issues. Most messages are already final: every field schema carries its own
// "expected …" phrase (schema/fields.ts). This file supplies the phrase where a schema has none
// (the fallback error map), splits unknown-key issues into one issue per key, and opens up union
// failures so the user hears about the form they evidently meant, not every form at once.

import type { z } from 'zod'
import type { PathSegment, RawIssue } from './issues'
import { expectGot } from './preview'
import { rangePhrase } from './schema/fields'
import { didYouMean } from './suggest'

const TYPE_PHRASES: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  int: 'an integer',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
  tuple: 'a list',
  record: 'an object',
}

const plural = (n: number | bigint, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`

/** Passed to safeParse as the error map of last resort: `expected …, got …` for any issue. */
export function fallbackMessage(issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return expectGot(TYPE_PHRASES[issue.expected] ?? `a value of type ${issue.expected}`, issue.input)
    case 'too_small':
      return expectGot(sizePhrase(issue.origin, 'at least', issue.minimum, issue.inclusive), issue.input)
    case 'too_big':
      return expectGot(sizePhrase(issue.origin, 'at most', issue.maximum, issue.inclusive), issue.input)
    case 'invalid_value': {
      const listed = issue.values.map((v) => (typeof v === 'string' ? JSON.stringify(v) : String(v)))
      const phrase = listed.length === 1 ? listed[0] : `one of ${listed.join(', ')}`
      const strings = issue.values.filter((v): v is string => typeof v === 'string')
      const hint = typeof issue.input === 'string' ? didYouMean(issue.input, strings) : ''
      return `${expectGot(phrase, issue.input)}${hint}`
    }
    case 'unrecognized_keys':
      return issue.keys.map(() => 'unknown key').join('\n')
    case 'not_multiple_of':
      return expectGot(`a multiple of ${issue.divisor}`, issue.input)
    case 'invalid_format':
      return expectGot(`a string in the ${issue.format} format`, issue.input)
    case 'invalid_union':
      return expectGot('one of the allowed forms', issue.input)
    default:
      return expectGot('a valid value', issue.input)
  }
}

function sizePhrase(origin: string, bound: string, limit: number | bigint, inclusive = true): string {
  const n = Number(limit)
  if (origin === 'array' || origin === 'set')
    return `a list of ${bound} ${plural(inclusive ? n : n + 1, 'item')}`
  if (origin === 'string') return `a string of ${bound} ${plural(inclusive ? n : n + 1, 'character')}`
  const key = bound === 'at least' ? (inclusive ? 'min' : 'gt') : inclusive ? 'max' : 'lt'
  return rangePhrase({ [key]: n, int: origin === 'int' })
}

/** Final zod issues → RawIssues with absolute paths; `prefix` is the path of an enclosing union. */
export function fromZodIssues(issues: readonly z.core.$ZodIssue[], prefix: PathSegment[] = []): RawIssue[] {
  const out: RawIssue[] = []
  for (const issue of issues) {
    const path = [
      ...prefix,
      ...issue.path.map((segment) => (typeof segment === 'symbol' ? String(segment) : segment)),
    ]
    switch (issue.code) {
      case 'unrecognized_keys': {
        const lines = issue.message.split('\n')
        issue.keys.forEach((key, i) => {
          out.push({
            path: [...path, key],
            message: lines.length === issue.keys.length ? lines[i] : 'unknown key',
          })
        })
        break
      }
      case 'invalid_union': {
        const meant = issue.errors.filter((branch) => !branch.some(isShapeMismatch))
        if (meant.length === 1) out.push(...fromZodIssues(meant[0], path))
        else out.push({ path, message: issue.message })
        break
      }
      case 'invalid_key':
        // The key itself is wrong; its schema's message says how, and the path already ends in it.
        out.push({ path, message: issue.issues[0]?.message ?? issue.message })
        break
      default:
        out.push({ path, message: issue.message })
    }
  }
  return out
}

/** A branch that failed on the input's very type (object given, list expected) was not meant. */
function isShapeMismatch(issue: z.core.$ZodIssue): boolean {
  return issue.path.length === 0 && (issue.code === 'invalid_type' || issue.code === 'invalid_union')
}
