// The four allocation scenarios show what their descriptions claim. Each test loads the file the
// way the CLI does, runs the strategies it names through the registry, and checks the difference
// the description tells a newcomer to look for.

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { createSimulation, type MetricValues, type ScenarioSpec, type SimEvent } from '../../src/core'
import { registry } from '../../src/planners'
import { loadScenarioText } from '../../src/scenario'
import { SCENARIO_HOOK_TIMEOUT_MS } from '../support/timeouts'

const ROOT = join(import.meta.dirname, '..', '..')

function load(name: string): ScenarioSpec {
  const file = `scenarios/${name}.json`
  const result = loadScenarioText(readFileSync(join(ROOT, file), 'utf8'), file, {
    knownPlanners: registry.names(),
  })
  if (!result.ok) throw new Error(result.issues.map((i) => i.message).join('\n'))
  return result.scenario
}

interface Outcome {
  m: MetricValues
  events: readonly SimEvent[]
}

function runAll(spec: ScenarioSpec): Record<string, Outcome> {
  const out: Record<string, Outcome> = {}
  for (const strategy of spec.strategies) {
    const bound = registry.bind(strategy)
    expect(bound.problems).toEqual([])
    const sim = createSimulation(spec, strategy.name, { planners: bound.planners })
    sim.runUntil(spec.durationS)
    out[strategy.name] = { m: sim.metrics(), events: sim.events() }
    expect(out[strategy.name].m.plannerFaults, strategy.name).toBe(0)
  }
  return out
}

const num = (x: number | null): number => {
  expect(x).not.toBeNull()
  return x as number
}

/** Ids of the tasks that arrive with the scenario's task bursts. */
const burstIds = (spec: ScenarioSpec) =>
  new Set(spec.events.flatMap((e) => (e.type === 'taskBurst' ? e.tasks.map((t) => t.id) : [])))

/** Delivery latencies (s, from window opening) of the given tasks. */
const latencies = (o: Outcome, ids: Set<string>) =>
  o.events
    .filter((e) => e.type === 'taskDelivered' && ids.has(e.task ?? ''))
    .map((e) => Number(e.data?.latencyS))

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length

describe('scenario: real-time decision making', () => {
  const spec = load('real-time-decisions')
  let r: Record<string, Outcome> = {}
  beforeAll(() => {
    r = runAll(spec)
  }, SCENARIO_HOOK_TIMEOUT_MS)

  it('names the two strategies it compares', () => {
    expect(spec.strategies.map((s) => s.name)).toEqual(['static-plan', 'replanning'])
    expect(spec.strategies[0].params.allocation).toEqual({ replan: false })
  })

  it('replanning delivers more priority-weighted value and more tasks than the static plan', () => {
    expect(num(r.replanning.m.priorityValue)).toBeGreaterThan(num(r['static-plan'].m.priorityValue))
    expect(num(r.replanning.m.tasksCompleted)).toBeGreaterThan(num(r['static-plan'].m.tasksCompleted))
  })

  it('only the replanning strategy images the urgent requests, all of them', () => {
    const urgent = burstIds(spec)
    expect(urgent.size).toBe(8)
    const captured = (o: Outcome) =>
      new Set(
        o.events.filter((e) => e.type === 'taskCaptured' && urgent.has(e.task ?? '')).map((e) => e.task),
      )
    expect(captured(r['static-plan']).size).toBe(0)
    expect(latencies(r.replanning, urgent).length).toBe(urgent.size)
  })

  it('the storm sinks batteries below the 30 % tasking floor; no new work goes to such satellites', () => {
    const strategy = spec.strategies.find((s) => s.name === 'replanning')!
    const sim = createSimulation(spec, strategy.name, { planners: registry.bind(strategy).planners })
    let seen = 0
    let lowest = 1
    while (sim.step()) {
      const events = sim.events()
      const fresh = events.slice(seen).filter((e) => e.type === 'decision' && e.data?.kind === 'assignTask')
      seen = events.length
      const view = sim.view()
      for (const s of view.satellites) if (!s.failed) lowest = Math.min(lowest, s.soc)
      for (const e of fresh) {
        const sat = view.satellites.find((s) => s.id === e.satellite)!
        expect(sat.soc).toBeGreaterThanOrEqual(sat.bus.minSoc + 0.1)
        expect(sat.failed).toBe(false)
      }
    }
    expect(lowest).toBeLessThan(0.3)
  })
})

