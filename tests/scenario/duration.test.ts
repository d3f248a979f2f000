import { describe, expect, it } from 'vitest'
import { parseDuration } from '../../src/scenario'
import { formatDuration } from '../../src/scenario/duration'

describe('parseDuration', () => {
  it('reads each unit and combinations in descending order', () => {
    expect(parseDuration('90s')).toBe(90)
    expect(parseDuration('45m')).toBe(2700)
    expect(parseDuration('24h')).toBe(86_400)
    expect(parseDuration('2d')).toBe(172_800)
    expect(parseDuration('1h30m')).toBe(5400)
    expect(parseDuration('1d2h3m4s')).toBe(93_784)
    expect(parseDuration('1.5h')).toBe(5400)
    expect(parseDuration('0s')).toBe(0)
  })

  it('takes a non-negative finite number as seconds', () => {
    expect(parseDuration(0)).toBe(0)
    expect(parseDuration(12.5)).toBe(12.5)
    expect(parseDuration(-1)).toBeUndefined()
    expect(parseDuration(Number.NaN)).toBeUndefined()
    expect(parseDuration(Number.POSITIVE_INFINITY)).toBeUndefined()
  })

  it('refuses text it cannot read unambiguously', () => {
    for (const text of [
      '',
      '90',
      'h',
      '1 h',
      '1h 30m',
      '30m1h',
      '1h1h',
      '-5m',
      '+5m',
      '5 min',
      '5M',
      '.5h',
      '1.h',
      ' 5s',
      '5s ',
    ]) {
      expect(parseDuration(text), text).toBeUndefined()
    }
    expect(parseDuration(`${'9'.repeat(400)}h`)).toBeUndefined()
  })
})

describe('formatDuration', () => {
  it('writes the compact form used in messages', () => {
    expect(formatDuration(0)).toBe('0s')
    expect(formatDuration(90)).toBe('1m30s')
    expect(formatDuration(5400)).toBe('1h30m')
    expect(formatDuration(93_784)).toBe('1d2h3m4s')
    expect(formatDuration(0.1 + 0.2)).toBe('0.3s')
  })

  it('round-trips through parseDuration', () => {
    for (const s of [1, 59, 60, 3599, 3600, 86_399, 86_400, 200_000])
      expect(parseDuration(formatDuration(s))).toBe(s)
  })
})
