// What isolation costs per planner call, on the largest built-in scenario and on a 100-satellite
// version of it: the wall time of a call through a worker thread minus the time the planner
// spent inside plan() and minus the guest's rebuild of the view from its packed form (work an
// in-process call does too: unpacking and freezing the same objects), all measured in the same
// call so the machine's load hits them alike. What is left is the boundary itself: the round
// trip, the copies both ways, reading the output. Beside it: the same planner's own time per
// call in-process; the guest's rebuild time is a column.

import { readFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import { join } from 'node:path'
import { nodeGuest } from '../src/cli/isolation/node-transport'
import {
  createSimulation,
  DEFAULT_TELEMETRY_WINDOW,
  type EnginePlanner,
  type ScenarioSpec,
} from '../src/core'
import { registry } from '../src/planners'
import { createIsolatedPlanner, probePlannerModule } from '../src/planners/isolation/host'
import { loadScenarioText } from '../src/scenario'
import { type BenchRow, row } from './row'

const PLANNER = 'allocation/greedy-priority'
const MODULE = join(import.meta.dirname, 'isolated-planner.ts')

function defaultScenario(satellites?: number): ScenarioSpec {
  const json = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'scenarios', 'default.json'), 'utf8'))
  if (satellites) Object.assign(json.constellation.walker, { satellites, planes: 4 })
  json.strategies = { bench: { allocation: 'greedy-priority' } }
  const r = loadScenarioText(JSON.stringify(json), 'default.json', { knownPlanners: registry.names() })
  if (!r.ok) throw new Error('bench: scenarios/default.json does not load')
  return r.scenario
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

async function perCall(
  spec: ScenarioSpec,
): Promise<{ local: number[]; overhead: number[]; inside: number[]; rebuild: number[] }> {
  const local: number[] = []
  const inProcess = registry.bind(spec.strategies[0]).planners.map(
    (p): EnginePlanner => ({
      ...p,
      plan(view) {
        const t0 = performance.now()
        const out = p.plan!(view)
        local.push(performance.now() - t0)
        return out
      },
    }),
  )
  createSimulation(spec, 'bench', { planners: inProcess }).runUntil(spec.durationS)

  const probe = await probePlannerModule(nodeGuest(MODULE))
  if (!('planners' in probe)) throw new Error(`bench: ${probe.problems.join('; ')}`)
  const made = await createIsolatedPlanner({
    start: nodeGuest(MODULE),
    manifest: probe.planners.find((p) => p.id === PLANNER)!,
    spec,
    telemetryWindow: DEFAULT_TELEMETRY_WINDOW,
    params: {},
  })
  if (!('planner' in made)) throw new Error(`bench: ${made.problems.join('; ')}`)
  const p = made.planner
  const iso = p.isolated!
  const overhead: number[] = []
  const inside: number[] = []
  const rebuild: number[] = []
  const wrapped: EnginePlanner = {
    ...p,
    isolated: {
      telemetryKnown: iso.telemetryKnown,
      async call(t, data) {
        const t0 = performance.now()
        const out = await iso.call(t, data)
        overhead.push(performance.now() - t0 - (out.ms ?? 0) - p.lastRebuildMs())
        rebuild.push(p.lastRebuildMs())
        inside.push(out.ms ?? 0)
        return out
      },
    },
  }
  try {
    await createSimulation(spec, 'bench', { planners: [wrapped] }).runUntilAsync(spec.durationS)
  } finally {
    p.dispose()
  }
  return { local, overhead, inside, rebuild }
}

export async function isolationRows(): Promise<BenchRow[]> {
  const rows: BenchRow[] = []
  for (const satellites of [undefined, 100]) {
    const spec = defaultScenario(satellites)
    const { local, overhead, inside, rebuild } = await perCall(spec)
    rows.push(
      row(
        'isolation overhead per planner call (worker thread)',
        {
          planner: PLANNER,
          scenario: spec.id,
          satellites: spec.satellites.length,
          calls: overhead.length,
          insidePlanMs: median(inside).toFixed(3),
          guestRebuildMs: median(rebuild).toFixed(3),
          // The quickest call: what the boundary costs when a core is free at once.
          minMs: Math.min(...overhead).toFixed(3),
          // A thread woken from sleep waits for a core: on a loaded machine that dominates.
          load1: loadavg()[0].toFixed(1),
        },
        median(overhead),
        'ms (median)',
        median(local),
        'the same planner in-process, ms per call (median)',
      ),
    )
  }
  return rows
}
