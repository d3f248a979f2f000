// `npm run mutate` is run by hand with options typed by hand: a wrong one must end at once with
// one clear line on stderr and exit code 2 (before any shard starts or any kept report is read),
// never with a Node stack trace.

import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = join(import.meta.dirname, '..', '..')

function mutate(...args: string[]) {
  const r = spawnSync(process.execPath, ['stryker/run.mjs', ...args], { cwd: ROOT, encoding: 'utf8' })
  return { status: r.status, stderr: r.stderr.trim(), stdout: r.stdout }
}

describe('npm run mutate refuses options it cannot use', () => {
  it.each([
    [['--bogus'], 'npm run mutate: unknown option "--bogus"; the options: --shard'],
    // A name every object inherits is no option either.
    [['--constructor'], 'npm run mutate: unknown option "--constructor"; the options: --shard'],
    [['--list', 'extra'], 'npm run mutate: unexpected argument "extra"'],
    [['--shard', 'nope'], 'npm run mutate: no shard "nope"; the shards: engine-decisions'],
    [['--concurrency', '0'], 'npm run mutate: --concurrency: expected a whole number from 1 to 16, got "0"'],
    [['--concurrency'], 'npm run mutate: option "--concurrency" needs a value'],
  ])('%j', (args, start) => {
    const { status, stderr, stdout } = mutate(...args)
    expect(status).toBe(2)
    expect(stderr.startsWith(start), stderr).toBe(true)
    expect(stderr.split('\n')).toHaveLength(1)
    expect(stdout).toBe('')
  })
})
