// CI's last line, "N passed, N failed" (.ci/summary.mjs), from Vitest's JSON report: it must say
// "failed" whenever the run failed, also when a file failed with all its tests passed (a hook
// threw, as the shared-registry guard's afterAll does).

import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const SUMMARY = join(import.meta.dirname, '..', '..', '.ci', 'summary.mjs')
const dir = mkdtempSync(join(tmpdir(), 'ci-summary-'))

function lastLine(report: object | null, status: string): string {
  const file = join(dir, `${Math.random().toString(36).slice(2)}.json`)
  if (report) writeFileSync(file, JSON.stringify(report))
  return execFileSync(process.execPath, [SUMMARY, file, status], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .at(-1)!
}

const file = (status: string, tests: string[]) => ({
  status,
  assertionResults: tests.map((s) => ({ status: s })),
})
const report = (files: ReturnType<typeof file>[]) => {
  const all = files.flatMap((f) => f.assertionResults)
  return {
    numPassedTests: all.filter((a) => a.status === 'passed').length,
    numFailedTests: all.filter((a) => a.status === 'failed').length,
    numPendingTests: all.filter((a) => a.status === 'pending').length,
    numTodoTests: 0,
    testResults: files,
  }
}

describe("CI's summary line", () => {
  it('counts passed and failed tests', () => {
    expect(
      lastLine(report([file('passed', ['passed', 'passed']), file('failed', ['passed', 'failed'])]), '1'),
    ).toBe('3 passed, 1 failed')
  })

  it('counts a file that failed with every test passed as one failure', () => {
    expect(lastLine(report([file('failed', ['passed']), file('passed', ['passed'])]), '1')).toBe(
      '2 passed, 1 failed',
    )
  })

  it('names skipped tests', () => {
    expect(lastLine(report([file('passed', ['passed', 'pending'])]), '0')).toBe(
      '1 passed, 0 failed, 1 skipped',
    )
  })

  it('with no report: one failure if the run failed, none if it passed', () => {
    expect(lastLine(null, '1')).toBe('0 passed, 1 failed')
    expect(lastLine(null, '0')).toBe('0 passed, 0 failed')
  })
})
