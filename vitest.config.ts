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

// Two projects: `unit` runs in Node (core, scenario, planners, CLI); `e2e` builds the app once,
// serves it on loopback and drives Debian's headless Chromium through playwright-core.
export default defineConfig({
  test: {
    // In CI, a JSON report too: .ci/summary.mjs turns it into the closing "N passed, N failed".
    reporters: process.env.CI ? ['default', 'json'] : ['default'],
    outputFile: process.env.CI ? { json: '.vitest-report.json' } : undefined,
    projects: [
      { test: unitTest },
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
