// The export writers' edges: CSV quoting (RFC 4180), the writers' refusal of a report without the
// part they write, and a CZML document made from a run that kept no access log, from no samples,
// or with a status the palette does not name.

import { describe, expect, it } from 'vitest'
import { createSimulation } from '../../src/core/engine/simulation'
import { formatAccessCsv } from '../../src/core/export/access-csv'
import { csvCell, csvRow } from '../../src/core/export/csv'
import { buildCzml, type CzmlPacket } from '../../src/core/export/czml'
import { formatSeriesCsv } from '../../src/core/export/series-csv'
import type { StatusName, Trajectories } from '../../src/core/export/trajectory'
import { makeSpec, walker } from '../support/spec-fixture'

describe('CSV cells', () => {
  it('writes nothing for a missing value and plain text as it is', () => {
    expect(csvCell(null)).toBe('')
    expect(csvCell(undefined)).toBe('')
    expect(csvCell('P1-S1')).toBe('P1-S1')
    expect(csvCell(1.5)).toBe('1.5')
    expect(csvCell(false)).toBe('false')
    expect(csvCell(0)).toBe('0')
  })

  it('quotes a cell with a comma, a quote or a line break, doubling the quotes', () => {
    expect(csvCell('a,b')).toBe('"a,b"')
    expect(csvCell('say "hi"')).toBe('"say ""hi"""')
    expect(csvCell('two\nlines')).toBe('"two\nlines"')
    expect(csvCell('cr\rhere')).toBe('"cr\rhere"')
    expect(csvRow(['x', null, 'y,z', 3])).toBe('x,,"y,z",3')
  })
})

const spec = makeSpec({ durationS: 1200, satellites: walker(2, 1, 0, 550, 53) })

describe('writers given a report without their part', () => {
  it('refuse to write an access log the run did not keep', () => {
    const sim = createSimulation(spec, 'none', { planners: [], accessLog: false })
    sim.runUntil(600)
    expect(() => formatAccessCsv(sim.report())).toThrow(
      'internal: the run kept no access log (accessLog: false)',
    )
  })

  it('refuse to write a series the report was built without', () => {
    const sim = createSimulation(spec, 'none', { planners: [] })
    sim.runUntil(600)
    expect(() => formatSeriesCsv(sim.report())).toThrow(
      'internal: the report has no series (build it with withSeries)',
    )
  })
})

describe('CZML from an unusual run', () => {
  const sim = () => {
    const s = createSimulation(spec, 'none', { planners: [], accessLog: false })
    s.runUntil(1200)
    return s
  }

  it('has no contact packets when the run kept no access log', () => {
    const s = sim()
    const tracks: Trajectories = {
      ids: ['P1-S1', 'P1-S2'],
      tS: [0, 600],
      positionsM: [
        [1, 2, 3, 4, 5, 6],
        [7, 8, 9, 10, 11, 12],
      ],
      status: [
        ['nominal', 'nominal'],
        ['nominal', 'nominal'],
      ],
    }
    const ids = buildCzml(s.report(), spec.groundStations, tracks).map((p) => p.id)
    expect(ids.filter((id) => id.startsWith('contact/'))).toEqual([])
    expect(ids).toContain('satellite/P1-S2')
  })

  it('spans the whole run from the epoch when there are no samples', () => {
    const s = sim()
    const none: Trajectories = { ids: [], tS: [], positionsM: [], status: [] }
    const doc = buildCzml(s.report(), [], none)[0] as CzmlPacket & { clock: { interval: string } }
    const epoch = new Date(spec.epochMs).toISOString()
    const end = new Date(spec.epochMs + 1200 * 1000).toISOString()
    expect(doc.clock.interval).toBe(`${epoch}/${end}`)
  })

  it('colours a status the palette does not name grey', () => {
    const s = sim()
    const odd = 'unknown' as StatusName
    const tracks: Trajectories = {
      ids: ['P1-S1'],
      tS: [0, 600],
      positionsM: [
        [1, 2, 3],
        [4, 5, 6],
      ],
      status: [[odd], [odd]],
    }
    const sat = buildCzml(s.report(), [], tracks).find((p) => p.id === 'satellite/P1-S1') as
      | (CzmlPacket & { point: { color: { rgba: number[] }[] } })
      | undefined
    expect(sat?.point.color.map((c) => c.rgba)).toEqual([[170, 170, 170, 255]])
  })
})
