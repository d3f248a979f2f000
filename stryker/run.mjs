// Starts the StrykerJS command line (`npm run mutate` → node stryker/run.mjs run).
//
// Why not `stryker run`: StrykerJS 10 (the first with Vitest 4 support) declares Node ≥ 22 and its
// CLI refuses to start on an older Node with a version check at import time. This project is
// pinned to Node 20 (DESIGN.md: vitest 5 needs Node 22; this machine has Node 20). Stryker's
// code itself runs on Node 20 — a full `npm run mutate` completes here — so on Node < 22 this
// launcher reports a version of 22 to that one check, and says so on stderr. On Node ≥ 22 it
// changes nothing. Remove this file once the project moves to Node 22.
const major = Number(process.versions.node.split('.')[0])
if (major < 22) {
  process.stderr.write(
    `stryker/run.mjs: Node ${process.version}; StrykerJS 10 asks for ≥ 22, starting it anyway (see the comment in this file)\n`,
  )
  Object.defineProperty(process, 'version', { value: 'v22.0.0' })
}
const { Stryker, StrykerCli } = await import('@stryker-mutator/core')
const { checkScores } = await import('./scores.mjs')
process.title = 'stryker'
// After a run: the score per folder and file, and the per-folder targets (stryker/scores.mjs).
// A dry run (--dryRunOnly: the initial test run, to see it pass and how long it takes) tests no
// mutant and writes no report, so there is no score to check.
new StrykerCli(process.argv, undefined, async (options) => {
  const results = await new Stryker(options).runMutationTest()
  if (!options.dryRunOnly && !checkScores()) process.exitCode = 1
  return results
}).run()