describe('scenario: intelligent resource allocation', () => {
  const spec = load('resource-allocation')
  let r: Record<string, Outcome> = {}
  beforeAll(() => {
    r = runAll(spec)
  }, SCENARIO_HOOK_TIMEOUT_MS)

  it('has more requests than the satellites can serve', () => {
    for (const name of ['greedy', 'edf', 'optimal']) {
      expect(num(r[name].m.tasksCompleted)).toBeLessThan(0.75 * spec.tasks.length)
    }
  })

  it('optimal delivers the most priority-weighted value, greedy next, EDF the least', () => {
    const v = (name: string) => num(r[name].m.priorityValue)
    expect(v('optimal')).toBeGreaterThan(v('greedy'))
    expect(v('greedy')).toBeGreaterThan(v('edf'))
    // A visible gap, not a rounding difference.
    expect(v('optimal') - v('edf')).toBeGreaterThan(0.1 * v('edf'))
  })

  it('EDF completes about as many tasks, just less valuable ones', () => {
    const done = (name: string) => num(r[name].m.tasksCompleted)
    expect(done('edf')).toBeGreaterThanOrEqual(0.9 * done('optimal'))
    const perTask = (name: string) => num(r[name].m.priorityValue) / done(name)
    expect(perTask('edf')).toBeLessThan(perTask('greedy'))
    expect(perTask('edf')).toBeLessThan(perTask('optimal'))
  })
})

describe('scenario: edge AI on orbiting platforms', () => {
  const spec = load('edge-ai')
  let r: Record<string, Outcome> = {}
  beforeAll(() => {
    r = runAll(spec)
  }, SCENARIO_HOOK_TIMEOUT_MS)

  it('processing on board delivers more tasks, sooner', () => {
    for (const name of ['edge-always', 'edge-auto']) {
      expect(num(r[name].m.tasksCompleted)).toBeGreaterThan(1.3 * num(r.raw.m.tasksCompleted))
      expect(num(r[name].m.meanDeliveryMin)).toBeLessThan(num(r.raw.m.meanDeliveryMin))
    }
  })

  it('and pays for it in energy: the batteries go lower', () => {
    for (const name of ['edge-always', 'edge-auto']) {
      expect(num(r[name].m.minBatterySoc)).toBeLessThan(num(r.raw.m.minBatterySoc) - 10)
    }
  })

  it('auto mode explains each switch; raw never switches', () => {
    const modes = (o: Outcome) => o.events.filter((e) => e.type === 'decision' && e.data?.kind === 'setMode')
    expect(modes(r.raw)).toEqual([])
    const auto = modes(r['edge-auto'])
    expect(auto.length).toBeGreaterThan(0)
    for (const e of auto) expect(e.message).toMatch(/(to send against|storage and downlink hold|battery at)/)
  })
})

describe('scenario: disaster response', () => {
  const spec = load('disaster-response')
  let r: Record<string, Outcome> = {}
  beforeAll(() => {
    r = runAll(spec)
  }, SCENARIO_HOOK_TIMEOUT_MS)
  const flood = burstIds(spec)

  it('static never images the flood; priority and optimal deliver all of it; EDF only part', () => {
    expect(flood.size).toBe(10)
    expect(latencies(r['static-plan'], flood)).toEqual([])
    expect(latencies(r.priority, flood).length).toBe(flood.size)
    expect(latencies(r.optimal, flood).length).toBe(flood.size)
    expect(latencies(r.edf, flood).length).toBeLessThan(flood.size)
    expect(latencies(r.edf, flood).length).toBeGreaterThan(0)
  })

  it('priority-aware strategies get the flood images down sooner than EDF', () => {
    const edf = mean(latencies(r.edf, flood))
    expect(mean(latencies(r.priority, flood))).toBeLessThan(0.75 * edf)
    expect(mean(latencies(r.optimal, flood))).toBeLessThan(0.75 * edf)
  })

  it('and more priority-weighted value than EDF and the static plan', () => {
    const v = (name: string) => num(r[name].m.priorityValue)
    expect(v('optimal')).toBeGreaterThanOrEqual(v('priority'))
    expect(v('priority')).toBeGreaterThan(v('edf'))
    expect(v('edf')).toBeGreaterThan(v('static-plan'))
  })
})
