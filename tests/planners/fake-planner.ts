// A minimal planner for the registry and description tests: one allocation planner with one
// defaulted parameter and one trigger, any field replaceable by a test.

import { z } from 'zod'
import type { AnyPlanner } from '../../src/planners'

export function fakePlanner(over: Partial<AnyPlanner> = {}): AnyPlanner {
  return {
    id: 'allocation/fake',
    kind: 'allocation',
    label: 'Fake',
    description: 'A test double.',
    params: z.strictObject({ depth: z.int().min(1).default(3) }),
    triggers: ['taskBurst'],
    plan: () => [],
    ...over,
  }
}
