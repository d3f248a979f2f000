// What an agent is sent, for the record-and-replay tests that call planners by hand: the view data
// (PortableViewData) of the first few calls of an allocation agent on the small CLI scenario,
// captured from a real run, an agent stand-in whose answers a test sets, and its calls recorded.

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  createSimulation,
  type EnginePlanner,
  type PlannerKind,
  type PlanOutcome,
  type PortableViewData,
  type ScenarioSpec,
} from '../../src/core'
import { type RecordedCall, recordingPlanner } from '../../src/planners/agent'
import { loadScenarioText } from '../../src/scenario'

export interface CallData {
  timeS: number
  data: PortableViewData
}

const FILE = join(import.meta.dirname, '..', 'cli', 'fixtures', 'mini.json')

export function miniSpec(): ScenarioSpec {
  const r = loadScenarioText(readFileSync(FILE, 'utf8'), 'mini.json')
  if (!r.ok) throw new Error('mini.json does not load')
  return r.scenario
}

/** An agent stand-in: answers each call with `answer(timeS)`, holds what `known` says. */
export function standIn(
  id: string,
  kind: PlannerKind,
  answer: (timeS: number) => PlanOutcome,
  known: () => number = () => 0,
): EnginePlanner {
  return { id, kind, triggers: [], isolated: { telemetryKnown: known, call: async (t) => answer(t) } }
}

/** A call that decided nothing. */
export const NOTHING: PlanOutcome = { ok: true, read: { ok: true, items: [], total: 0 } }

/** The data of an allocation agent's first `calls` calls on `spec` (copies: the test may edit them). */
export async function firstCalls(spec: ScenarioSpec, calls: number): Promise<CallData[]> {
  const seen: CallData[] = []
  const spy: EnginePlanner = {
    ...standIn('agent:spy', 'allocation', () => NOTHING),
    isolated: {
      // Holds nothing, so each call carries every telemetry sample there is.
      telemetryKnown: () => 0,
      call: async (timeS, data) => {
        seen.push({ timeS, data: structuredClone(data) })
        return NOTHING
      },
    },
  }
  const sim = createSimulation(spec, spec.strategies[0].name, { planners: [spy] })
  while (seen.length < calls) await sim.stepAsync()
  return seen.slice(0, calls)
}

/** The calls `agent` answers for `calls`, in order, as `--record` writes them. */
export async function recordCalls(
  spec: ScenarioSpec,
  agent: EnginePlanner,
  calls: CallData[],
): Promise<RecordedCall[]> {
  const recorded: RecordedCall[] = []
  const p = recordingPlanner(agent, spec, recorded)
  for (const c of calls) await p.isolated!.call(c.timeS, c.data)
  return recorded
}
