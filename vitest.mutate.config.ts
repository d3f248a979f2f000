import { relative } from 'node:path'
import { defineConfig } from 'vitest/config'
import { BaseSequencer, type TestSpecification } from 'vitest/node'
import { unitTest } from './vitest.config'

/**
 * The tests of the mutated rooms (core, planners) and of the loader that feeds them. The CLI,
 * worker, store and scene tests also run the engine, but slowly and only as a means to test
 * their own room; every mutant they would judge has to wait for them, so they are left out.
 */
export const MUTATION_TESTS = [
  'tests/core/**/*.test.ts',
  'tests/planners/**/*.test.ts',
  'tests/scenario/**/*.test.ts',
]

/**
 * Test files that run whole scenarios in a `beforeAll` hook or while collecting their tests.
 * Stryker attributes coverage to the test that is running; code run outside any test makes
 * every mutant it reaches "static", and each static mutant costs a fresh run of every related
 * test file (about a minute each here, hours for the engine). These files stay in `npm test`;
 * the mutation score is measured without them, so it is a lower bound on what the whole unit
 * suite detects.
 */
export const SHARED_FIXTURE_FILES = [
  // Not a shared fixture but as costly: every planner on every scenario for 12 h, twice — over a
  // minute for each mutant it covers and does not kill, which is most of the engine's mutants.
  'tests/planners/contract.test.ts',
  'tests/planners/default-scenario.test.ts',
  'tests/planners/allocation-scenarios.test.ts',
  'tests/planners/maintenance-scenario.test.ts',
]

/**
 * Which files run first for a mutant. Stryker stops a mutant's run at the first failing test
 * (bail), so the order decides what each kill costs, never whether it happens. Vitest's own order
 * puts the files that failed last time first, then the slowest; here the failed ones still come
 * first (a file that killed the previous mutant, usually a neighbour in the same function, is the
 * likeliest to kill this one) and then the quickest, so a mutant that many files cover is killed
 * by a quick unit file before the slow scenario runs.
 */
class KillersThenQuick extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const slowestFirst = await super.sort(files)
    const root = this.ctx.config.root
    const failedLastRun = (f: TestSpecification) =>
      this.ctx.cache.getFileTestResults(`${f.project.name}:${relative(root, f.moduleId)}`)?.failed === true
    const failed = slowestFirst.filter(failedLastRun).reverse()
    const rest = slowestFirst.filter((f) => !failedLastRun(f)).reverse()
    return [...failed, ...rest]
  }
}

// The config StrykerJS runs (stryker.config.mjs): unit tests only, as a single-project config,
// so a mutant is never judged by the browser tests (they build the app and are slow). Leaving
// tests out can only let more mutants survive: the score is a lower bound for the whole suite.
export default defineConfig({
  test: {
    ...unitTest,
    include: MUTATION_TESTS,
    exclude: [...(unitTest?.exclude ?? []), ...SHARED_FIXTURE_FILES],
    sequence: { sequencer: KillersThenQuick },
    // The test files of one mutant's run share one module graph instead of importing it afresh
    // each (the whole set: 125 s -> 43 s on one worker). Nothing leaks from one mutant to the
    // next: Vitest stops a non-isolated worker when its run's queue is empty, and Stryker starts
    // a run per mutant. The files are those the `unit` project already runs without isolation.
    isolate: false,
  },
})
