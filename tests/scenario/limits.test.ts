// Every input bounded, every bound named: the floors on step and sampleEvery, the work and
// sample estimate, capped lists that say their cap, the file size, reserved names, long text
// cut short, SGP4 problems at load and the warning for an old element set.

import { describe, expect, it } from 'vitest'
import { MAX_SAMPLES, MAX_WORK_UNITS } from '../../src/core'
import { preview } from '../../src/core/preview'
import { formatIssue, loadScenarioText, MAX_SCENARIO_BYTES } from '../../src/scenario'
import { checksum } from '../../src/scenario/tle'
import { FILE, ISS_LINE_1, ISS_LINE_2, load, minimal, problems, variant } from './helpers'

/** Replaces text at 0-based `index` and fixes the checksum, so only the edit is wrong. */
function edit(line: string, index: number, text: string): string {
  const body = `${line.slice(0, index)}${text}${line.slice(index + text.length)}`.slice(0, 68)
  return `${body}${checksum(body)}`
}

/** The minimal scenario with its run times replaced. */
const timed = (times: Record<string, string>) => variant((r) => Object.assign(r, times))

describe('the size of a run', () => {
  it('has floors on step and sampleEvery, stated in the message', () => {
    const raw = timed({ step: '0.0001s', sampleEvery: '0.5s' })
    expect(problems(raw)).toEqual([
      `${FILE}: step: expected a duration of at least 0.1s such as "90s", "45m", "1h30m", "2d" or a number ` +
        'of seconds, got "0.0001s"',
      `${FILE}: sampleEvery: expected a duration of at least 1s such as "90s", "45m", "1h30m", "2d" or a ` +
        'number of seconds, got "0.5s"',
    ])
  })

  it('refuses a run whose work estimate is over the limit, naming both and what to change', () => {
    // 366 d at a 1 s step: 31,622,400 steps × 25 satellites × (2 stations + 1).
    const raw = timed({ duration: '366d', step: '1s', plannerCadence: '10m', sampleEvery: '1h' })
    const units = 31_622_400 * 25 * 3
    expect(units).toBeGreaterThan(MAX_WORK_UNITS)
    expect(problems(raw)).toEqual([
      `${FILE}: step: expected a run of at most 2,000,000,000 units of work (steps × satellites × ` +
        `(stations + 1)), got ${units.toLocaleString('en-US')} = 31,622,400 steps × 25 satellites × 3; ` +
        'use a longer step, a shorter duration, or fewer satellites or stations',
    ])
  })

  it('refuses more samples than it keeps, so the memory of a run is bounded', () => {
    const raw = timed({ duration: '366d', step: '30s', sampleEvery: '30s' })
    expect(366 * 2880 + 1).toBeGreaterThan(MAX_SAMPLES)
    expect(problems(raw)).toEqual([
      `${FILE}: sampleEvery: expected at most 200,000 metric samples (duration / sampleEvery + 1), got ` +
        '1,054,081; use a longer sampleEvery or a shorter duration',
    ])
  })

  it('accepts a year at a 30 s step with the default sampling', () => {
    const spec = load(variant((r) => (r.duration = '366d')))
    expect(spec.durationS / spec.stepS).toBe(1_054_080)
  })
})

describe('lists name their caps', () => {
  it('tasks, stations and burst tasks', () => {
    const task = minimal().tasks[0]
    const raw = variant((r) => {
      r.tasks = Array.from({ length: 5001 }, (_, i) => ({ ...task, id: `t${i}` }))
      r.groundStations = Array.from({ length: 501 }, (_, i) => ({ id: `g${i}`, latDeg: 0, lonDeg: 0 }))
      r.events = [{ at: '1h', type: 'taskBurst', tasks: [] }]
    })
    expect(problems(raw)).toEqual([
      `${FILE}: groundStations: expected a list of at most 500 ground stations, got a list of 501`,
      `${FILE}: tasks: expected a list of at most 5000 tasks, got a list of 5001`,
      `${FILE}: events[0].tasks: expected a list of 1 to 1000 tasks, got a list of 0`,
    ])
  })
})

