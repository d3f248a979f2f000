// `npm run mutate` runs Stryker shard by shard (stryker/shards.mjs) and merges the shards' reports
// (stryker/merge.mjs). A file left out of every shard would never be mutated and nobody would
// notice; two shards' mutants with the same id would be one mutant in the merged report.

import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'

type Shards = Record<string, string[]>
interface ShardsModule {
  SHARDS: Shards
  checkShards(shards?: Shards): { missing: string[]; doubled: string[]; stray: string[] }
}
interface Mutant {
  id: string
  status: string
  coveredBy?: string[]
  killedBy?: string[]
}
interface Report {
  files: Record<string, { mutants: Mutant[] }>
  testFiles?: Record<string, { tests: { id: string; name: string }[] }>
}
interface MergeModule {
  mergeReports(shards: Record<string, Report>): Report
  writeMergedReport(reports: Record<string, Report>, json: string, html: string): void
}

const ROOT = join(import.meta.dirname, '..', '..')
// Plain .mjs modules (they run in Node without a build): imported by URL, typed here.
const load = async <T>(file: string) => (await import(pathToFileURL(join(ROOT, file)).href)) as T

describe('the mutation shards', () => {
  it('hold every file of src/core and src/planners but the index files, each once', async () => {
    const { checkShards } = await load<ShardsModule>('stryker/shards.mjs')
    expect(checkShards()).toEqual({ missing: [], doubled: [], stray: [] })
  })

  it('name a file left out, a file in two shards, and a file that is not mutated', async () => {
    const { checkShards, SHARDS } = await load<ShardsModule>('stryker/shards.mjs')
    const broken = {
      ...SHARDS,
      'core-export': [],
      extra: ['src/core/engine/health.ts', 'src/ui/App.tsx', 'src/core/index.ts'],
    }
    const { missing, doubled, stray } = checkShards(broken)
    expect(missing).toContain('src/core/export/czml.ts')
    expect(missing.every((f) => f.startsWith('src/core/export/'))).toBe(true)
    expect(doubled).toEqual(['src/core/engine/health.ts (engine-health and extra)'])
    // App.tsx is not a .ts file of the mutated folders; index files are never mutated.
    expect(stray).toEqual([])
    const withUi = checkShards({ ...SHARDS, extra: ['src/ui/**/*.ts'] })
    expect(withUi.stray.length).toBeGreaterThan(0)
    expect(withUi.stray.every((f) => f.startsWith('src/ui/'))).toBe(true)
  })

  it('are listed by the npm script the README names (`npm run mutate -- --list`)', async () => {
    const { SHARDS } = await load<ShardsModule>('stryker/shards.mjs')
    // The script exactly as package.json has it, with --list appended as npm does after `--`.
    const script: string = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts.mutate
    const [command, ...args] = script.split(' ')
    expect(command).toBe('node')
    const out = execFileSync(process.execPath, [...args, '--list'], { cwd: ROOT, encoding: 'utf8' })
    const listed = out
      .trim()
      .split('\n')
      .map((line) => line.split(' ')[0])
    expect(listed).toEqual(Object.keys(SHARDS))
  })
})

describe('the merged mutation report', () => {
  const report = (file: string, ids: string[]): Report => ({
    files: {
      [file]: {
        mutants: ids.map((id) => ({ id, status: 'Killed', coveredBy: ['0', '1'], killedBy: ['1'] })),
      },
    },
    testFiles: {
      'tests/a.test.ts': {
        tests: [
          { id: '0', name: 'a' },
          { id: '1', name: 'b' },
        ],
      },
    },
  })

  it('keeps every file and makes mutant and test ids unique by their shard', async () => {
    const { mergeReports } = await load<MergeModule>('stryker/merge.mjs')
    const merged = mergeReports({ one: report('src/x.ts', ['0', '1']), two: report('src/y.ts', ['0']) })
    expect(Object.keys(merged.files).sort()).toEqual(['src/x.ts', 'src/y.ts'])
    expect(merged.files['src/x.ts'].mutants.map((m) => m.id)).toEqual(['one:0', 'one:1'])
    expect(merged.files['src/y.ts'].mutants[0]).toMatchObject({
      id: 'two:0',
      coveredBy: ['two:0', 'two:1'],
      killedBy: ['two:1'],
    })
    expect(merged.testFiles?.['tests/a.test.ts'].tests.map((t) => t.id)).toEqual([
      'one:0',
      'one:1',
      'two:0',
      'two:1',
    ])
  })

  it('refuses a file that two shards measured, and nothing to merge', async () => {
    const { mergeReports } = await load<MergeModule>('stryker/merge.mjs')
    expect(() => mergeReports({ one: report('src/x.ts', ['0']), two: report('src/x.ts', ['0']) })).toThrow(
      'src/x.ts is in two shards',
    )
    expect(() => mergeReports({})).toThrow('no shard report to merge')
  })

  it('writes the merged JSON report and the HTML report that shows it', async () => {
    const { writeMergedReport } = await load<MergeModule>('stryker/merge.mjs')
    const dir = mkdtempSync(join(tmpdir(), 'shards-'))
    writeMergedReport({ one: report('src/x.ts', ['0', '1']) }, join(dir, 'm.json'), join(dir, 'm.html'))
    const json: Report = JSON.parse(readFileSync(join(dir, 'm.json'), 'utf8'))
    expect(json.files['src/x.ts'].mutants.map((m) => m.id)).toEqual(['one:0', 'one:1'])
    const html = readFileSync(join(dir, 'm.html'), 'utf8')
    expect(html).toContain('<mutation-test-report-app')
    expect(html).toContain('"one:1"')
  })
})
