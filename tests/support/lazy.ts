// A value a test file shares between its tests, made by the first test that asks for it.
//
// Not at collection and not in a beforeAll hook: mutation testing (npm run mutate) credits code
// run outside a test to no test, so every mutant that code reaches becomes "static" and costs a
// run of every related test file instead of the few tests that cover it (it made the engine's
// shards take hours). Made inside a test, the coverage goes to that test.

/** `make`, run once, on the first call. */
export function lazy<T>(make: () => T): () => T {
  let made: { value: T } | undefined
  return () => {
    made ??= { value: make() }
    return made.value
  }
}
