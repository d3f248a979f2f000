// exportRun, what the app's Export menu downloads: for each format, the file name, the type and
// the text of the same run made here step by step with the engine and the format's writer (the
// CLI equivalence is tests/cli/run-export.test.ts; this file tests the wiring where core is
// mutation-tested). Also recordTrajectoriesAsync, the CLI's recorder for isolated planners: the
// same samples as the synchronous one.

import { describe, expect, it } from 'vitest'
import { createSimulation } from '../../src/core/engine/simulation'
import { formatAccessCsv } from '../../src/core/export/access-csv'
import { buildCzml } from '../../src/core/export/czml'
import { exportRun } from '../../src/core/export/run-export'
import { formatSeriesCsv } from '../../src/core/export/series-csv'
import { recordTrajectories, recordTrajectoriesAsync } from '../../src/core/export/trajectory'
import { makeSpec, walker } from '../support/spec-fixture'

// 40 minutes of four satellites: long enough for contacts and eight metric samples (every 300 s).
const spec = makeSpec({ durationS: 2400, satellites: walker(4, 2, 1, 550, 53) })
const SEED = 3

/** The reference run: the engine to the scenario's end, as a user of core would drive it. */
function finished(satelliteSeries = false) {
  const sim = createSimulation(spec, 'none', { planners: [], seed: SEED, satelliteSeries })
  sim.runUntil(spec.durationS)
  return sim
}

const exported = (format: Parameters<typeof exportRun>[4]) => exportRun(spec, 'none', [], SEED, format)

describe('exportRun', () => {
  it('report: the run to its end as indented JSON, named after scenario, strategy and seed', () => {
    const e = exported('report')
    expect(e.fileName).toBe('fixture-none-seed3.json')
    expect(e.mime).toBe('application/json')
    expect(e.text).toBe(`${JSON.stringify(finished().report(), null, 2)}\n`)
    const report = JSON.parse(e.text)
    expect(report.elapsedS).toBe(2400)
    expect(report.seed).toBe(SEED)
  })

  it('access CSV: every contact window of the finished run', () => {
    const e = exported('access-csv')
    expect(e.fileName).toBe('fixture-none-seed3-access.csv')
    expect(e.mime).toBe('text/csv')
    expect(e.text).toBe(formatAccessCsv(finished().report()))
    // A header and at least one contact (four satellites, three stations, 40 minutes).
    expect(e.text.trim().split('\n').length).toBeGreaterThan(1)
  })

  it("series CSV: the metric samples with each satellite's own columns", () => {
    const e = exported('series-csv')
    expect(e.fileName).toBe('fixture-none-seed3-series.csv')
    expect(e.mime).toBe('text/csv')
    expect(e.text).toBe(formatSeriesCsv(finished(true).report({ withSeries: true })))
    const header = e.text.split('\n')[0]
    for (const s of spec.satellites) expect(header).toContain(`${s.id} soc [0-1]`)
    // Samples at 0, 300, …, 2400 s: nine rows under the header.
    expect(e.text.trim().split('\n')).toHaveLength(10)
  })

  it('CZML: the trajectories of the whole run with its report and stations', () => {
    const e = exported('czml')
    expect(e.fileName).toBe('fixture-none-seed3.czml')
    expect(e.mime).toBe('application/json')
    const sim = createSimulation(spec, 'none', { planners: [], seed: SEED })
    const tracks = recordTrajectories(sim)
    expect(tracks.tS.at(-1)).toBe(2400)
    expect(e.text).toBe(`${JSON.stringify(buildCzml(sim.report(), spec.groundStations, tracks))}\n`)
  })
})

describe('recordTrajectoriesAsync', () => {
  it('records the same samples as recordTrajectories, to the end or to a given time', async () => {
    const run = () => createSimulation(spec, 'none', { planners: [], seed: SEED })
    const whole = recordTrajectories(run())
    expect(await recordTrajectoriesAsync(run())).toEqual(whole)
    // To 1000 s: the samples at 0, 300, 600 and 900 s (the run stops at 1020 s, its first step past 1000).
    const part = await recordTrajectoriesAsync(run(), 1000)
    expect(part.tS).toEqual([0, 300, 600, 900])
    expect(part.positionsM).toEqual(whole.positionsM.slice(0, 4))
    expect(part.status).toEqual(whole.status.slice(0, 4))
  })
})
