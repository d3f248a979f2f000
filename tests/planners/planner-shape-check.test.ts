// plannerProblems, called directly, on the fields a hostile module gets wrong: the type of the
// id, the triggers list, a parameter "schema" that is not an object, and properties that throw
// when read. Each problem names its field and says what was expected (or what reading threw).

import { describe, expect, it } from 'vitest'
import { plannerProblems } from '../../src/planners'
import { fakePlanner } from './fake-planner'

const TRIGGERS_EXPECTED = 'triggers: expected a list of event types, or nothing'

describe('the planner shape check', () => {
  it('refuses an id that is not a string', () => {
    expect(plannerProblems(fakePlanner({ id: 5 as never }))).toEqual([
      'id: expected a string such as "allocation/my-planner"',
    ])
  })

  it('accepts no triggers, and refuses triggers that are not a list of strings', () => {
    expect(plannerProblems(fakePlanner({ triggers: undefined }))).toEqual([])
    expect(plannerProblems(fakePlanner({ triggers: 'taskBurst' as never }))).toEqual([TRIGGERS_EXPECTED])
    expect(plannerProblems(fakePlanner({ triggers: ['taskBurst', 5] as never }))).toEqual([TRIGGERS_EXPECTED])
  })

  it('refuses a function as the parameter schema even if it carries a safeParse', () => {
    const params = Object.assign(() => {}, { safeParse: () => ({ success: true, data: {} }) })
    expect(plannerProblems(fakePlanner({ params: params as never }))).toEqual([
      'params: expected a zod schema (for example z.object({}))',
    ])
  })

  it('names a property whose getter throws, with what it threw, instead of checking its value', () => {
    const p = fakePlanner()
    Object.defineProperty(p, 'id', {
      get() {
        throw new Error('no peeking')
      },
    })
    expect(plannerProblems(p)).toEqual(['id: reading it threw Error: no peeking'])
  })

  it('names a list whose elements throw when read, instead of throwing', () => {
    const triggers = new Proxy(['taskBurst'], {
      get(target, key) {
        if (key === '0') throw new Error('no element')
        return Reflect.get(target, key)
      },
    })
    expect(plannerProblems(fakePlanner({ triggers: triggers as never }))).toEqual([
      'triggers: reading it threw Error: no element',
    ])
  })
})
