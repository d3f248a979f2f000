// The UI's readings of the event log: divergences between strategies (the same action identity
// `sim compare` uses), timeline markers, and the plain-language summary.

import { describe, expect, it } from 'vitest'
import type { SimEvent } from '../../src/core/events'
import type { ScenarioSpec } from '../../src/core/spec'
import { initialAppState } from '../../src/store/appStore'
import { divergences, happenedMarkers, runSummary } from '../../src/ui/events'
import { formatDuration, formatNumber, formatOffset, groupThousands } from '../../src/ui/format'
import { readUrl, urlFor } from '../../src/ui/url'

const ev = (t: number, type: SimEvent['type'], satellite?: string, message = `${type}@${t}`): SimEvent => ({
  t,
  type,
  satellite,
  message,
})

describe('divergences', () => {
  it('finds the actions not every strategy took, moment by moment', () => {
    const a = [ev(10, 'decision', 'S1'), ev(20, 'decision', 'S2'), ev(30, 'taskCaptured', 'S1')]
    const b = [ev(10, 'decision', 'S1'), ev(25, 'alert', 'S3'), ev(30, 'maneuverExecuted', 'S3')]
    const { moments, diverged } = divergences([a, b])
    expect(moments.map((m) => m.t)).toEqual([20, 25, 30])
    expect(moments[0].actions.map((x) => x.length)).toEqual([1, 0])
    expect(diverged[0].has(a[1])).toBe(true)
    expect(diverged[0].has(a[0])).toBe(false)
    expect(diverged[0].has(a[2])).toBe(false)
    expect(diverged[1].size).toBe(2)
  })

  it('counts repeated actions', () => {
    const a = [ev(10, 'decision', 'S1'), ev(10, 'decision', 'S1')]
    const b = [ev(10, 'decision', 'S1')]
    expect(divergences([a, b]).diverged[0].size).toBe(1)
    expect(divergences([a]).moments).toEqual([])
  })
})

describe('markers', () => {
  it('merges close events of one category', () => {
    const m = happenedMarkers(
      [ev(0, 'alert'), ev(10, 'alert'), ev(10, 'componentFailed'), ev(500, 'alert')],
      100,
    )
    expect(m.map((x) => [x.t, x.category, x.count])).toEqual([
      [0, 'alert', 2],
      [10, 'failure', 1],
      [500, 'alert', 1],
    ])
  })
})

describe('summary', () => {
  it('reads like a sentence', () => {
    const text = runSummary({
      timeS: 6 * 3600 + 600,
      tasks: { known: 22, pending: 2, open: 3, captured: 3, delivered: 14, expired: 0 },
      fleet: null,
      events: [ev(1, 'satelliteFailed'), ev(2, 'alert'), ev(3, 'maneuverExecuted')],
      deltaV: 12.34,
      minSoc: 41.2,
      done: false,
    })
    expect(text).toBe(
      'Up to T+6h 10m, 14 of 22 tasks delivered, 3 captured and waiting for a downlink, 1 satellite lost, 1 alert raised and 1 manoeuvre (Δv 12.3 m/s); the lowest battery charge was 41 %.',
    )
  })
})

describe('format and URL', () => {
  it('formats for people', () => {
    expect(formatOffset(3600 + 600)).toBe('T+1h 10m')
    expect(formatDuration(90)).toBe('1 min 30 s')
    expect(formatNumber(0.17366)).toBe('0.174')
    expect(formatNumber(-0)).toBe('0')
    expect(formatNumber(null)).toBe('—')
    expect(formatNumber(1234567)).toBe('1,234,567')
    expect(formatNumber(-4321.6)).toBe('-4,322')
  })

  it('groups thousands as the en-US locale does, without loading it', () => {
    const cases = [
      0,
      7,
      -7,
      999,
      1000,
      -1000,
      12345,
      100000,
      999999,
      1000000,
      -9876543,
      123456789012,
      2 ** 53,
    ]
    for (const n of cases) expect(groupThousands(n)).toBe(n.toLocaleString('en-US'))
  })

  it('reads a link and ignores hostile parts', () => {
    expect(readUrl('?scenario=default&strategies=a,b&seed=7&t=3600&sat=P1-S3')).toEqual({
      scenario: 'default',
      strategies: ['a', 'b'],
      seed: 7,
      t: 3600,
      sat: 'P1-S3',
    })
    expect(readUrl('?scenario=../../x&strategies=%3Cscript%3E&seed=-1&t=abc&stress=99999')).toEqual({})
    expect(readUrl('?seed=4294967296').seed).toBeUndefined()
    // The stress path goes up to 30,000 satellites (about the public catalogue), no further.
    expect(readUrl('?stress=30000').stress).toBe(30000)
    expect(readUrl('?stress=30001').stress).toBeUndefined()
    expect(readUrl('?stress=1000&play=max&render=always')).toEqual({
      stress: 1000,
      play: 'max',
      renderAlways: true,
    })
    // The open tab travels in the link; an unknown tab does not.
    expect(readUrl('?tab=compare').tab).toBe('compare')
    expect(readUrl('?tab=settings').tab).toBeUndefined()
    expect(readUrl('?file=my%20mission.json').file).toBe('my mission.json')
  })

  it('writes the open tab and a local file’s name into the link', () => {
    const base = initialAppState()
    const scenario = { strategies: [{ name: 'a' }], seed: 1 } as unknown as ScenarioSpec
    const s = { ...base, scenario, strategies: ['a'], seed: 1, tab: 'alerts' as const }
    expect(urlFor({ ...s, source: { kind: 'library', key: 'default' } })).toBe('?scenario=default&tab=alerts')
    expect(urlFor({ ...s, source: { kind: 'file', name: 'x.json' } })).toBe('?file=x.json&tab=alerts')
  })
})
