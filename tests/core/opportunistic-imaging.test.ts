// Who images a task: without an allocation planner any working satellite that passes over an
// open task images it; an allocation planner takes that over, and then only the tasks it assigned
// are imaged. A planner of another kind leaves imaging opportunistic.

import { describe, expect, it } from 'vitest'
import { createSimulation, type EnginePlanner, type Simulation } from '../../src/core'
import { makeSpec } from '../support/spec-fixture'

const idle = (kind: EnginePlanner['kind']): EnginePlanner => ({ id: `${kind}/idle`, kind, plan: () => [] })

function captures(planners: EnginePlanner[]): [number, string | undefined, string | undefined][] {
  const sim: Simulation = createSimulation(makeSpec({ durationS: 3600 }), undefined, { planners })
  sim.runUntil(3600)
  return sim
    .events()
    .filter((e) => e.type === 'taskCaptured')
    .map((e) => [e.t, e.satellite, e.task])
}

describe('imaging without and with an allocation planner', () => {
  it('without one, satellites image the tasks they pass over; a trajectory planner changes nothing', () => {
    const alone = captures([])
    expect(alone.length).toBeGreaterThan(0)
    expect(captures([idle('trajectory')])).toEqual(alone)
  })

  it('with one that assigns nothing, nothing is imaged', () => {
    expect(captures([idle('allocation')])).toEqual([])
    expect(captures([idle('trajectory'), idle('allocation')])).toEqual([])
  })
})
