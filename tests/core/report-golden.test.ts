// Speed-ups of the engine must not move a single byte of what it reports. Every built-in
// scenario, under every strategy it defines, runs to its end and its full output (report with
// series, access CSV, series CSV) is compared by digest with the one recorded before the
// engine's hot loops were reworked (tests/core/report-digests.json; scripts/report-digests.ts
// prints it). A change that is meant to change results records new digests in the same commit.

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { builtInRuns, runDigest } from '../support/report-digests'

const recorded = JSON.parse(readFileSync(join(import.meta.dirname, 'report-digests.json'), 'utf8')) as Record<
  string,
  string
>
const runs = builtInRuns()

describe('built-in scenario reports', () => {
  it('cover every built-in run, and only those', () => {
    expect(runs.length).toBeGreaterThan(20)
    expect(Object.keys(recorded).sort()).toEqual([...runs].sort())
  })

  it.each(runs)(
    '%s: the same bytes as recorded',
    (run) => {
      expect(runDigest(run)).toBe(recorded[run])
    },
    300_000,
  )
})
