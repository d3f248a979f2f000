// The run-size limits are "at most" limits (core/limits.ts): a run of exactly the limit is
// accepted, one unit more is refused, and each refusal is keyed to what it is about (the loader
// attaches the message to that field).

import { describe, expect, it } from 'vitest'
import { formatCount, MAX_SAMPLES, MAX_WORK_UNITS, workProblems } from '../../src/core/limits'

describe('workProblems at the limits', () => {
  // 1,000,000 steps of 1 s and one station: 2 units a satellite-step, 2e9 for 1000 satellites.
  const run = { durationS: 1e6, stepS: 1, sampleEveryS: 100, satellites: 1000, stations: 1 }

  it('accepts exactly the largest work estimate and refuses one satellite more, keyed "work"', () => {
    expect(1e6 * 1000 * (1 + 1)).toBe(MAX_WORK_UNITS)
    expect(workProblems(run)).toEqual([])
    const over = workProblems({ ...run, satellites: 1001 })
    expect(over.map((p) => p.key)).toEqual(['work'])
    expect(over[0].message).toContain('got 2,002,000,000 = 1,000,000 steps × 1001 satellites × 2')
  })

  it('accepts exactly the most metric samples and refuses one more, keyed "samples"', () => {
    // duration / sampleEvery + 1 samples: 199,999 s at 1 s is 200,000 samples.
    const sampled = { ...run, durationS: 199_999, sampleEveryS: 1, satellites: 1 }
    expect(workProblems(sampled)).toEqual([])
    const over = workProblems({ ...sampled, durationS: 200_000 })
    expect(over.map((p) => p.key)).toEqual(['samples'])
    expect(over[0].message).toContain(`at most ${formatCount(MAX_SAMPLES)} metric samples`)
    expect(over[0].message).toContain('got 200,001')
  })
})

describe('formatCount of a negative infinity', () => {
  it('names it as JavaScript does rather than as a locale symbol', () => {
    expect(formatCount(Number.NEGATIVE_INFINITY)).toBe('-Infinity')
  })
})
