// The planner contract, for every registered planner on every built-in scenario: its decisions
// are valid (the engine rejects none of them as a fault), each carries a rationale, and it is
// deterministic — the same view gives the same decisions, and the whole run repeats exactly.

import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createSimulation, type EnginePlanner, type ScenarioSpec } from '../../src/core'
import { registry, shortName } from '../../src/planners'
import { loadScenarioText } from '../../src/scenario'

const DIR = join(import.meta.dirname, '..', '..', 'scenarios')
/** Long enough for failures, bursts and storms to reach the planners in every scenario. */
const HORIZON_S = 12 * 3600

const scenarios: [string, ScenarioSpec][] = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => {
    const r = loadScenarioText(readFileSync(join(DIR, f), 'utf8'), f, { knownPlanners: registry.names() })
    if (!r.ok) throw new Error(`${f} does not validate`)
    return [f, r.scenario]
  })

const planners = registry.all()

describe.each(planners.map((p) => [p.id, p] as const))('%s', (_id, planner) => {
  it('has words for people and a parameter schema with defaults', () => {
    expect(planner.label.length).toBeGreaterThan(2)
    expect(planner.description.length).toBeGreaterThan(40)
    expect(planner.params.safeParse({}).success).toBe(true)
  })

  it.each(scenarios)('on %s: valid, explained and deterministic decisions', (_file, spec) => {
    const params = planner.params.parse({})
    const strategy = { name: 'contract', [planner.kind]: shortName(planner.id), params: {} }
    let calls = 0
    const checked: EnginePlanner = {
      id: planner.id,
      kind: planner.kind,
      triggers: planner.triggers,
      plan(view) {
        calls++
        const first = planner.plan(view, params)
        // Pure: the same view again gives the same decisions.
        expect(JSON.stringify(planner.plan(view, params))).toBe(JSON.stringify(first))
        for (const d of first) expect(d.rationale.trim().length).toBeGreaterThan(10)
        return first
      },
    }
    const run = () => {
      const sim = createSimulation({ ...spec, strategies: [strategy] }, 'contract', { planners: [checked] })
      sim.runUntil(Math.min(spec.durationS, HORIZON_S))
      return sim
    }
    const sim = run()
    const faults = sim.events().filter((e) => e.type === 'plannerFault')
    expect(faults.map((e) => e.message)).toEqual([])
    expect(calls).toBeGreaterThan(0)
    const again = run()
    expect(JSON.stringify(again.report())).toBe(JSON.stringify(sim.report()))
  })
})
