// How the engine reads what a planner returned, before any check against the world: the plain
// copy of a decision (primitives only, unknown fields dropped, `dv` copied the same way), the
// fault text for a value that threw, the guard against promises and against a list that throws
// while being read. Untrusted input: each case here is a way a planner could smuggle something
// past the checks if the reading were looser.

import { describe, expect, it } from 'vitest'
import {
  copyDecision,
  describeThrown,
  isThenable,
  MAX_DECISIONS_PER_CALL,
  readDecisions,
} from '../../src/core/engine/decision-check'

describe('copyDecision', () => {
  it('keeps the known fields that hold primitives (null too), and nothing else', () => {
    const copy = copyDecision({
      kind: 'note',
      rationale: 'hello',
      task: null,
      atS: 30,
      retire: false,
      satellite: { toString: () => 'P1-S1' },
      station: () => 'svalbard',
      component: undefined,
      extra: 'dropped',
    })
    // toStrictEqual: a key holding undefined would fail it.
    expect(copy).toStrictEqual({ kind: 'note', rationale: 'hello', task: null, atS: 30, retire: false })
  })

  it('copies dv the same way, and only when dv is an object', () => {
    expect(
      copyDecision({
        kind: 'maneuver',
        dv: { frame: 'rtn', r: 1, t: { valueOf: () => 2 }, n: undefined, w: 9 },
      }),
    ).toStrictEqual({
      kind: 'maneuver',
      dv: { frame: 'rtn', r: 1 },
    })
    expect(copyDecision({ kind: 'maneuver', dv: 5 })).toStrictEqual({ kind: 'maneuver' })
    expect(copyDecision({ kind: 'maneuver', dv: null })).toStrictEqual({ kind: 'maneuver' })
  })

  it('says what it got when the decision is not an object', () => {
    expect(copyDecision(7)).toBe('expected a decision object, got 7')
    expect(copyDecision(null)).toBe('expected a decision object, got null')
  })
})

describe('describeThrown', () => {
  it('names an Error by its name and message, on one line', () => {
    expect(describeThrown(new RangeError('too far\nsecond line'))).toBe('RangeError: too far')
    expect(describeThrown('plain')).toBe('plain')
  })

  it('cuts a line longer than 300 characters, and not one of exactly 300', () => {
    expect(describeThrown('x'.repeat(300))).toBe('x'.repeat(300))
    expect(describeThrown('y'.repeat(301))).toBe(`${'y'.repeat(300)}…`)
  })

  it('survives a value whose text cannot be made', () => {
    const hostile = {
      toString() {
        throw new Error('no')
      },
    }
    expect(describeThrown(hostile)).toBe('a value that cannot be shown')
  })
})

describe('isThenable', () => {
  // Thenables made on purpose: a `then` key would trip the linter's rule against accidental ones.
  const THEN = 'then'
  const withThen = <T extends object>(x: T, then: unknown) => Object.assign(x, { [THEN]: then })

  it('is true for objects and functions with a then method, false for everything else', () => {
    const noop = () => undefined
    expect(isThenable(Promise.resolve(1))).toBe(true)
    expect(isThenable(withThen({}, noop))).toBe(true)
    expect(isThenable(withThen(() => 1, noop))).toBe(true)
    expect(isThenable(withThen({}, 1))).toBe(false)
    expect(isThenable(() => 1)).toBe(false)
    expect(isThenable(null)).toBe(false)
    expect(isThenable(undefined)).toBe(false)
    expect(isThenable('then')).toBe(false)
  })
})

describe('readDecisions', () => {
  it('names a promise (an async plan) instead of calling it a plain object', () => {
    expect(readDecisions(Promise.resolve([]))).toEqual({
      ok: false,
      fault: 'returned a promise instead of a list of decisions',
    })
  })

  it('turns a list that throws while being read into one fault', () => {
    const hostile = new Proxy([], {
      get(target, key) {
        if (key === 'length') throw new Error('length is a lie')
        return Reflect.get(target, key)
      },
    })
    expect(readDecisions(hostile)).toEqual({
      ok: false,
      fault: 'reading its output threw: Error: length is a lie',
    })
  })

  it('reads every element, each fault in its place, at most MAX_DECISIONS_PER_CALL', () => {
    const getterThrows = Object.defineProperty({}, 'kind', {
      get() {
        throw new TypeError('nope')
      },
      enumerable: true,
    })
    const r = readDecisions([{ kind: 'note', rationale: 'a' }, getterThrows, 3])
    expect(r).toEqual({
      ok: true,
      total: 3,
      items: [
        { kind: 'note', rationale: 'a' },
        'reading the decision threw: TypeError: nope',
        'expected a decision object, got 3',
      ],
    })
    const long = readDecisions(Array.from({ length: MAX_DECISIONS_PER_CALL + 5 }, () => ({ kind: 'note' })))
    expect(long.ok && [long.total, long.items.length]).toEqual([
      MAX_DECISIONS_PER_CALL + 5,
      MAX_DECISIONS_PER_CALL,
    ])
  })
})
