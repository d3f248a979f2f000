// `--planner-module FILE`: load a user's own planner without forking. The module is untrusted:
// it must default-export a planner (or a list of planners) of the plugin shape, and anything
// else — a missing file, a module that throws while loading, a malformed planner, an id that
// is already taken — ends as one clear message, never a crash.

import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { PLANNER_KINDS } from '../core'
import type { AnyPlanner, PlannerRegistry } from '../planners'
import { InputError } from './errors'

function problemsOf(p: unknown): string[] {
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

/** Modules already registered, per registry: loading one twice is a no-op, not a duplicate. */
const loaded = new WeakMap<PlannerRegistry, Set<string>>()

/** Imports each module and registers its planners; returns the ids added. */
export async function loadPlannerModules(
  files: readonly string[],
  registry: PlannerRegistry,
): Promise<string[]> {
  const added: string[] = []
  const done = loaded.get(registry) ?? new Set<string>()
  loaded.set(registry, done)
  for (const file of files) {
    if (done.has(resolve(file))) continue
    let mod: Record<string, unknown>
    try {
      mod = await import(pathToFileURL(resolve(file)).href)
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code
      const why =
        code === 'ERR_MODULE_NOT_FOUND' ? 'no such file' : err instanceof Error ? err.message : String(err)
      throw new InputError(`--planner-module ${file}: cannot load it: ${why}`)
    }
    const exported = mod.default ?? mod.planner ?? mod.planners
    if (exported === undefined)
      throw new InputError(`--planner-module ${file}: export the planner as the module's default export`)
    const list = Array.isArray(exported) ? exported : [exported]
    for (const [k, p] of list.entries()) {
      const where = list.length > 1 ? `${file} [${k}]` : file
      const problems = problemsOf(p)
      if (problems.length)
        throw new InputError(problems.map((m) => `--planner-module ${where}: ${m}`).join('\n'))
      try {
        registry.add(p as AnyPlanner)
      } catch (err) {
        throw new InputError(`--planner-module ${where}: ${(err as Error).message}`)
      }
      added.push((p as AnyPlanner).id)
    }
    done.add(resolve(file))
  }
  return added
}
