// Strategy cards show each planner's parameters where a strategy sets them away from the defaults,
// so two strategies on the same planners read apart.

import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { registry } from '../../src/planners'
import { loadScenarioText } from '../../src/scenario'

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
})
