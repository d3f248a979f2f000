// The words PlannerRegistry.bind uses for a strategy it cannot bind: the planners a kind has when
// the one named is missing, and where in the parameters each schema issue is.

import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { PlannerRegistry } from '../../src/planners'
import { fakePlanner } from './fake-planner'

const positive = z.number().refine((v) => v > 0, 'must be positive')

describe('bind problems', () => {
  it('lists every installed planner of the kind, comma-separated, when the one named is missing', () => {
    const r = new PlannerRegistry([fakePlanner(), fakePlanner({ id: 'allocation/other' })])
    expect(r.bind({ name: 's', allocation: 'nope', params: {} }).problems).toEqual([
      'strategy "s": allocation planner "nope" is not installed (known: fake, other)',
    ])
  })

  it('names an issue with the parameters as a whole "(params)"', () => {
    const params = z.object({}).refine(() => false, 'never valid')
    const r = new PlannerRegistry([fakePlanner({ params })])
    expect(r.bind({ name: 's', allocation: 'fake', params: {} }).problems).toEqual([
      'strategy "s": params.allocation: (params): never valid',
    ])
  })

  it('names a nested field by its dotted path and joins the issues with "; "', () => {
    const params = z.object({ depth: positive, outer: z.object({ inner: positive }) })
    const r = new PlannerRegistry([fakePlanner({ params })])
    const strategy = {
      name: 's',
      allocation: 'fake',
      params: { allocation: { depth: -1, outer: { inner: -2 } } },
    }
    expect(r.bind(strategy).problems).toEqual([
      'strategy "s": params.allocation: depth: must be positive; outer.inner: must be positive',
    ])
  })
})
