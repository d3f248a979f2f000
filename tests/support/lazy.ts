// A value a test file shares between its tests, made by the first test that asks for it.
//
// Not at collection and not in a beforeAll hook: mutation testing (npm run mutate) credits code
// run outside a test to no test, so every mutant that code reaches becomes "static" and costs a
// run of every related test file instead of the few tests that cover it (it made the engine's
// shards take hours). Made inside a test, the coverage goes to that test.
//
// Under mutation testing the value is made once per test instead: Stryker runs a mutant against
// the tests whose code reached it in its first run, and a test that only reads a value another
// test made reaches nothing, so its assertions would never be tried against any mutant (a later
// test's checks of an isolated planner's telemetry let four such mutants survive). Stryker's
// worker processes carry STRYKER_MUTATOR_WORKER in their environment; plain runs share the value.

import { expect } from 'vitest'

const perTest = process.env.STRYKER_MUTATOR_WORKER !== undefined

/** `make`, run once, on the first call (once per test under mutation testing). */
export function lazy<T>(make: () => T): () => T {
  let made: { test: string | undefined; value: T } | undefined
  return () => {
    const test = perTest ? expect.getState().currentTestName : undefined
    if (made === undefined || made.test !== test) made = { test, value: make() }
    return made.value
  }
}
