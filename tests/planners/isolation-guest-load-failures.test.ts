// What the guest tells its host when the module it was given cannot be used: each way a module
// fails to load ends in one 'loadFailed' naming why, the guest then stays deaf (it answers no
// call) and its stray-error hook does nothing; and a message the port refuses is reported as a
// 'stray' instead of being lost or crashing the thread.

import { describe, expect, it } from 'vitest'
import { userPlanner as planner, portGuest } from './isolation-support'

/** A guest that failed to load: it said so once, listens to nothing, and ignores stray errors. */
function expectDeaf(g: ReturnType<typeof portGuest>): void {
  expect(g.listening()).toBe(false)
  const before = g.posted.length
  expect(() => g.guest.stray(new Error('a timer of the module'))).not.toThrow()
  expect(g.posted.length).toBe(before)
}

describe('a module the guest cannot use', () => {
  it('without a default export is told to export its planner so', () => {
    const g = portGuest(undefined)
    expect(g.posted).toEqual([
      { type: 'loadFailed', problems: ["export the planner as the module's default export"] },
    ])
    expectDeaf(g)
  })

  it('exporting one malformed planner lists its problems as they are', () => {
    const g = portGuest(planner('allocation/a', { kind: 'weather' }))
    expect(g.posted).toEqual([
      {
        type: 'loadFailed',
        problems: ['kind: expected one of trajectory, allocation, maintenance, got "weather"'],
      },
    ])
    expectDeaf(g)
  })

  it('exporting a list prefixes each problem with the index of the planner it is about', () => {
    const g = portGuest([
      planner('allocation/a'),
      planner('allocation/b', { label: 7 }),
      planner('allocation/c', { plan: 1 }),
    ])
    expect(g.posted).toEqual([
      {
        type: 'loadFailed',
        problems: [
          '[1] label: expected a string',
          '[2] plan: expected a function (view, params) => decisions',
        ],
      },
    ])
    expectDeaf(g)
  })

  it('whose loading failed says "cannot load it" with the loader\'s words, whatever was exported', () => {
    // The entry hands over the loader's error; nothing of the export is looked at then.
    const g = portGuest(planner('allocation/a'), { loadError: 'SyntaxError: Unexpected token (3:7)' })
    expect(g.posted).toEqual([
      { type: 'loadFailed', problems: ['cannot load it: SyntaxError: Unexpected token (3:7)'] },
    ])
    expectDeaf(g)
  })

  it('whose export throws when it is read is refused with what it threw', () => {
    // A proxy of a list whose every read throws: even asking its length fails.
    const hostile = new Proxy([], {
      get() {
        throw new TypeError('no reading here')
      },
    })
    const g = portGuest(hostile)
    expect(g.posted).toEqual([
      { type: 'loadFailed', problems: ['reading the export threw TypeError: no reading here'] },
    ])
    expectDeaf(g)
  })

  it('whose planner throws when it is described (after passing the check) is refused with what it threw', () => {
    // The label reads fine once (the plugin check), then throws (the description).
    let reads = 0
    const fickle = planner('allocation/fickle')
    Object.defineProperty(fickle, 'label', {
      get() {
        reads++
        if (reads > 1) throw new RangeError('label gone')
        return 'Fickle'
      },
    })
    const g = portGuest(fickle)
    expect(g.posted).toEqual([
      { type: 'loadFailed', problems: ['reading the planner threw RangeError: label gone'] },
    ])
    expectDeaf(g)
  })
})

describe('a message the port refuses', () => {
  it('is reported to the host as a stray error naming why, and the guest goes on', async () => {
    let refuse = true
    const g = portGuest(planner('allocation/a'), {
      post: (m, record) => {
        if (refuse && m.type === 'loaded') {
          refuse = false
          throw new Error('could not be cloned')
        }
        record(m)
      },
    })
    expect(g.posted).toEqual([
      { type: 'stray', message: 'a message could not be sent: Error: could not be cloned' },
    ])
    // Still listening: the next message is answered as usual.
    expect(g.listening()).toBe(true)
    await g.deliver({ type: 'plan', call: 1, data: {} as never })
    expect(g.posted[1]).toEqual({ type: 'stray', message: 'a call came before init' })
  })
})
