// The default scenario's description makes claims a newcomer will check: hold it to them.

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createSimulation, type MetricValues } from '../../src/core'
import { registry } from '../../src/planners'
import { loadScenarioText } from '../../src/scenario'

const FILE = join(import.meta.dirname, '..', '..', 'scenarios', 'default.json')

function run(strategy: string): MetricValues {
  const r = loadScenarioText(readFileSync(FILE, 'utf8'), 'default.json', { knownPlanners: registry.names() })
  if (!r.ok) throw new Error('default.json does not validate')
  const spec = r.scenario
  const bound = registry.bind(spec.strategies.find((s) => s.name === strategy)!)
  const sim = createSimulation(spec, strategy, { planners: bound.planners })
  sim.runUntil(spec.durationS)
  return sim.metrics()
}

describe('scenarios/default.json', () => {
  const baseline = run('baseline')
  const predictive = run('predictive')

  it('the trend alert comes hours ahead, the threshold one minutes ahead', () => {
    expect(predictive.alertLeadH).toBeGreaterThan(4)
    expect(baseline.alertLeadH).toBeLessThan(1)
    expect(predictive.falseAlarms).toBe(0)
    expect(baseline.falseAlarms).toBe(0)
  })

  it('the predictive spare fills the slot before the failure; the baseline leaves the gap open', () => {
    expect(predictive.slotFillH).toBe(0)
    expect(baseline.slotFillH).toBeNull()
    expect(predictive.deltaVSpent).toBeGreaterThan(50)
    expect(predictive.deltaVSpent).toBeLessThan(150)
  })

  it('both deliver all twelve images', () => {
    expect(baseline.tasksCompleted).toBe(12)
    expect(predictive.tasksCompleted).toBe(12)
  })
})
