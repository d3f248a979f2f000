// Every fast-check property in the unit tests runs from one fixed seed, so a run is repeatable;
// FC_SEED=<integer> overrides it (to explore, or to replay a failure). fast-check prints the seed
// and the counterexample's path in its failure message; the line below names where it came from.
// Loaded as a setup file of the unit project (vitest.config.ts).

import fc from 'fast-check'

const fromEnv = process.env.FC_SEED
const seed = fromEnv === undefined || fromEnv === '' ? 20260320 : Number(fromEnv)
if (!Number.isInteger(seed)) throw new Error(`FC_SEED must be an integer, got ${JSON.stringify(fromEnv)}`)

fc.configureGlobal({
  seed,
  reporter: (details) => {
    if (details.failed)
      throw new Error(
        `${fc.defaultReportMessage(details)}\n(fast-check seed ${seed}${fromEnv ? ' from FC_SEED' : '; set FC_SEED to change it'})`,
      )
  },
})
