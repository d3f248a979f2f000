// What the view's prediction helpers refuse. A planner is untrusted: a satellite, station or task
// index that names nothing (negative, one past the end, fractional) or a span that is not a
// finite number must be a RangeError naming the argument, never a silent empty answer or a read
// past the end of the engine's arrays. The sample limit of visibilityWindows is a bound: exactly
// MAX_VISIBILITY_SAMPLES intervals are allowed, one more is refused before any work.

import { describe, expect, it } from 'vitest'
import { createSimulation } from '../../src/core'
import { MAX_VISIBILITY_SAMPLES } from '../../src/core/engine/view-builder'
import { lazy } from '../support/lazy'
import { makeSpec } from '../support/spec-fixture'

const spec = makeSpec()
// Made by the first test that asks (not at collection: see tests/support/lazy.ts).
const view = lazy(() => createSimulation(spec).view())
const sats = spec.satellites.length // 12
const stations = spec.groundStations.length // 3
const tasks = spec.tasks.length // 3

const badIndices = (count: number) => [-1, count, 1.5, Number.NaN]

/** What `f` threw, or undefined: the class and the message are both part of the answer. */
function thrown(f: () => unknown): [string, string] | undefined {
  try {
    f()
  } catch (err) {
    return [(err as Error).constructor.name, (err as Error).message]
  }
  return undefined
}

describe('a satellite index that names no satellite', () => {
  for (const k of badIndices(sats)) {
    it(`(${k}) is refused by every helper`, () => {
      const msg = `satellite index must be an integer from 0 to ${sats - 1}, got ${k}`
      expect(thrown(() => view().telemetry(k, 'battery'))).toEqual(['RangeError', msg])
      expect(thrown(() => view().predictPosition(k, 600))).toEqual(['RangeError', msg])
      expect(thrown(() => view().predictPosition(k, 600, new Float64Array(3)))).toEqual(['RangeError', msg])
      expect(thrown(() => view().visibilityWindows(k, 0, 0, 600))).toEqual(['RangeError', msg])
      expect(thrown(() => view().canImage(k, 0, 600))).toEqual(['RangeError', msg])
    })
  }

  it('the last satellite and the first are accepted', () => {
    expect(view().telemetry(sats - 1, 'battery').t).toBeInstanceOf(Float64Array)
    expect(view().predictPosition(0, 600)).toHaveLength(3)
    expect(view().predictPosition(sats - 1, 600)).toHaveLength(3)
  })
})

describe('a station or task index that names nothing', () => {
  for (const j of badIndices(stations)) {
    it(`(station ${j}) is refused by visibilityWindows`, () => {
      expect(thrown(() => view().visibilityWindows(0, j, 0, 600))).toEqual([
        'RangeError',
        `station index must be an integer from 0 to ${stations - 1}, got ${j}`,
      ])
    })
  }

  for (const q of badIndices(tasks)) {
    it(`(task ${q}) is refused by canImage`, () => {
      expect(thrown(() => view().canImage(0, q, 600))).toEqual([
        'RangeError',
        `task index must be an integer from 0 to ${tasks - 1}, got ${q}`,
      ])
    })
  }
})

describe('visibilityWindows span and step', () => {
  // Hartebeesthoek (26° S) sees these 53° orbits; Svalbard (78° N) is beyond their reach.
  const station = 1

  it('refuses a start or an end that is not a finite number', () => {
    const span = (a: number, b: number) => [
      'RangeError',
      `visibilityWindows: fromS and toS must be finite, got ${a} and ${b}`,
    ]
    expect(thrown(() => view().visibilityWindows(0, station, Number.NaN, 600))).toEqual(span(Number.NaN, 600))
    expect(thrown(() => view().visibilityWindows(0, station, 0, Number.NaN))).toEqual(span(0, Number.NaN))
    expect(thrown(() => view().visibilityWindows(0, station, Number.NEGATIVE_INFINITY, 600))).toEqual(
      span(Number.NEGATIVE_INFINITY, 600),
    )
  })

  it('refuses an infinite sample step (0 × ∞ would make the first sample time NaN)', () => {
    expect(thrown(() => view().visibilityWindows(0, station, 0, 600, Number.POSITIVE_INFINITY))).toEqual([
      'RangeError',
      'visibilityWindows: sampleS must be a number > 0, got Infinity',
    ])
  })

  it(`allows exactly ${MAX_VISIBILITY_SAMPLES} sample intervals and refuses one more`, () => {
    // floor((toS − fromS) / sampleS) intervals are counted; the limit is checked before sampling.
    const sampleS = 1000
    const over = (MAX_VISIBILITY_SAMPLES + 1) * sampleS
    expect(thrown(() => view().visibilityWindows(0, station, 0, over, sampleS))).toEqual([
      'RangeError',
      `visibilityWindows: ${MAX_VISIBILITY_SAMPLES + 1} samples asked, the limit is ${MAX_VISIBILITY_SAMPLES}; use a larger sampleS or a shorter span`,
    ])
    // At the limit the answer comes: about 6 years of passes of a 95-minute orbit over a station
    // it reaches, so many windows, each inside the span.
    const toS = MAX_VISIBILITY_SAMPLES * sampleS
    const w = view().visibilityWindows(0, station, 0, toS, sampleS)
    expect(w.length).toBeGreaterThan(1000)
    for (const [a, b] of w) expect(0 <= a && a <= b && b <= toS).toBe(true)
  })
})
