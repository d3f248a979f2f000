// A beforeAll that runs scenarios must say how long it may take: vitest's default hook timeout
// (10 s) fails such suites on a machine whose cores are busy ("Hook timed out in 10000ms", the
// suite's tests skipped). Browser tests get theirs from the e2e project's hookTimeout.

import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

const TESTS = join(import.meta.dirname, '..')

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return entry.name === 'e2e' ? [] : testFiles(path)
    return entry.name.endsWith('.test.ts') ? [path] : []
  })
}

/** The argument text of each `beforeAll(…)` call, found by matching brackets. */
function beforeAllCalls(source: string): string[] {
  const calls: string[] = []
  let from = source.indexOf('beforeAll(')
  while (from >= 0) {
    const open = from + 'beforeAll'.length
    let depth = 0
    let end = open
    for (; end < source.length; end++) {
      const ch = source[end]
      if (ch === '(' || ch === '{' || ch === '[') depth++
      else if (ch === ')' || ch === '}' || ch === ']') depth--
      if (depth === 0) break
    }
    calls.push(source.slice(open + 1, end))
    from = source.indexOf('beforeAll(', end)
  }
  return calls
}

/** Whether the call passes a timeout after the hook function: `() => {…}, LIMIT`. */
const hasTimeout = (args: string) => /\}\s*,\s*[\w.]+\s*,?\s*$/.test(args)

describe('long setup hooks', () => {
  it('recognises a hook with and without a timeout', () => {
    expect(beforeAllCalls('beforeAll(() => { run(f(1)) }, LIMIT)').map(hasTimeout)).toEqual([true])
    expect(beforeAllCalls('beforeAll(() => {\n  run([1, 2])\n})').map(hasTimeout)).toEqual([false])
  })

  it('every beforeAll in the unit tests states its timeout', () => {
    const others = testFiles(TESTS).filter((file) => file !== import.meta.filename)
    const missing = others.flatMap((file) =>
      beforeAllCalls(readFileSync(file, 'utf8'))
        .filter((args) => !hasTimeout(args))
        .map(() => relative(TESTS, file)),
    )
    expect(missing).toEqual([])
  })
})
