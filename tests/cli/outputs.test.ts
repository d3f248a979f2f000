// The CLI's open outputs: access CSV, time series CSV and JSON, CZML, and sharded sweeps that
// merge byte for byte into what one unsharded compare prints.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { MAX_SEEDS, parseSeeds } from '../../src/cli/seeds'
import { sim } from '../support/cli'

const MINI = join(import.meta.dirname, 'fixtures/mini.json')
const OPEN_DATA = join(import.meta.dirname, '..', '..', 'scenarios', 'open-data.json')

const dir = mkdtempSync(join(tmpdir(), 'sim-out-'))
const path = (name: string) => join(dir, name)

describe('sim run outputs', () => {
  it('--access-csv writes one row per window and interval of the report', async () => {
    const r = await sim('run', OPEN_DATA, '--until', '3h', '--json', '--access-csv', path('access.csv'))
    expect(r.code).toBe(0)
    const report = JSON.parse(r.out)
    const rows = readFileSync(path('access.csv'), 'utf8').trimEnd().split('\n')
    expect(rows[0].startsWith('kind,satellite,station,start_s,end_s')).toBe(true)
    expect(rows.filter((x) => x.startsWith('contact,'))).toHaveLength(report.access.contacts.length)
    expect(rows.filter((x) => x.startsWith('eclipse,'))).toHaveLength(report.access.eclipses.length)
    expect(report.access.contacts).toHaveLength(report.counts.contacts)
    expect(report.series).toBeUndefined()
  })

  it('--series writes the CSV; --json --with-series carries the same series', async () => {
    const r = await sim(
      'run',
      OPEN_DATA,
      '--until',
      '1h',
      '--json',
      '--with-series',
      '--series',
      path('series.csv'),
    )
    expect(r.code).toBe(0)
    const series = JSON.parse(r.out).series
    expect(series.tS).toEqual([0, 300, 600, 900, 1200, 1500, 1800, 2100, 2400, 2700, 3000, 3300, 3600])
    expect(series.satellites).toHaveLength(14)
    const rows = readFileSync(path('series.csv'), 'utf8').trimEnd().split('\n')
    expect(rows).toHaveLength(14)
    const header = rows[0].split(',')
    const col = header.indexOf('HIGHLAT-3 soc [0-1]')
    expect(col).toBeGreaterThan(1)
    expect(rows.slice(1).map((row) => Number(row.split(',')[col]))).toEqual(
      series.satellites.find((s: { id: string }) => s.id === 'HIGHLAT-3').soc,
    )
  })

  it('--with-series without --json is a usage mistake', async () => {
    const r = await sim('run', MINI, '--with-series')
    expect(r.code).toBe(2)
    expect(r.err).toContain('--with-series goes with --json')
  })
})

describe('sim export --czml', () => {
  it('writes a CZML document: a document packet, then satellites, stations and links', async () => {
    const r = await sim(
      'export',
      OPEN_DATA,
      '--czml',
      path('run.czml'),
      '--until',
      '2h',
      '--strategy',
      'optimal',
      '--seed',
      '3',
    )
    expect(r.code).toBe(0)
    const czml = JSON.parse(readFileSync(path('run.czml'), 'utf8'))
    expect(czml[0]).toMatchObject({ id: 'document', version: '1.0' })
    expect(czml[0].name).toContain('optimal, seed 3')
    expect(czml.filter((p: { id: string }) => p.id.startsWith('satellite/'))).toHaveLength(14)
    expect(czml.filter((p: { id: string }) => p.id.startsWith('station/'))).toHaveLength(4)
    expect(czml.some((p: { id: string }) => p.id.startsWith('contact/'))).toBe(true)
  })

  it('needs --czml', async () => {
    const r = await sim('export', OPEN_DATA)
    expect(r.code).toBe(2)
    expect(r.err).toContain('export needs --czml FILE')
  })
})

describe('sharded compare', () => {
  const args = [MINI, '--seeds', '1..5']

  it.each([
    ['JSON', ['--json']],
    ['CSV', ['--csv']],
    ['table', []],
  ])('merges shards into the unsharded output byte for byte (%s)', async (_name, format) => {
    const whole = await sim('compare', ...args, '--workers', '2', ...format)
    expect(whole.code).toBe(0)
    const parts: string[] = []
    for (const k of [3, 1, 2]) {
      const out = path(`part-${k}-${format.join('')}.json`)
      const r = await sim('compare', ...args, '--workers', '0', '--shard', `${k}/3`, '--out', out)
      expect(r.code).toBe(0)
      parts.push(out)
    }
    const merged = await sim('merge', ...parts, ...format)
    expect(merged.code).toBe(0)
    expect(merged.out).toBe(whole.out)
  })

  it('allows the per-machine seed limit per shard, and names the limit', async () => {
    expect(parseSeeds('1..1500', MAX_SEEDS * 2)).toHaveLength(1500)
    const one = await sim('compare', MINI, '--seeds', `1..${MAX_SEEDS + 1}`)
    expect(one.err).toContain(`--seeds: at most ${MAX_SEEDS} seeds`)
    const sharded = await sim('compare', MINI, '--seeds', `1..${2 * MAX_SEEDS + 1}`, '--shard', '1/2')
    expect(sharded.code).toBe(2)
    expect(sharded.err).toContain(
      `--seeds: at most ${2 * MAX_SEEDS} seeds (a range or a list; ${MAX_SEEDS} per shard of --shard K/N)`,
    )
  })

  it('a shard holds only its slice of the jobs', async () => {
    const r = await sim('compare', ...args, '--workers', '0', '--shard', '2/4')
    const partial = JSON.parse(r.out)
    // 2 strategies × 5 seeds = 10 jobs; shard 2 of 4 gets jobs 1, 5 and 9.
    expect(partial.jobs).toBe(10)
    expect(partial.results.map((x: { index: number }) => x.index)).toEqual([1, 5, 9])
  })

  it('refuses an incomplete set, a repeated shard, another sweep and a bad K/N', async () => {
    const a = path('a.json')
    const b = path('b.json')
    const other = path('other.json')
    await sim('compare', ...args, '--workers', '0', '--shard', '1/2', '--out', a)
    await sim('compare', ...args, '--workers', '0', '--shard', '2/2', '--out', b)
    await sim('compare', MINI, '--seeds', '1..6', '--workers', '0', '--shard', '2/2', '--out', other)
    expect((await sim('merge', a)).err).toContain('expected all 2 shards, missing 2')
    expect((await sim('merge', a, a)).err).toContain('shard 1/2 is also in')
    expect((await sim('merge', a, other)).err).toContain('expected a shard of the same sweep')
    const bad = await sim('compare', ...args, '--shard', '3/2')
    expect(bad.code).toBe(2)
    expect(bad.err).toContain('--shard: expected K/N with 1 ≤ K ≤ N')
    writeFileSync(path('junk.json'), '{"format": "something else"}')
    expect((await sim('merge', path('junk.json'), b)).code).toBe(2)
  })
})
