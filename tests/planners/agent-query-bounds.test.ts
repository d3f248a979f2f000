// answerQuery's bounds (src/planners/agent/query.ts, docs/agent-protocol.md "query"): indices
// must name an existing satellite, task or station; a visibilityWindows span is from 0 to
// MAX_WINDOW_SPAN_S; samples are at least MIN_SAMPLE_S apart, the view's step when not given.
// A refused query is an answer with `result: null` and why, and the view is never asked. The view
// here is a stand-in that records what it was asked, so each bound is tested at its edge without
// computing an orbit.

import { describe, expect, it } from 'vitest'
import type { WorldView } from '../../src/core'
import { answerQuery, MAX_WINDOW_SPAN_S, MIN_SAMPLE_S, type QueryMessage } from '../../src/planners/agent'

const WINDOWS = [[100, 400]]

/** A view of 2 satellites, 3 tasks and 4 stations (distinct, so each range is its own). */
function fakeView() {
  const asked: unknown[][] = []
  const view = {
    stepS: 30,
    satellites: [{}, {}],
    tasks: [{}, {}, {}],
    stations: [{}, {}, {}, {}],
    canImage: (...args: unknown[]) => {
      asked.push(['canImage', ...args])
      return true
    },
    visibilityWindows: (...args: unknown[]) => {
      asked.push(['visibilityWindows', ...args])
      return WINDOWS
    },
  } as unknown as WorldView
  return { view, asked }
}

const canImage = (over: Partial<QueryMessage> = {}) =>
  ({ type: 'query', id: 5, query: 'canImage', satellite: 1, task: 2, timeS: 60, ...over }) as QueryMessage

const windows = (over: Partial<QueryMessage> = {}) =>
  ({
    type: 'query',
    id: 6,
    query: 'visibilityWindows',
    satellite: 1,
    station: 3,
    fromS: 0,
    toS: 3600,
    ...over,
  }) as QueryMessage

/** The answer and what the view was asked, for one query. */
function ask(q: QueryMessage) {
  const { view, asked } = fakeView()
  return { answer: answerQuery(view, q), asked }
}

function expectRefused(q: QueryMessage, error: string | RegExp) {
  const { answer, asked } = ask(q)
  expect(answer).toEqual({
    type: 'answer',
    id: q.id,
    result: null,
    error: typeof error === 'string' ? error : expect.stringMatching(error),
  })
  expect(asked).toEqual([])
}

describe('a canImage query', () => {
  it("is the view's answer for the last satellite and task", () => {
    expect(ask(canImage())).toEqual({
      answer: { type: 'answer', id: 5, result: true },
      asked: [['canImage', 1, 2, 60]],
    })
  })

  it('is refused for a satellite index outside the list, naming the range (as documented)', () => {
    expectRefused(canImage({ satellite: 2 }), 'satellite index 2 is not in 0..1')
    expectRefused(canImage({ satellite: -1 }), 'satellite index -1 is not in 0..1')
    expectRefused(canImage({ satellite: 0.5 }), 'satellite index 0.5 is not in 0..1')
  })

  it('is refused for a task index outside the list, naming the range', () => {
    expectRefused(canImage({ task: 3 }), 'task index 3 is not in 0..2')
    expectRefused(canImage({ task: -1 }), 'task index -1 is not in 0..2')
  })

  it('is refused for a time that is not a finite number (JSON reads 1e999 as Infinity)', () => {
    expectRefused(canImage({ timeS: Number.POSITIVE_INFINITY }), /timeS/)
    expectRefused(canImage({ timeS: Number.NaN }), /timeS/)
  })
})

describe('a visibilityWindows query', () => {
  it("is the view's windows, sampled at the view's step when no sampleS is given", () => {
    expect(ask(windows())).toEqual({
      answer: { type: 'answer', id: 6, result: WINDOWS },
      asked: [['visibilityWindows', 1, 3, 0, 3600, 30]],
    })
  })

  it('is refused for a satellite or station index outside its list', () => {
    expectRefused(windows({ satellite: 2 }), 'satellite index 2 is not in 0..1')
    expectRefused(windows({ station: 4 }), 'station index 4 is not in 0..3')
    expectRefused(windows({ station: -1 }), 'station index -1 is not in 0..3')
  })

  it('spans from 0 s to MAX_WINDOW_SPAN_S, wherever it starts', () => {
    const late = 500_000
    for (const [fromS, toS] of [
      [late, late],
      [late, late + MAX_WINDOW_SPAN_S],
      [0, MAX_WINDOW_SPAN_S],
    ])
      expect(ask(windows({ fromS, toS, sampleS: MIN_SAMPLE_S })).asked).toEqual([
        ['visibilityWindows', 1, 3, fromS, toS, MIN_SAMPLE_S],
      ])
    const span = new RegExp(`${MAX_WINDOW_SPAN_S}`)
    expectRefused(windows({ fromS: late, toS: late + MAX_WINDOW_SPAN_S + 1 }), span)
    expectRefused(windows({ fromS: late, toS: late - 1 }), span)
    expectRefused(windows({ fromS: 0, toS: Number.POSITIVE_INFINITY }), span)
  })

  it('is sampled at least MIN_SAMPLE_S apart', () => {
    expect(MIN_SAMPLE_S).toBe(1)
    expect(ask(windows({ sampleS: 1 })).asked).toEqual([['visibilityWindows', 1, 3, 0, 3600, 1]])
    expectRefused(windows({ sampleS: 0.5 }), /sampleS/)
    expectRefused(windows({ sampleS: 0 }), /sampleS/)
    expectRefused(windows({ sampleS: Number.NaN }), /sampleS/)
  })

  it("is refused when the view's own step is under MIN_SAMPLE_S and no sampleS is given", () => {
    const { view, asked } = fakeView()
    const fine = Object.create(view, { stepS: { value: 0.5 } }) as WorldView
    expect(answerQuery(fine, windows())).toMatchObject({ id: 6, result: null, error: expect.any(String) })
    expect(asked).toEqual([])
  })
})
