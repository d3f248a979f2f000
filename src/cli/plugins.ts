// `--planner-module FILE`: load a user's own planner without forking. The module is untrusted:
// it must default-export a planner (or a list of planners) of the plugin shape, and anything
// else — a missing file, a module that throws while loading, a malformed planner, an id that
// is already taken — ends as one clear message, never a crash.

import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { AnyPlanner, PlannerRegistry } from '../planners'
import { plannerProblems } from '../planners/plugin-check'
import { InputError } from './errors'

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
      const problems = plannerProblems(p)
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
