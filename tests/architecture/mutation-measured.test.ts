// Mutation results kept in the repository (stryker/measured.mjs): a kept report must come back
// exactly as it went in, a stopped run must seed the next one, and a report whose code or
// covering tests changed since it was measured must not be counted as a score.

import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'

interface Report {
  files: Record<
    string,
    { source: string; mutants: { id: string; status: string; coveredBy?: string[]; static?: boolean }[] }
  >
  testFiles?: Record<string, { source?: string; tests: { id: string; name: string }[] }>
}
interface MeasuredModule {
  keptOf(name: string, dir?: string): string
  partialOf(name: string, dir?: string): string
  keep(name: string, incrementalFile: string, complete: boolean, dir?: string): string | null
  restore(name: string, incrementalFile: string, dir?: string): string | null
  readKept(name: string, dir?: string): Report | null
  retestStatic(incrementalFile: string): number
  staleness(report: Report, read: (path: string) => string | null): string[]
}

const ROOT = join(import.meta.dirname, '..', '..')
const measured = async () =>
  (await import(pathToFileURL(join(ROOT, 'stryker/measured.mjs')).href)) as MeasuredModule

// A report as Stryker writes it: mutant 0 is covered by test 0 (in a.test.ts), mutant 1 by
// nothing; b.test.ts holds a test that covers no mutant of this shard.
const report = (): Report => ({
  files: {
    'src/x.ts': {
      source: 'export const x = 1\n',
      mutants: [
        { id: '0', status: 'Killed', coveredBy: ['0'] },
        { id: '1', status: 'NoCoverage' },
      ],
    },
  },
  testFiles: {
    'tests/a.test.ts': { source: 'test a\n', tests: [{ id: '0', name: 'a' }] },
    'tests/b.test.ts': { source: 'test b\n', tests: [{ id: '1', name: 'b' }] },
  },
})
const today = (changes: Record<string, string | null> = {}) => {
  const files: Record<string, string | null> = {
    'src/x.ts': 'export const x = 1\n',
    'tests/a.test.ts': 'test a\n',
    'tests/b.test.ts': 'test b\n',
    ...changes,
  }
  return (path: string) => files[path] ?? null
}
const scratch = () => {
  const dir = mkdtempSync(join(tmpdir(), 'measured-'))
  return { dir, incremental: join(dir, 'local', 'x.incremental.json') }
}

describe('kept mutation reports', () => {
  it('come back from a complete run exactly as Stryker wrote them, and seed the next run', async () => {
    const { keep, readKept, restore, keptOf } = await measured()
    const { dir, incremental } = scratch()
    expect(keep('x', incremental, true, dir)).toBeNull() // nothing to keep yet
    const incrementalFile = join(dir, 'x.incremental.json')
    writeFileSync(incrementalFile, JSON.stringify(report(), null, 2))
    expect(keep('x', incrementalFile, true, dir)).toBe(keptOf('x', dir))
    expect(readKept('x', dir)).toEqual(report())
    // A fresh checkout has no incremental file: the kept report becomes it.
    expect(restore('x', incremental, dir)).toBe(keptOf('x', dir))
    expect(JSON.parse(readFileSync(incremental, 'utf8'))).toEqual(report())
    // An incremental file already there is the newer one: it is left alone.
    writeFileSync(incremental, '{"files":{}}')
    expect(restore('x', incremental, dir)).toBeNull()
    expect(readFileSync(incremental, 'utf8')).toBe('{"files":{}}')
  })

  it('keep a stopped run as a seed that is never a score, until a complete run supersedes it', async () => {
    const { keep, readKept, restore, keptOf, partialOf } = await measured()
    const { dir, incremental } = scratch()
    const complete = join(dir, 'complete.json')
    writeFileSync(complete, JSON.stringify(report()))
    keep('x', complete, true, dir)
    const stopped = { ...report(), files: { 'src/x.ts': { ...report().files['src/x.ts'], mutants: [] } } }
    const partial = join(dir, 'partial.json')
    writeFileSync(partial, JSON.stringify(stopped))
    expect(keep('x', partial, false, dir)).toBe(partialOf('x', dir))
    // The score still comes from the complete run; the next run resumes from the stopped one.
    expect(readKept('x', dir)).toEqual(report())
    expect(restore('x', incremental, dir)).toBe(partialOf('x', dir))
    expect(JSON.parse(readFileSync(incremental, 'utf8'))).toEqual(stopped)
    keep('x', complete, true, dir)
    expect(existsSync(partialOf('x', dir))).toBe(false)
    expect(existsSync(keptOf('x', dir))).toBe(true)
    expect(readKept('y', dir)).toBeNull()
  })

  it('name a kept file that is not a gzipped report and say how to remake it', async () => {
    const { readKept, keptOf } = await measured()
    const { dir } = scratch()
    writeFileSync(keptOf('x', dir), '{"files": {}}')
    expect(() => readKept('x', dir)).toThrow(`${keptOf('x', dir)} is not a gzipped mutation report (`)
    expect(() => readKept('x', dir)).toThrow('run the shard again: npm run mutate -- --shard x')
  })
})

