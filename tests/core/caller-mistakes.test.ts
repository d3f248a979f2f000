// What a caller's mistake gets back from the engine: an unknown strategy is refused with the
// strategies the scenario does define, and a manual manoeuvre is checked exactly like a
// trajectory planner's decision, a refused one returning the reason and changing nothing.

import { describe, expect, it } from 'vitest'
import { createSimulation, type ManeuverDecision, SimulationError } from '../../src/core'
import { faults, probePlanner } from '../support/probe-planner'
import { makeSpec, namedStrategies } from '../support/spec-fixture'

const twoStrategies = () =>
  makeSpec({
    durationS: 600,
    strategies: namedStrategies('greedy', 'balanced'),
  })

describe('an unknown strategy', () => {
  it('is refused as a SimulationError, with the names the scenario defines', () => {
    expect(() => createSimulation(twoStrategies(), 'nope')).toThrow(SimulationError)
    expect(() => createSimulation(twoStrategies(), 'nope')).toThrow(
      'unknown strategy "nope"; scenario fixture defines: greedy, balanced',
    )
    // Printed (a stack trace, String(err)) it says what kind of mistake it is.
    let printed = ''
    try {
      createSimulation(twoStrategies(), 'nope')
    } catch (err) {
      printed = String(err)
    }
    expect(printed).toMatch(/^SimulationError: unknown strategy "nope"/)
  })
})

describe('a manual manoeuvre', () => {
  it('that is not a decision object is refused with the reason and changes nothing', () => {
    const sim = createSimulation(twoStrategies())
    const before = sim.snapshot()
    for (const bad of [null, 'burn', 42]) {
      const why = sim.scheduleManeuver(bad as unknown as ManeuverDecision)
      expect(why).toBe(`expected a decision object, got ${String(bad)}`)
    }
    expect(sim.snapshot()).toEqual(before)
  })

  it("gets the same refusal a trajectory planner's decision gets, and changes nothing", () => {
    // Not a manoeuvre: a trajectory planner may not assign tasks, so neither may a manual call.
    const assign = { kind: 'assignTask', satellite: 'P1-S1', task: 'tokyo', rationale: 'by hand' }
    const byPlanner = createSimulation(twoStrategies(), undefined, {
      planners: [probePlanner('trajectory', () => [assign], { atS: 30, id: 'trajectory/probe' })],
    })
    byPlanner.runUntil(30)
    const [fault] = faults(byPlanner)
    const sim = createSimulation(twoStrategies())
    const before = sim.snapshot()
    const why = sim.scheduleManeuver(assign as unknown as ManeuverDecision)
    expect(why).toBe('a trajectory planner may not make assignTask decisions')
    expect(fault?.message).toBe(`trajectory/probe: rejected decision: ${why}`)
    expect(sim.snapshot()).toEqual(before)
  })
})
