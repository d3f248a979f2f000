import { defineConfig } from 'vitest/config'
import { BaseSequencer, type TestSpecification } from 'vitest/node'
import { unitTest } from './vitest.config'

/**
 * Quick test files first. Stryker stops a mutant's run at the first failing test (bail), and a
 * mutant reached from a `beforeAll` hook (a "static" mutant to Stryker) runs every related file;
 * Vitest's own order puts the slowest files first, which makes each such kill cost the slow
 * scenario runs. Reversing it (shortest, then largest-last) lets the quick unit files kill first.
 */
class QuickFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    return (await super.sort(files)).reverse()
  }
}

// The config StrykerJS runs (stryker.config.mjs): the `unit` project alone, as a single-project
// config, so a mutant is never judged by the browser tests (they build the app and are slow).
export default defineConfig({ test: { ...unitTest, sequence: { sequencer: QuickFirst } } })