describe('a kept report is current', () => {
  it('while its mutated files and covering tests are as they were measured', async () => {
    const { staleness } = await measured()
    expect(staleness(report(), today())).toEqual([])
    // A test that covers none of its mutants may change, and new test files may appear: they
    // can only kill more, so the kept score stays a lower bound.
    expect(staleness(report(), today({ 'tests/b.test.ts': 'test b, longer\n' }))).toEqual([])
  })

  it('not once a mutated file or a covering test file changed or is gone', async () => {
    const { staleness } = await measured()
    expect(staleness(report(), today({ 'src/x.ts': 'export const x = 2\n' }))).toEqual(['src/x.ts: changed'])
    expect(staleness(report(), today({ 'src/x.ts': null }))).toEqual(['src/x.ts: gone'])
    expect(staleness(report(), today({ 'tests/a.test.ts': 'test a, weaker\n' }))).toEqual([
      'tests/a.test.ts: changed',
    ])
    expect(staleness(report(), today({ 'tests/a.test.ts': null, 'src/x.ts': '' }))).toEqual([
      'src/x.ts: changed',
      'tests/a.test.ts: gone',
    ])
  })

  it('reads paths an older Stryker wrote absolute as paths in the project', async () => {
    const { staleness } = await measured()
    const old = report()
    old.files = { '/home/ci/project/src/x.ts': old.files['src/x.ts'] }
    expect(staleness(old, today())).toEqual([])
    expect(staleness(old, today({ 'src/x.ts': 'changed\n' }))).toEqual(['src/x.ts: changed'])
  })
})

describe('static mutants in an incremental file', () => {
  it('are tested again when no test detected them; every other result is reused', async () => {
    const { retestStatic } = await measured()
    const { dir, incremental } = scratch()
    const r = report()
    r.files['src/x.ts'].mutants.push(
      { id: '2', status: 'Survived', static: true },
      { id: '3', status: 'NoCoverage', static: true },
      { id: '4', status: 'Killed', static: true },
      { id: '5', status: 'Survived', coveredBy: ['0'] },
    )
    const file = join(dir, 'x.incremental.json')
    writeFileSync(file, JSON.stringify(r))
    expect(retestStatic(file)).toBe(2)
    const after = JSON.parse(readFileSync(file, 'utf8')) as Report
    expect(after.files['src/x.ts'].mutants.map((m) => m.id)).toEqual(['0', '1', '4', '5'])
    expect(after.testFiles).toEqual(r.testFiles)
    // Nothing to drop: the file is left as it was; no file: nothing happens.
    expect(retestStatic(file)).toBe(0)
    expect(retestStatic(incremental)).toBe(0)
    expect(existsSync(incremental)).toBe(false)
  })

  it('name a cut-short incremental file and say how to recover, leaving it as it was', async () => {
    const { retestStatic } = await measured()
    const file = join(scratch().dir, 'x.incremental.json')
    writeFileSync(file, '{"files": ')
    expect(() => retestStatic(file)).toThrow(`${file} is not a mutation report`)
    expect(() => retestStatic(file)).toThrow(/delete it and run again/)
    expect(readFileSync(file, 'utf8')).toBe('{"files": ')
  })
})
