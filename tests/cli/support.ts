// Scenario files for CLI tests: a fixture with strategies added, written to a temp directory.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const FIXTURES = join(import.meta.dirname, 'fixtures')

/** A copy of fixtures/`name` (a path relative to fixtures/) with `strategies` added; its path. */
export function scenarioWith(name: string, strategies: Record<string, unknown>): string {
  const spec = JSON.parse(readFileSync(join(FIXTURES, name), 'utf8'))
  delete spec.$schema
  Object.assign(spec.strategies, strategies)
  const path = join(mkdtempSync(join(tmpdir(), 'sim-hostile-')), 'scenario.json')
  writeFileSync(path, JSON.stringify(spec))
  return path
}
