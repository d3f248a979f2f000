// The data of the engine's first call to an isolated planner: a real view to rebuild, for tests of
// the guests that rebuild views (a planner thread, an agent adapter) without a thread or a process.

import { createSimulation, type PortableViewData, type ScenarioSpec } from '../../src/core'

export async function firstViewData(spec: ScenarioSpec): Promise<PortableViewData> {
  const seen: PortableViewData[] = []
  const sim = createSimulation(spec, 'none', {
    planners: [
      {
        id: 'allocation/capture',
        kind: 'allocation',
        isolated: {
          telemetryKnown: () => 0,
          call: async (_t, data) => {
            seen.push(data)
            return { ok: true, read: { ok: true, items: [], total: 0 } }
          },
        },
      },
    ],
  })
  while (seen.length === 0) await sim.stepAsync()
  return seen[0]
}
