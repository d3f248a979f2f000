// Hostile element-set files never make the loader throw: damaged 3LE text and OMM CSV/JSON
// always give a LoadResult, every problem names a line inside the file (or a JSON path), and
// whatever loads has finite numbers only.

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { loadScenarioText } from '../../src/scenario'
import { generateSets, ommCsvText, ommRecord, threeLineText } from '../support/element-sets'

const RUNS = Number(process.env.FUZZ_RUNS ?? 200)
const SETS = generateSets(4)
const TLE = threeLineText(SETS)
const CSV = ommCsvText(SETS)
const JSON_TEXT = JSON.stringify(SETS.map(ommRecord))

/** The text with `edits` characters replaced, deleted or inserted at chosen places. */
const damaged = (text: string) =>
  fc
    .array(
      fc.record({
        at: fc.nat(text.length),
        what: fc.constantFrom('replace', 'delete', 'insert'),
        ch: fc.constantFrom('1', '2', ' ', '\n', '\r', ',', '"', '-', '.', 'x', '9', '{'),
      }),
      { minLength: 1, maxLength: 8 },
    )
    .map((edits) => {
      let out = text
      for (const e of edits) {
        const i = Math.min(e.at, out.length)
        out =
          e.what === 'insert'
            ? out.slice(0, i) + e.ch + out.slice(i)
            : out.slice(0, i) + (e.what === 'replace' ? e.ch : '') + out.slice(i + 1)
      }
      return out
    })

function check(text: string, file: string): void {
  const lines = text.split(/\r\n|\r|\n/).length
  const result = loadScenarioText(text, file)
  if (result.ok) {
    expect(result.scenario.satellites.length).toBeGreaterThan(0)
    // `view` (the area of interest) is null when a file names none; no other field may be.
    expect(result.scenario.view).toBeNull()
    expect(JSON.stringify({ ...result.scenario, view: undefined })).not.toMatch(/null|NaN/)
    return
  }
  expect(result.issues.length).toBeGreaterThan(0)
  for (const issue of result.issues) {
    expect(issue.file).toBe(file)
    expect(issue.message).not.toContain('\n')
    if (issue.line !== undefined) {
      expect(issue.line).toBeGreaterThanOrEqual(1)
      expect(issue.line).toBeLessThanOrEqual(lines + 1)
    }
  }
}

describe('damaged element-set files', () => {
  it('3LE text', () =>
    fc.assert(
      fc.property(damaged(TLE), (t) => check(t, 'fleet.tle')),
      { numRuns: RUNS },
    ))
  it('OMM CSV', () =>
    fc.assert(
      fc.property(damaged(CSV), (t) => check(t, 'gp.csv')),
      { numRuns: RUNS },
    ))
  it('OMM JSON', () =>
    fc.assert(
      fc.property(damaged(JSON_TEXT), (t) => check(t, 'gp.json')),
      { numRuns: RUNS },
    ))
})
