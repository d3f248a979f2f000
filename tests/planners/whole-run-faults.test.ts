// Built-in planners must never need the engine to refuse them. The engine refuses a burn after
// the end of the run, so a slot-recovery design whose cheapest burn falls after the end has to be
// declined by the planner itself (with the reason in words), not proposed and rejected every
// cadence. These scenarios fly trajectory planners over their whole length, past a failure that
// opens a slot late in the run.

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createSimulation } from '../../src/core'
import { registry } from '../../src/planners'
import { loadScenarioText } from '../../src/scenario'

const ROOT = join(import.meta.dirname, '..', '..')

const CASES: [file: string, strategy: string][] = [
  ['scenarios/default.json', 'baseline'],
  ['scenarios/predictive-maintenance.json', 'threshold'],
  ['scenarios/predictive-maintenance.json', 'none'],
]

describe('built-in strategies over the whole run', () => {
  it.each(CASES)(
    '%s, %s: no planner fault, and no burn planned after the end',
    (file, name) => {
      const result = loadScenarioText(readFileSync(join(ROOT, file), 'utf8'), file, {
        knownPlanners: registry.names(),
      })
      if (!result.ok) throw new Error(result.issues.map((i) => i.message).join('\n'))
      const spec = result.scenario
      const strategy = spec.strategies.find((s) => s.name === name)
      if (!strategy) throw new Error(`no strategy ${name}`)
      const { planners, problems } = registry.bind(strategy)
      expect(problems).toEqual([])
      const sim = createSimulation(spec, name, { planners })
      sim.runUntil(spec.durationS)
      const faults = sim.events().filter((e) => e.type === 'plannerFault')
      expect(faults.map((e) => e.message)).toEqual([])
      // The slot really opened late: a satellite failed, so the planner had a slot to think about.
      expect(sim.events().some((e) => e.type === 'satelliteFailed')).toBe(true)
    },
    120_000,
  )
})
