// Prints the digests of every built-in scenario run (tests/support/report-digests.ts) as JSON.
// Record them only when a change of results is intended:
//   node --import tsx scripts/report-digests.ts > tests/core/report-digests.json

import { builtInRuns, runDigest } from '../tests/support/report-digests'

const digests: Record<string, string> = {}
for (const run of builtInRuns()) digests[run] = runDigest(run)
process.stdout.write(`${JSON.stringify(digests, null, 2)}\n`)
