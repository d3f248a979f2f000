// `npm ci` fails on a fresh clone when the lock file lacks an optional package some platform
// needs ("Missing: @biomejs/cli-… from lock file"). A lock file written on one machine can drop
// other platforms' native binaries; this keeps every optional dependency of every locked package
// in the lock, whatever platform it is for.

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

interface LockEntry {
  optionalDependencies?: Record<string, string>
}

const lock = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'package-lock.json'), 'utf8')) as {
  packages: Record<string, LockEntry>
}
const locked = new Set(Object.keys(lock.packages).map((path) => path.replace(/^.*node_modules\//, '')))

describe('the lock file', () => {
  it("holds Biome's native binary for every platform it ships", () => {
    const biome = lock.packages['node_modules/@biomejs/biome']?.optionalDependencies ?? {}
    const platforms = Object.keys(biome)
    expect(platforms).toEqual(expect.arrayContaining(['@biomejs/cli-linux-x64', '@biomejs/cli-darwin-arm64']))
    expect(platforms.filter((name) => name.includes('win32')).length).toBeGreaterThan(0)
    expect(platforms.filter((name) => !locked.has(name))).toEqual([])
  })

  it('holds every optional dependency of every locked package', () => {
    const missing = Object.entries(lock.packages).flatMap(([path, entry]) =>
      Object.keys(entry.optionalDependencies ?? {})
        .filter((name) => !locked.has(name))
        .map((name) => `${path} → ${name}`),
    )
    expect(missing).toEqual([])
  })
})
