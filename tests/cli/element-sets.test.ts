// The CLI on element-set files: validate/run/compare take them directly, import writes them out
// as a scenario (or into one), bad records exit 2 naming the record.

import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { sim, tempFile } from '../support/cli'
import { generateSets, ommCsvText, threeLineText } from '../support/element-sets'

const MINI = join(import.meta.dirname, 'fixtures/mini.json')

describe('element-set files on the command line', () => {
  const tle = tempFile('fleet.tle', threeLineText(generateSets(4), '\r\n'))

  it('validate says ok and prints the notice on stderr', async () => {
    const r = await sim('validate', tle)
    expect(r).toMatchObject({ code: 0, out: `${tle}: ok\n` })
    expect(r.err).toContain(`${tle}: read 4 two-line element sets as a scenario with the default bus`)
  })

  it('run flies them', async () => {
    const r = await sim('run', tle, '--until', '1h', '--json')
    expect(r.code).toBe(0)
    const report = JSON.parse(r.out)
    expect(report.satellites.map((s: { id: string }) => s.id)).toEqual([
      'GEN-00001',
      'GEN-00002',
      'GEN-00003',
      'GEN-00004',
    ])
    expect(report.elapsedS).toBe(3600)
  })

  it('compare runs them on worker threads too', async () => {
    const r = await sim('compare', tle, '--seeds', '1,2', '--workers', '2', '--json')
    expect(r.code).toBe(0)
    const comparison = JSON.parse(r.out)
    expect(comparison.scenario).toBe('fleet')
    expect(comparison.strategies.map((s: { name: string }) => s.name)).toEqual(['fly'])
    expect(comparison.seeds).toEqual([1, 2])
  })

  it('a bad record exits 2 with its record number', async () => {
    const lines = threeLineText(generateSets(4)).split('\n')
    lines[10] = lines[10].replace('U', 'U ').slice(0, 69) // record 4, line 1: shifted columns
    const bad = tempFile('bad.3le', lines.join('\n'))
    for (const verb of ['validate', 'run', 'compare']) {
      const r = await sim(verb, bad)
      expect(r.code).toBe(2)
      expect(r.err).toMatch(new RegExp(`^${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: line 11: record 4: `))
    }
  })

  it('import writes a scenario that validates, with the element sets in it', async () => {
    const csv = tempFile('gp.csv', ommCsvText(generateSets(3)))
    const out = join(mkdtempSync(join(tmpdir(), 'sim-sets-')), 'new.json')
    const r = await sim('import', csv, '--out', out)
    expect(r.code).toBe(0)
    const written = JSON.parse(readFileSync(out, 'utf8'))
    expect(written.constellation.omm.map((o: { OBJECT_NAME: string }) => o.OBJECT_NAME)).toEqual([
      'GEN-00001',
      'GEN-00002',
      'GEN-00003',
    ])
    expect(written.groundStations).toBeUndefined()
    expect((await sim('validate', out)).code).toBe(0)
  })

  it('import --into adds the satellites to an existing scenario and keeps the rest', async () => {
    const r = await sim('import', tle, '--into', MINI)
    expect(r.code).toBe(0)
    const merged = JSON.parse(r.out)
    const mini = JSON.parse(readFileSync(MINI, 'utf8'))
    expect(merged.groundStations).toEqual(mini.groundStations)
    expect(merged.constellation.walker).toEqual(mini.constellation.walker)
    expect(merged.constellation.tle).toHaveLength(12)
  })

  it('import refuses a scenario file', async () => {
    const r = await sim('import', MINI)
    expect(r.code).toBe(2)
    expect(r.err).toContain('is not an element-set file')
  })
})

describe('scale', () => {
  it('a 10,000-record file loads, validates and runs', { timeout: 120_000 }, async () => {
    const big = tempFile('big.tle', threeLineText(generateSets(10_000)))
    expect((await sim('validate', big)).code).toBe(0)
    const r = await sim('run', big, '--until', '2m', '--json')
    expect(r.code).toBe(0)
    const report = JSON.parse(r.out)
    expect(report.counts.satellites).toBe(10_000)
    expect(report.satellites.every((s: { altKm: number }) => s.altKm > 400 && s.altKm < 700)).toBe(true)
  })

  it('one record over the limit is refused, naming the limit', { timeout: 120_000 }, async () => {
    const over = tempFile('over.tle', threeLineText(generateSets(10_001)))
    const r = await sim('validate', over)
    expect(r.code).toBe(2)
    expect(r.err).toContain(
      'expected at most 10000 element sets (the limit on satellites per scenario), got 10001',
    )
  })
})