describe('hostile files', () => {
  it('reports 20,000 unknown keys, each once, in file order', () => {
    const raw = minimal()
    for (let i = 0; i < 20_000; i++) raw[`junk${String(i).padStart(5, '0')}`] = i
    const lines = problems(raw)
    expect(lines).toHaveLength(20_000)
    expect(lines[0]).toBe(`${FILE}: junk00000: unknown key`)
    expect(lines[19_999]).toBe(`${FILE}: junk19999: unknown key`)
  })

  it('cuts a 1 MB key to a short path with an ellipsis', () => {
    const key = `x y ${'k'.repeat(1_000_000)}`
    const raw = variant((r) => (r[key] = 1))
    const lines = problems(raw)
    expect(lines).toHaveLength(1)
    expect(lines[0].length).toBeLessThanOrEqual(120)
    expect(lines[0]).toMatch(/^scenarios\/x\.json: \["x y k+…"\]: unknown key$/)
  })

  it('refuses a text over the size limit before parsing it', () => {
    const result = loadScenarioText(' '.repeat(MAX_SCENARIO_BYTES + 1), FILE)
    expect(result.ok ? [] : result.issues.map(formatIssue)).toEqual([
      `${FILE}: expected a scenario file of at most 8 MB, got 8 MB or more`,
    ])
  })

  it('refuses reserved names as ids and strategy names', () => {
    const text = JSON.stringify(
      variant((r) => {
        r.id = 'constructor'
        r.constellation.satellites[0].id = 'prototype'
        r.groundStations[0].id = '__proto__'
        r.tasks[0].id = 'constructor'
        r.constellation.tle = ['constructor', ISS_LINE_1, ISS_LINE_2]
        r.strategies = { constructor: {}, ok: {} }
      }),
    ).replace('"strategies":{', '"strategies":{"__proto__":{},')
    const result = loadScenarioText(text, FILE)
    const lines = result.ok ? [] : result.issues.map(formatIssue)
    const reserved = (path: string, noun: string, name: string) =>
      `${FILE}: ${path}: expected ${noun} other than "__proto__", "constructor" or "prototype" (reserved), got "${name}"`
    expect(lines).toEqual([
      reserved('id', 'a scenario id', 'constructor'),
      reserved('constellation.satellites[0].id', 'a satellite id', 'prototype'),
      reserved('constellation.tle[0]', 'a satellite name', 'constructor'),
      reserved('groundStations[0].id', 'a ground-station id', '__proto__'),
      reserved('tasks[0].id', 'a task id', 'constructor'),
      reserved('strategies.__proto__', 'a strategy name', '__proto__'),
      reserved('strategies.constructor', 'a strategy name', 'constructor'),
    ])
  })

  it('prints NaN as NaN, not as null', () => {
    expect(preview(Number.NaN)).toBe('NaN')
    expect(preview([Number.NaN, 1, Number.POSITIVE_INFINITY])).toBe('[NaN, 1, Infinity]')
  })
})

describe('element sets SGP4 cannot fly', () => {
  const withTle = (line2: string) => variant((r) => (r.constellation.tle = ['BAD', ISS_LINE_1, line2]))

  it('refuses an orbit inside the Earth (40 revolutions a day)', () => {
    expect(problems(withTle(edit(ISS_LINE_2, 52, '40.00000000')))).toEqual([
      `${FILE}: constellation.tle[2]: expected an orbit whose perigee is at least 150 km above the Earth, ` +
        'got a perigee 2768.0 km below the surface (the orbit passes inside the Earth)',
    ])
  })

  it('refuses a nearly parabolic orbit (e = 0.9999999)', () => {
    expect(problems(withTle(edit(ISS_LINE_2, 26, '9999999')))).toEqual([
      `${FILE}: constellation.tle[2]: expected an orbit whose perigee is at least 150 km above the Earth, ` +
        'got a perigee 6378.1 km below the surface (the orbit passes inside the Earth)',
    ])
  })

  it('refuses a perigee below 150 km with the reason', () => {
    expect(problems(withTle(edit(ISS_LINE_2, 52, '16.60000000')))).toEqual([
      `${FILE}: constellation.tle[2]: expected a perigee at least 150 km above the Earth, got 109.3 km: ` +
        'the sandbox has no atmosphere model, and a real orbit this low re-enters within hours',
    ])
  })
})

describe('an old element set', () => {
  it('loads with a warning naming its age and the 30-day rule', () => {
    // The ISS example dates from 2008-09-20; the scenario epoch is 2026-03-20.
    const spec = load(variant((r) => (r.constellation.tle = ['ISS (ZARYA)', ISS_LINE_1, ISS_LINE_2])))
    expect(spec.warnings).toEqual([
      'constellation.tle[0]: the element set of "ISS (ZARYA)" dates from 2008-09-20, 6,389 days before the ' +
        "scenario epoch; SGP4's error grows with that gap (a few km a day in low orbit), so its positions are " +
        'rough. Use elements within 30 days of the epoch.',
    ])
  })

  it('says nothing about an element set within 30 days', () => {
    const recent = edit(ISS_LINE_1, 18, '26070.00000000')
    const spec = load(variant((r) => (r.constellation.tle = ['ISS (ZARYA)', recent, ISS_LINE_2])))
    expect(spec.warnings).toBeUndefined()
  })
})
