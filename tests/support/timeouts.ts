// Hook timeouts for tests whose setup runs whole scenarios. Vitest's default (10 s) is far too
// tight on a machine whose two cores are busy with other work; these hooks take a few seconds
// on an idle machine, so this is a bound against a hang, not an expectation of speed.

/** For a beforeAll that simulates one or more scenarios end to end. */
export const SCENARIO_HOOK_TIMEOUT_MS = 300_000
