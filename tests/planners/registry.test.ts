// The planner registry: what it refuses to register, how it finds planners, and how it binds a
// strategy's planners to validated parameters (defaults filled, triggers kept) or says why not.
// Also the plugin shape check a user-loaded module must pass.

import { describe, expect, it } from 'vitest'
import type { WorldView } from '../../src/core'
import { type AnyPlanner, PlannerRegistry, plannerProblems, registry, shortName } from '../../src/planners'
import { fakePlanner } from './fake-planner'

const seen: unknown[] = []
/** The shared fake, recording the parameters each plan() call is given. */
const fake = (over: Partial<AnyPlanner> = {}): AnyPlanner =>
  fakePlanner({
    plan: (_view, params) => {
      seen.push(params)
      return []
    },
    ...over,
  })

describe('the planner registry', () => {
  it('refuses a duplicate id, an unknown kind and an id that does not start with its kind', () => {
    const r = new PlannerRegistry([fake()])
    expect(() => r.add(fake())).toThrow('already registered')
    expect(() => r.add(fake({ id: 'allocation/other', kind: 'telepathy' as never }))).toThrow('unknown kind')
    expect(() => r.add(fake({ id: 'maintenance/fake2' }))).toThrow('must start with "allocation/"')
    expect(r.all().map((p) => p.id)).toEqual(['allocation/fake'])
  })

  it('finds a planner by full id or by short name within its kind', () => {
    const r = new PlannerRegistry([fake(), fake({ id: 'maintenance/fake', kind: 'maintenance' })])
    expect(r.find('allocation', 'fake')?.id).toBe('allocation/fake')
    expect(r.find('maintenance', 'fake')?.id).toBe('maintenance/fake')
    expect(r.find('trajectory', 'allocation/fake')?.id).toBe('allocation/fake')
    expect(r.find('trajectory', 'fake')).toBeUndefined()
    expect(r.names()).toEqual({ trajectory: [], allocation: ['fake'], maintenance: ['fake'] })
    expect(shortName('allocation/fake')).toBe('fake')
    expect(shortName('bare')).toBe('bare')
  })

  it('finds and binds a planner by the short name it lists, even one with a slash in it', () => {
    // A user module may name its planner "allocation/team/first-come"; the scenario loader
    // accepts the short name names() lists, so bind must find the planner by it.
    const r = new PlannerRegistry([fake({ id: 'allocation/team/first-come' })])
    expect(r.names().allocation).toEqual(['team/first-come'])
    expect(r.find('allocation', 'team/first-come')?.id).toBe('allocation/team/first-come')
    const { planners, problems } = r.bind({ name: 's', allocation: 'team/first-come', params: {} })
    expect(problems).toEqual([])
    expect(planners.map((p) => p.id)).toEqual(['allocation/team/first-come'])
    // The full id still finds it, from any kind, as before.
    expect(r.find('trajectory', 'allocation/team/first-come')?.id).toBe('allocation/team/first-come')
  })

  it('takes the short name from after the first slash, wherever it is', () => {
    expect(shortName('/lead')).toBe('lead')
    expect(shortName('allocation/a/b')).toBe('a/b')
  })

  it('binds a strategy: parameters validated with defaults filled, triggers kept', () => {
    const r = new PlannerRegistry([fake()])
    const { planners, problems } = r.bind({ name: 's', allocation: 'fake', params: {} })
    expect(problems).toEqual([])
    expect(planners.map((p) => [p.id, p.kind, p.triggers])).toEqual([
      ['allocation/fake', 'allocation', ['taskBurst']],
    ])
    seen.length = 0
    planners[0].plan?.({} as WorldView)
    r.bind({ name: 's', allocation: 'fake', params: { allocation: { depth: 5 } } }).planners[0].plan?.(
      {} as WorldView,
    )
    expect(seen).toEqual([{ depth: 3 }, { depth: 5 }])
  })

  it('names the strategy, kind and problem of every planner it cannot bind, all at once', () => {
    const r = new PlannerRegistry([fake()])
    const { planners, problems } = r.bind({
      name: 'mine',
      allocation: 'fake',
      maintenance: 'oracle',
      params: { allocation: { depth: 0, extra: 1 } },
    })
    expect(planners).toEqual([])
    expect(problems).toHaveLength(2)
    expect(problems[0]).toContain('strategy "mine": params.allocation: ')
    expect(problems[0]).toContain('depth: ')
    expect(problems[1]).toBe('strategy "mine": maintenance planner "oracle" is not installed')
    // With planners of that kind installed, it lists them.
    expect(registry.bind({ name: 'x', allocation: 'nope', params: {} }).problems[0]).toMatch(
      /allocation planner "nope" is not installed \(known: .*greedy-priority/,
    )
  })

  it('binds the built-in planners of a full strategy in kind order', () => {
    const { planners, problems } = registry.bind({
      name: 'all',
      trajectory: 'hohmann',
      allocation: 'greedy-priority',
      maintenance: 'trend',
      params: {},
    })
    expect(problems).toEqual([])
    expect(planners.map((p) => p.id)).toEqual([
      'trajectory/hohmann',
      'allocation/greedy-priority',
      'maintenance/trend',
    ])
  })
})

describe('the plugin shape check', () => {
  it('accepts a planner and names every missing or malformed field at once', () => {
    expect(plannerProblems(fake())).toEqual([])
    expect(plannerProblems(null)).toEqual(['expected a planner object, got null'])
    expect(plannerProblems(7)).toEqual(['expected a planner object, got number'])
    const bad = plannerProblems({ id: '', kind: 'x', params: {}, plan: 1 })
    expect(bad.map((m) => m.split(':')[0])).toEqual(['id', 'kind', 'label', 'description', 'params', 'plan'])
  })
})
