// `--planner-module FILE`: load a user's own planner without forking. The module is untrusted
// code, so this process never imports it: a throwaway worker thread loads it and describes its
// planners (or says why it cannot: a missing file, a module that throws while loading, a
// malformed planner), and each is registered here as a stand-in that only lends its id and
// kind to the scenario checks. Runs then call the real planner behind the isolation boundary
// (bind.ts). Anything wrong ends as one clear message, never a crash.

import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { z } from 'zod'
import type { AnyPlanner, PlannerRegistry } from '../planners'
import { probePlannerModule } from '../planners/isolation/host'
import type { PlannerManifest } from '../planners/isolation/protocol'
import { InputError } from './errors'
import { nodeGuest } from './isolation/node-transport'

/** A planner a user's module provides: where it lives and what it said about itself. */
export interface UserPlanner {
  file: string
  manifest: PlannerManifest
}

/** User planners by id, per registry (the stand-ins' real selves). */
const userPlanners = new WeakMap<PlannerRegistry, Map<string, UserPlanner>>()

/** The user planner behind a registry entry, if it is one. */
export function userPlanner(registry: PlannerRegistry, id: string): UserPlanner | undefined {
  return userPlanners.get(registry)?.get(id)
}

function standIn(m: PlannerManifest): AnyPlanner {
  return {
    id: m.id,
    kind: m.kind,
    label: m.label,
    description: m.description,
    triggers: m.triggers,
    // The real schema lives in the planner's thread, which checks the parameters itself.
    params: z.unknown(),
    plan: () => {
      throw new Error(`internal: ${m.id} runs isolated; bind it with bindStrategy()`)
    },
  }
}

/** Loads each module in a worker thread and registers its planners; returns the ids added. */
export async function loadPlannerModules(
  files: readonly string[],
  registry: PlannerRegistry,
  timeoutMs?: number,
): Promise<string[]> {
  const added: string[] = []
  const users = userPlanners.get(registry) ?? new Map<string, UserPlanner>()
  userPlanners.set(registry, users)
  const done = new Set([...users.values()].map((u) => u.file))
  for (const file of files) {
    const path = resolve(file)
    if (done.has(path)) continue
    if (!existsSync(path)) throw new InputError(`--planner-module ${file}: cannot load it: no such file`)
    const probe = await probePlannerModule(nodeGuest(path), timeoutMs)
    if ('problems' in probe) {
      const lines = probe.problems.map((m) =>
        /^\[\d+\] /.test(m) ? `--planner-module ${file} ${m}` : `--planner-module ${file}: ${m}`,
      )
      throw new InputError(lines.join('\n'))
    }
    for (const m of probe.planners) {
      try {
        registry.add(standIn(m))
      } catch (err) {
        throw new InputError(`--planner-module ${file}: ${(err as Error).message}`)
      }
      users.set(m.id, { file: path, manifest: m })
      added.push(m.id)
    }
    done.add(path)
  }
  return added
}
