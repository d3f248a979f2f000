// What one agent call costs at 100 satellites: the wall time of a call to an agent process that
// answers at once with no decisions (bench/echo-agent.mjs), so all of it is the protocol: the
// view rebuilt and written as JSON, the pipes both ways, the answer parsed and read. Beside it,
// measured in the same run: the built-in greedy planner's own time per call in-process.

import { loadavg } from 'node:os'
import { join } from 'node:path'
import { startAgentPlanner } from '../src/cli/agent/start'
import { defaultScenario, inProcessCallTimes, median, runTimed } from './isolation'
import { type BenchRow, row } from './row'

const ECHO = `node ${join(import.meta.dirname, 'echo-agent.mjs')}`

export async function agentRows(): Promise<BenchRow[]> {
  const spec = defaultScenario(100)
  const local = inProcessCallTimes(spec)

  const made = await startAgentPlanner(spec, { kind: 'allocation', command: ECHO }, 10_000)
  if (!('planner' in made)) throw new Error(`bench: ${made.problems.join('; ')}`)
  const trips: number[] = []
  await runTimed(spec, made.planner, (wallMs) => trips.push(wallMs))
  // The first call includes the process starting up; it is not a round trip.
  const calls = trips.slice(1)
  return [
    row(
      'agent round trip per planner call (process, NDJSON)',
      {
        agent: 'bench/echo-agent.mjs',
        scenario: spec.id,
        satellites: spec.satellites.length,
        calls: calls.length,
        minMs: Math.min(...calls).toFixed(3),
        load1: loadavg()[0].toFixed(1),
      },
      median(calls),
      'ms (median)',
      median(local),
      'allocation/greedy-priority in-process, ms per call (median)',
    ),
  ]
}
