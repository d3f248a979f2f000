// Strategy cards show each planner's parameters where a strategy sets them away from the defaults,
// so two strategies on the same planners read apart.

import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { type AnyPlanner, PlannerRegistry, registry } from '../../src/planners'
import { loadScenarioText } from '../../src/scenario'
import { fakePlanner } from './fake-planner'

/** The changed-parameter lines of a strategy on one fake allocation planner with these params. */
function changedOn(params: AnyPlanner['params'], set: unknown): string[] {
  const r = new PlannerRegistry([fakePlanner({ params })])
  return r.changedParams({ name: 's', allocation: 'fake', params: { allocation: set } })
}

function strategies(file: string) {
  const text = readFileSync(new URL(`../../scenarios/${file}`, import.meta.url), 'utf8')
  const r = loadScenarioText(text, file, { knownPlanners: registry.names() })
  if (!r.ok) throw new Error('does not load')
  return r.scenario.strategies
}

describe('changedParams', () => {
  it('lists a parameter set away from its default, with the default, and nothing for defaults', () => {
    const [s] = strategies('default.json')
    const withHorizon = { ...s, params: { ...s.params, maintenance: { horizonH: 99 } } }
    const lines = registry.changedParams({ ...withHorizon, maintenance: 'trend' })
    expect(lines.some((l) => /^maintenance horizonH: 99 \(default \d+/.test(l))).toBe(true)
    expect(registry.changedParams({ ...s, params: {} })).toEqual([])
  })

  it('lists the changed parameters sorted by key, whatever order the schema gives them in', () => {
    // Neither the schema's order (m, z, a) nor its reverse is sorted.
    const params = z.object({ m: z.number().default(1), z: z.number().default(2), a: z.number().default(3) })
    expect(changedOn(params, { m: 10, z: 20, a: 30 })).toEqual([
      'allocation a: 30 (default 3)',
      'allocation m: 10 (default 1)',
      'allocation z: 20 (default 2)',
    ])
  })

  it('says "(default …)" only for a parameter that has a default', () => {
    const params = z.object({ depth: z.number().default(3), label: z.string().optional() })
    expect(changedOn(params, { depth: 3, label: 'x' })).toEqual(['allocation label: "x"'])
  })

  it('lists every parameter set, none with a default, when the schema makes nothing of no parameters', () => {
    const params = z.record(z.string(), z.number()).transform((r) => (Object.keys(r).length ? r : null))
    expect(changedOn(params, { b: 2 })).toEqual(['allocation b: 2'])
  })

  it('lists nothing for parameters the schema refuses, or that are not an object of fields', () => {
    expect(changedOn(z.strictObject({ depth: z.number().default(3) }), { depth: 'deep' })).toEqual([])
    expect(changedOn(z.string().default('xy'), 'ab')).toEqual([])
    expect(
      changedOn(
        z.unknown().transform(() => null),
        { depth: 4 },
      ),
    ).toEqual([])
  })

  it('skips a kind whose planner is not installed and lists the others', () => {
    const r = new PlannerRegistry([fakePlanner()])
    const strategy = {
      name: 's',
      allocation: 'fake',
      maintenance: 'gone',
      params: { allocation: { depth: 5 } },
    }
    expect(r.changedParams(strategy)).toEqual(['allocation depth: 5 (default 3)'])
  })
})
