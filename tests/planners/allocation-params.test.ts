// The allocation planners' shared parameters as a scenario author meets them: the documented
// bounds, checked through registry.bind for each of the three planners, and the edge policy,
// which stays "never" unless the strategy asks: no mode decisions even where "auto" would make one.

import { describe, expect, it } from 'vitest'
import { createSimulation, type StrategySpec } from '../../src/core'
import { registry } from '../../src/planners'
import { passSpec } from '../support/pass-fixture'
import { type Bounds, itKeepsBounds } from './param-bounds'

const SHARED: Record<string, Bounds> = {
  horizonH: { gt: 0, max: 168 },
  capacity: { int: true, min: 1, max: 1000 },
  sampleS: { min: 1, max: 900 },
  commitH: { min: 0, max: 48 },
}

describe('allocation planner parameter bounds, through registry.bind', () => {
  itKeepsBounds('allocation', { 'greedy-priority': SHARED, edf: SHARED, optimal: SHARED })
})

describe('the edge policy by default', () => {
  const strategy = (params: Record<string, unknown>): StrategySpec => ({
    name: 'author',
    allocation: 'greedy-priority',
    params: { allocation: params },
  })

  it('is "never": setting it to "never" changes nothing, "auto" is a change from "never"', () => {
    expect(registry.changedParams(strategy({ edge: 'never' }))).toEqual([])
    expect(registry.changedParams(strategy({ edge: 'auto' }))).toEqual([
      'allocation edge: "auto" (default "never")',
    ])
  })

  it('makes no mode decisions where "auto" switches a storage-bound satellite to edge', () => {
    // 1 Gb of storage and three 800 Mb images of the target P1-S1 passes over: room for one.
    const s = passSpec({
      bus: { storageBits: 1e9 },
      tasks: (target) =>
        ['a', 'b', 'c'].map((id) => ({
          id,
          kind: 'image' as const,
          target,
          windowStartS: 0,
          windowEndS: 3 * 3600,
          priority: 1,
          dataBits: 800e6,
        })),
    })
    const sim = createSimulation(s)
    sim.runUntil(s.stepS)
    const view = sim.view()
    const modes = (params: Record<string, unknown>) =>
      registry.bind(strategy(params)).planners[0].plan!(view).filter((d) => d.kind === 'setMode')
    expect(modes({ edge: 'auto' }).map((d) => [d.satellite, d.kind === 'setMode' && d.mode])).toEqual([
      ['P1-S1', 'edge'],
    ])
    expect(modes({})).toEqual([])
  })
})
