// Three small writers of text for people that the rest of the suite reaches only in passing:
// elapsed mission time (logs, summaries, rationales), the preview of a wrong value in schema
// messages, and which runs may compete for "best" on a metric that needs another one.

import { describe, expect, it } from 'vitest'
import { eligibleFor } from '../../src/core/best'
import { formatElapsed } from '../../src/core/events'
import { preview } from '../../src/core/preview'

describe('formatElapsed', () => {
  it('writes hours, minutes and seconds after the epoch, with days once there is one', () => {
    expect(formatElapsed(0)).toBe('T+00:00:00')
    expect(formatElapsed(3723)).toBe('T+01:02:03')
    expect(formatElapsed(86399)).toBe('T+23:59:59')
    expect(formatElapsed(86400 + 2 * 3600 + 3 * 60 + 4)).toBe('T+1d 02:03:04')
    expect(formatElapsed(10 * 86400)).toBe('T+10d 00:00:00')
  })

  it('rounds to the second and marks times before the epoch with a minus', () => {
    expect(formatElapsed(59.5)).toBe('T+00:01:00')
    expect(formatElapsed(59.4)).toBe('T+00:00:59')
    expect(formatElapsed(-90)).toBe('T-00:01:30')
    expect(formatElapsed(-(86400 + 1))).toBe('T-1d 00:00:01')
  })
})

describe('preview of values a schema did not expect', () => {
  it('names big integers, functions and symbols by what they are', () => {
    expect(preview(12n)).toBe('12n')
    expect(preview(() => 1)).toBe('a function')
    expect(preview(Symbol('x'))).toBe('a symbol')
    expect(preview([1n, null])).toBe('[1n, null]')
  })
})

describe('eligibleFor', () => {
  it('lets every run compete on a metric that needs no other, even runs with no metrics', () => {
    expect(eligibleFor('tasksCaptured', [null, undefined, { slotFillH: null }])).toEqual([true, true, true])
  })
})
