// A planner's description (describe.ts) in the isolation protocol's words. Its own file, free of
// zod, because the app's page builds manifests for the simulation worker too.

import type { PlannerDescription } from './describe'
import type { PlannerManifest } from './isolation/protocol'

export function manifestOf(d: PlannerDescription): PlannerManifest {
  return {
    id: d.id,
    kind: d.kind,
    label: d.label,
    description: d.description,
    triggers: d.triggers,
    paramsJsonSchema: d.params,
    defaultParams: d.defaults,
  }
}
