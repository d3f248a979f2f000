// What a planner module must export, checked before it is registered. A module a user loads is
// untrusted: this names every missing or malformed field at once, in words, so the CLI and the
// app can refuse it with the same message instead of failing later inside a run. Reading the
// value is untrusted too: a property whose getter throws is named as a problem, never thrown.

import { describeThrown, PLANNER_KINDS } from '../core'

/** Reads one property; a throwing getter (or proxy trap) becomes `{ threw }`. */
function read(x: object, key: string): { value: unknown } | { threw: string } {
  try {
    return { value: (x as Record<string, unknown>)[key] }
  } catch (err) {
    return { threw: describeThrown(err) }
  }
}

/** Every problem with a value offered as a planner; empty when it has the plugin shape. */
export function plannerProblems(p: unknown): string[] {
  if (typeof p !== 'object' || p === null)
    return [`expected a planner object, got ${p === null ? 'null' : typeof p}`]
  const out: string[] = []
  const field = (key: string, ok: (v: unknown) => boolean, expected: (v: unknown) => string): void => {
    try {
      const r = read(p, key)
      if ('threw' in r) out.push(`${key}: reading it threw ${r.threw}`)
      else if (!ok(r.value)) out.push(`${key}: ${expected(r.value)}`)
    } catch (err) {
      out.push(`${key}: reading it threw ${describeThrown(err)}`)
    }
  }
  field(
    'id',
    (v) => typeof v === 'string' && v !== '',
    () => 'expected a string such as "allocation/my-planner"',
  )
  field(
    'kind',
    (v) => PLANNER_KINDS.includes(v as never),
    (v) => `expected one of ${PLANNER_KINDS.join(', ')}, got ${JSON.stringify(v)}`,
  )
  field(
    'label',
    (v) => typeof v === 'string',
    () => 'expected a string',
  )
  field(
    'description',
    (v) => typeof v === 'string',
    () => 'expected a string',
  )
  field(
    'params',
    (v) => {
      if (typeof v !== 'object' || v === null) return false
      const safeParse = read(v, 'safeParse')
      return 'value' in safeParse && typeof safeParse.value === 'function'
    },
    () => 'expected a zod schema (for example z.object({}))',
  )
  field(
    'plan',
    (v) => typeof v === 'function',
    () => 'expected a function (view, params) => decisions',
  )
  field(
    'triggers',
    (v) => v === undefined || (Array.isArray(v) && v.every((t) => typeof t === 'string')),
    () => 'expected a list of event types, or nothing',
  )
  return out
}
