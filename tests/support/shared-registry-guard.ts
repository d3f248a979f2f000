// The `unit` project runs its test files in one module graph per worker (vitest.config.ts,
// `isolate: false`), so module state one file changes reaches every file after it: a CLI test's
// plugin planner once reached the planner contract test that way. The planner registry is the
// shared mutable state in these rooms' reach; each test file must leave it as it found it.
// Loaded as a setup file of the `unit` project only (it runs around every file of that project).

import { afterAll, beforeAll } from 'vitest'
import { registry } from '../../src/planners/registry'

let before: string[] = []

beforeAll(() => {
  before = registry.all().map((p) => p.id)
})

afterAll(() => {
  const now = registry.all().map((p) => p.id)
  if (now.join('\n') === before.join('\n')) return
  const added = now.filter((id) => !before.includes(id))
  const removed = before.filter((id) => !now.includes(id))
  throw new Error(
    `this test file left the shared planner registry changed (added: ${added.join(', ') || 'none'}; ` +
      `removed: ${removed.join(', ') || 'none'}). A file that registers planners belongs in ` +
      'FRESH_MODULE_ROOMS (vitest.config.ts), where each file gets its own modules.',
  )
})
