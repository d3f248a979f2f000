// PlannerRegistry.bindNamed, called directly: the worker binds a scenario's strategy by its name
// and gets either the planners or one message saying every reason it cannot.

import { describe, expect, it } from 'vitest'
import { PlannerRegistry } from '../../src/planners'
import { makeSpec } from '../support/spec-fixture'
import { fakePlanner } from './fake-planner'

const r = new PlannerRegistry([fakePlanner(), fakePlanner({ id: 'maintenance/fake', kind: 'maintenance' })])
const spec = makeSpec({
  id: 'two-strategies',
  strategies: [
    { name: 'first', allocation: 'fake', params: {} },
    { name: 'second', maintenance: 'fake', params: {} },
    { name: 'broken', allocation: 'nope', maintenance: 'gone', params: {} },
  ],
})

describe('bindNamed', () => {
  it('binds the planners of the strategy of that name, not of another', () => {
    const bound = r.bindNamed(spec, 'second')
    expect('planners' in bound && bound.planners.map((p) => p.id)).toEqual(['maintenance/fake'])
    expect(bound).not.toHaveProperty('problem')
  })

  it('says the scenario has no strategy of an unknown name', () => {
    expect(r.bindNamed(spec, 'third')).toEqual({ problem: 'scenario two-strategies has no strategy "third"' })
  })

  it('gives every problem of the strategy in one message, one per line', () => {
    expect(r.bindNamed(spec, 'broken')).toEqual({
      problem: [
        'strategy "broken": allocation planner "nope" is not installed (known: fake)',
        'strategy "broken": maintenance planner "gone" is not installed (known: fake)',
      ].join('\n'),
    })
  })
})
