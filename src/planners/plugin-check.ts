// What a planner module must export, checked before it is registered. A module a user loads is
// untrusted: this names every missing or malformed field at once, in words, so the CLI and the
// app can refuse it with the same message instead of failing later inside a run.

import { PLANNER_KINDS } from '../core'

/** Every problem with a value offered as a planner; empty when it has the plugin shape. */
export function plannerProblems(p: unknown): string[] {
  if (typeof p !== 'object' || p === null)
    return [`expected a planner object, got ${p === null ? 'null' : typeof p}`]
  const x = p as Record<string, unknown>
  const out: string[] = []
  if (typeof x.id !== 'string' || !x.id) out.push('id: expected a string such as "allocation/my-planner"')
  if (!PLANNER_KINDS.includes(x.kind as never))
    out.push(`kind: expected one of ${PLANNER_KINDS.join(', ')}, got ${JSON.stringify(x.kind)}`)
  if (typeof x.label !== 'string') out.push('label: expected a string')
  if (typeof x.description !== 'string') out.push('description: expected a string')
  if (typeof (x.params as { safeParse?: unknown } | undefined)?.safeParse !== 'function')
    out.push('params: expected a zod schema (for example z.object({}))')
  if (typeof x.plan !== 'function') out.push('plan: expected a function (view, params) => decisions')
  return out
}
