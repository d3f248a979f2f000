// The guest's answers once its module loaded: 'init' picks a planner by id and checks the
// strategy's parameters with that planner's schema (every issue in one line, the path named or
// "(params)" for the whole object), and each 'plan' answers with the decisions, or with why the
// view could not be rebuilt or what plan() threw, timed on the injected clock: `ms` is the time
// inside plan(), `rebuildMs` the time spent rebuilding the view before it.

import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { DEFAULT_TELEMETRY_WINDOW } from '../../src/core'
import type { HostMessage } from '../../src/planners/isolation/protocol'
import { firstViewData } from '../support/first-view-data'
import { makeSpec } from '../support/spec-fixture'
import { userPlanner as planner, portGuest } from './isolation-support'

const spec = makeSpec()

function init(plannerId: string, params: unknown): HostMessage {
  return { type: 'init', plannerId, spec, telemetryWindow: DEFAULT_TELEMETRY_WINDOW, params }
}

/** A clock the test moves: it reads 1000 ms until something advances it. */
function testClock() {
  let t = 1000
  return { now: () => t, advance: (ms: number) => (t += ms) }
}

const schema = z.object(
  {
    count: z.number({ error: 'a number, please' }),
    nested: z.object({ name: z.string({ error: 'a word, please' }) }),
  },
  { error: 'an object of parameters, please' },
)

describe("the guest's answer to init", () => {
  it('is no problem when the parameters fit the chosen planner', async () => {
    const g = portGuest(planner('allocation/a', { params: schema }))
    await g.deliver(init('allocation/a', { count: 2, nested: { name: 'x' } }))
    expect(g.posted.at(-1)).toEqual({ type: 'ready', problems: [] })
  })

  it('names a planner id the module does not have', async () => {
    const g = portGuest(planner('allocation/a'))
    await g.deliver(init('allocation/b', {}))
    expect(g.posted.at(-1)).toEqual({ type: 'ready', problems: ['the module has no planner "allocation/b"'] })
  })

  it("checks the parameters with the schema of the planner of that id, not another's", async () => {
    const g = portGuest([
      planner('allocation/first', { params: z.object({ a: z.number() }) }),
      planner('allocation/second', { params: z.object({ b: z.string() }) }),
    ])
    await g.deliver(init('allocation/second', { b: 'fits the second only' }))
    expect(g.posted.at(-1)).toEqual({ type: 'ready', problems: [] })
  })

  it('joins every issue with "; ", each after its dotted path', async () => {
    const g = portGuest(planner('allocation/a', { params: schema }))
    await g.deliver(init('allocation/a', { count: 'two', nested: { name: 3 } }))
    expect(g.posted.at(-1)).toEqual({
      type: 'ready',
      problems: ['count: a number, please; nested.name: a word, please'],
    })
  })

  it('names an issue with the parameters as a whole "(params)"', async () => {
    const g = portGuest(planner('allocation/a', { params: schema }))
    await g.deliver(init('allocation/a', 42))
    expect(g.posted.at(-1)).toEqual({
      type: 'ready',
      problems: ['(params): an object of parameters, please'],
    })
  })

  it('reports a schema that throws instead of answering', async () => {
    const throwing = {
      safeParse: () => {
        throw new RangeError('schema broke')
      },
    }
    const g = portGuest(planner('allocation/a', { params: throwing }))
    await g.deliver(init('allocation/a', {}))
    expect(g.posted.at(-1)).toEqual({
      type: 'ready',
      problems: ['its params schema threw RangeError: schema broke'],
    })
  })

  it('refused leaves the planner unusable: a call after it is a call before init', async () => {
    const g = portGuest(planner('allocation/a', { params: schema }))
    await g.deliver(init('allocation/a', 42))
    await g.deliver({ type: 'plan', call: 1, data: await firstViewData(spec) })
    expect(g.posted.at(-1)).toEqual({ type: 'stray', message: 'a call came before init' })
  })
})

describe("the guest's answer to a call", () => {
  it('carries the decisions and the time inside plan(), the rebuild taking none of this clock', async () => {
    const clock = testClock()
    const g = portGuest(
      planner('allocation/a', {
        plan: () => {
          clock.advance(7)
          return []
        },
      }),
      { clock: clock.now },
    )
    await g.deliver(init('allocation/a', {}))
    await g.deliver({ type: 'plan', call: 4, data: await firstViewData(spec) })
    expect(g.posted.at(-1)).toEqual({
      type: 'planned',
      call: 4,
      ok: true,
      read: { ok: true, items: [], total: 0 },
      ms: 7,
      rebuildMs: 0,
    })
  })

  it('is a failure with the error text and the time inside plan() when plan() throws', async () => {
    const clock = testClock()
    const plan = () => {
      clock.advance(12)
      throw new RangeError('out of fuel')
    }
    const g = portGuest(planner('allocation/a', { plan }), { clock: clock.now })
    await g.deliver(init('allocation/a', {}))
    await g.deliver({ type: 'plan', call: 2, data: await firstViewData(spec) })
    expect(g.posted.at(-1)).toEqual({
      type: 'planned',
      call: 2,
      ok: false,
      error: 'threw: RangeError: out of fuel',
      ms: 12,
      rebuildMs: 0,
    })
  })

  it('is a failure naming the rebuild, with no time in plan(), when the view cannot be rebuilt', async () => {
    const clock = testClock()
    let planned = 0
    const g = portGuest(
      planner('allocation/a', {
        plan: () => {
          planned++
          return []
        },
      }),
      { clock: clock.now },
    )
    await g.deliver(init('allocation/a', {}))
    // Data whose elements take 3 ms to read and then fail: the rebuild's time is those 3 ms.
    const broken = {
      get kepler(): never {
        clock.advance(3)
        throw new TypeError('not a view')
      },
    }
    await g.deliver({ type: 'plan', call: 5, data: broken as never })
    expect(g.posted.at(-1)).toEqual({
      type: 'planned',
      call: 5,
      ok: false,
      error: 'its view could not be rebuilt: TypeError: not a view',
      ms: 0,
      rebuildMs: 3,
    })
    expect(planned).toBe(0)
  })
})

describe('the wake hint, while a call arrives during the spin', () => {
  it('takes the call awake when it is queued within the spin (1 ms)', async () => {
    // The clock moves 0.1 ms per reading; the call shows up at the third look, 0.2 ms in.
    let readings = 0
    let looks = 0
    const queued: HostMessage = { type: 'plan', call: 1, data: {} as never }
    const g = portGuest(planner('allocation/a'), {
      clock: () => ++readings * 0.1,
      receiveNow: () => (++looks === 3 ? queued : undefined),
    })
    await g.deliver({ type: 'wake' })
    expect(looks).toBe(3)
    // Taken and answered (before init, so it says so).
    expect(g.posted.at(-1)).toEqual({ type: 'stray', message: 'a call came before init' })
  })
})
