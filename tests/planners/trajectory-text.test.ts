// Numbers in the trajectory planners' rationales read as a person writes them. A plane offset
// that rounds to zero came out as "Δi -0.0°" once the propagated elements differed from exact
// trig by round-off (a negative difference of 1e-15 rad): a sign that says nothing.

import { describe, expect, it } from 'vitest'
import { at, degrees } from '../../src/planners/trajectory/timing'

describe('angles in rationales', () => {
  it('round to one decimal, and a value that rounds to zero has no sign', () => {
    expect(degrees(12.345)).toBe('12.3')
    expect(degrees(-12.36)).toBe('-12.4')
    expect(degrees(-0.06)).toBe('-0.1')
    expect(degrees(-0.04)).toBe('0.0')
    expect(degrees(-1e-15)).toBe('0.0')
    expect(degrees(-0)).toBe('0.0')
    expect(degrees(0.04)).toBe('0.0')
  })
})

describe('times in rationales', () => {
  it('read as hours after epoch to one decimal', () => {
    expect(at(5.2 * 3600)).toBe('T+5.2 h')
    expect(at(90)).toBe('T+0.0 h')
    expect(at(36 * 3600 + 360)).toBe('T+36.1 h')
  })
})
