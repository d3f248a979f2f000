import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config'

/** The Node project; vitest.mutate.config.ts reuses it so mutation testing runs exactly these. */
export const unitTest: TestProjectInlineConfiguration['test'] = {
  name: 'unit',
  environment: 'node',
  include: ['tests/**/*.test.ts'],
  exclude: ['tests/e2e/**'],
  // fast-check from a fixed seed (FC_SEED overrides it).
  setupFiles: ['tests/support/fast-check-seed.ts'],
  testTimeout: 60_000,
}

/**
 * Test files of the rooms that keep module state (the worker's lazily loaded validator and user
 * planners, the zustand stores, the scene's caches, and the CLI, whose `--planner-module` adds
 * the module's planners to the shared planner registry): each needs a fresh module graph, as
 * Vitest gives every file by default. Sharing one let a CLI test's plugin planner reach the
 * planner contract test, which runs every registered planner.
 */
const FRESH_MODULE_ROOMS = [
  'tests/cli/**',
  'tests/worker/**',
  'tests/store/**',
  'tests/scene/**',
  'tests/ui/**',
]

// Three projects: `unit` (core, scenario, planners) and `unit-rooms` (CLI, worker, store, scene,
// UI) run in Node; `e2e` builds the app once, serves it on loopback and drives Debian's headless
// Chromium through playwright-core.
export default defineConfig({
  test: {
    // In CI, a JSON report too: .ci/summary.mjs turns it into the closing "N passed, N failed".
    reporters: process.env.CI ? ['default', 'json'] : ['default'],
    outputFile: process.env.CI ? { json: '.vitest-report.json' } : undefined,
    // Vitest's default is one worker less than the cores: one worker on CI's two. Both cores is
    // what makes the unit suite fit its 3 minutes; the e2e files still run one at a time, after
    // every unit file (a project without file parallelism is scheduled last, on its own).
    maxWorkers: '100%',
    projects: [
      // The pure rooms (core, scenario, planners) keep no state between test files:
      // they share one module graph per worker instead of importing it afresh for each of about
      // 150 files, which was a third of the suite's time.
      {
        test: {
          ...unitTest,
          exclude: [...(unitTest?.exclude ?? []), ...FRESH_MODULE_ROOMS],
          isolate: false,
          // Fails a file that leaves the shared planner registry changed (its header says why).
          setupFiles: [...(unitTest?.setupFiles ?? []), 'tests/support/shared-registry-guard.ts'],
        },
      },
      { test: { ...unitTest, name: 'unit-rooms', include: FRESH_MODULE_ROOMS.map((d) => `${d}/*.test.ts`) } },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
})
