import { describe, expect, it } from 'vitest'
import { checksum, readTle } from '../../src/scenario/tle'
import { FILE, ISS_LINE_1, ISS_LINE_2, problems, variant } from './helpers'

/** Replaces the character at 0-based `index` and fixes the checksum, so only the edit is wrong. */
function edit(line: string, index: number, text: string): string {
  const body = `${line.slice(0, index)}${text}${line.slice(index + text.length)}`.slice(0, 68)
  return `${body}${checksum(body)}`
}

describe('TLE checksums', () => {
  it('match the published ISS example', () => {
    expect(checksum(ISS_LINE_1)).toBe(7)
    expect(checksum(ISS_LINE_2)).toBe(7)
  })

  it('count a minus sign as one', () => {
    expect(checksum('1 -')).toBe(2)
  })
})

describe('reading TLE records', () => {
  it('reads 3-line and 2-line records in order', () => {
    const second = edit(ISS_LINE_1, 2, '00005')
    const second2 = edit(ISS_LINE_2, 2, '00005')
    const reading = readTle(['ISS (ZARYA)', ISS_LINE_1, ISS_LINE_2, second, second2])
    expect(reading.problems).toEqual([])
    expect(reading.records.map((r) => [r.id, r.index])).toEqual([
      ['ISS (ZARYA)', 0],
      ['NORAD-5', 3],
    ])
  })

  it('ignores trailing spaces that editors leave', () => {
    expect(readTle([`${ISS_LINE_1}   `, ISS_LINE_2]).problems).toEqual([])
  })
})

describe('TLE problems in a scenario', () => {
  const withTle = (lines: unknown[]) =>
    variant((r) => {
      r.constellation.tle = lines
    })

  it('reports a wrong checksum', () => {
    const bad = `${ISS_LINE_1.slice(0, 68)}8`
    expect(problems(withTle(['ISS (ZARYA)', bad, ISS_LINE_2]))).toEqual([
      `${FILE}: constellation.tle[1]: expected checksum digit 7 at the end of TLE line 1, got "8"`,
    ])
  })

  it('reports a truncated line', () => {
    expect(problems(withTle([ISS_LINE_1, ISS_LINE_2.slice(0, 60)]))).toEqual([
      `${FILE}: constellation.tle[1]: ` +
        `expected TLE line 2 of 69 characters, got "${ISS_LINE_2.slice(0, 60)}" (60)`,
    ])
  })

  it('reports lines from different satellites', () => {
    expect(problems(withTle([ISS_LINE_1, edit(ISS_LINE_2, 2, '25545')]))).toEqual([
      `${FILE}: constellation.tle[1]: expected catalog number 25544 (as in line 1), got "25545"`,
    ])
  })

  it('reports a field that is not a number', () => {
    expect(problems(withTle([ISS_LINE_1, edit(ISS_LINE_2, 52, '15.7212xx91')]))).toEqual([
      `${FILE}: constellation.tle[1]: ` +
        `expected a number in columns 53–63 of TLE line 2 (mean motion, revolutions per day)` +
        `, got "15.7212xx91"`,
    ])
  })

  it('reports a missing line once and reads on from the next record', () => {
    const lines = ['ISS (ZARYA)', ISS_LINE_2, 'ISS AGAIN', ISS_LINE_1, 'NOT A LINE 2']
    expect(problems(withTle(lines))).toEqual([
      `${FILE}: constellation.tle[1]: ` +
        `expected TLE line 1 of "ISS (ZARYA)" (starting "1 "), got "${ISS_LINE_2.slice(0, 58)}…"`,
      `${FILE}: constellation.tle[4]: expected TLE line 2 (starting "2 ") after line 1, got "NOT A LINE 2"`,
    ])
    expect(problems(withTle(['ISS (ZARYA)', ISS_LINE_1]))).toEqual([
      `${FILE}: constellation.tle[2]: expected TLE line 2 (starting "2 ") after line 1, got nothing`,
    ])
  })

  it('skips a garbled line 1 together with its line 2', () => {
    const garbled = `X${ISS_LINE_1.slice(1)}`
    const lines = ['FIRST', garbled, ISS_LINE_2, 'SECOND', ISS_LINE_1, ISS_LINE_2]
    expect(problems(withTle(lines))).toEqual([
      `${FILE}: constellation.tle[1]: ` +
        `expected TLE line 1 of "FIRST" (starting "1 "), got "${garbled.slice(0, 58)}…"`,
    ])
  })

  it('reports a line that is not a string', () => {
    expect(problems(withTle([ISS_LINE_1, 42]))).toEqual([
      `${FILE}: constellation.tle[1]: expected a TLE line (a string), got 42`,
    ])
  })
})
