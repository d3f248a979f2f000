// A stand-in for an agent process in Node tests of recordings: the scenario's greedy allocation
// planner behind an asynchronous call on a rebuilt view (as an agent gets it), recorded with the
// shared recorder into a Recording as `sim run --record` writes one.

import {
  createSimulation,
  createViewRebuilder,
  DEFAULT_TELEMETRY_WINDOW,
  type EnginePlanner,
  type MetricValues,
  readDecisions,
  type ScenarioSpec,
  type SimReport,
} from '../../src/core'
import { registry } from '../../src/planners'
import { type RecordedCall, type Recording, recordingPlanner } from '../../src/planners/agent'

export const FAKE_AGENT_ID = 'agent:test'

export function fakeAgent(spec: ScenarioSpec, strategyName = 'greedy'): EnginePlanner {
  const strategy = spec.strategies.find((s) => s.name === strategyName)!
  const plan = registry.bind(strategy).planners.find((p) => p.kind === 'allocation')!
  const rebuild = createViewRebuilder(spec, DEFAULT_TELEMETRY_WINDOW)
  let known = 0
  return {
    id: FAKE_AGENT_ID,
    kind: 'allocation',
    isolated: {
      telemetryKnown: () => known,
      call: async (_t, data) => {
        known = data.telemetry.count
        return { ok: true, read: readDecisions(plan.plan!(rebuild(data))), ms: 1 }
      },
    },
  }
}

/** Records the fake agent playing allocation in `strategy` until `untilS`. */
export async function recordFakeAgent(
  spec: ScenarioSpec,
  strategy: string,
  untilS: number,
): Promise<{ recording: Recording; report: SimReport; metrics: MetricValues }> {
  const calls: RecordedCall[] = []
  const sim = createSimulation(spec, strategy, {
    planners: [recordingPlanner(fakeAgent(spec, strategy), spec, calls)],
  })
  await sim.runUntilAsync(untilS)
  const recording: Recording = {
    header: {
      protocol: 'mission-sandbox/1',
      recording: 2,
      scenario: spec.id,
      strategy,
      seed: spec.seed,
      agents: [{ kind: 'allocation', command: 'test', id: FAKE_AGENT_ID }],
    },
    calls,
  }
  return { recording, report: sim.report(), metrics: sim.metrics() }
}
