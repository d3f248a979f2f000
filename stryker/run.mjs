// `npm run mutate`: StrykerJS once per shard (stryker/shards.mjs), then one merged report and the
// score per folder (stryker/scores.mjs).
//
//   npm run mutate                          every shard, in order
//   npm run mutate -- --shard engine-step   one shard (or several: --shard a,b); the merged
//                                           report then holds every shard measured so far
//   npm run mutate -- --list                the shards, their files and whether each has a report
//   npm run mutate -- --report              merge the reports there are and check the scores
//   --force                                 re-test every mutant (ignore the incremental files)
//   --concurrency N                         test runner processes (default 2, stryker.config.mjs)
//   --dryRunOnly                            the initial test run only (how long it takes)
//
// Why not `stryker run`: StrykerJS 10 (the first with Vitest 4 support) declares Node ≥ 22 and its
// CLI refuses to start on an older Node with a version check at import time. This project is
// pinned to Node 20 (DESIGN.md: vitest 5 needs Node 22; this machine has Node 20). Stryker's
// code itself runs on Node 20, so on Node < 22 this launcher reports a version of 22 to that one
// check, and says so on stderr. On Node ≥ 22 it changes nothing. Remove the override once the
// project moves to Node 22.
import { existsSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { writeMergedReport } from './merge.mjs'
import { checkScores } from './scores.mjs'
import { checkShards, mutateOf, SHARDS } from './shards.mjs'

const OUT = 'reports/mutation'
const reportOf = (name) => `${OUT}/shards/${name}.json`
const incrementalOf = (name) => `${OUT}/shards/${name}.incremental.json`

const { values } = parseArgs({
  options: {
    shard: { type: 'string', multiple: true },
    list: { type: 'boolean' },
    report: { type: 'boolean' },
    force: { type: 'boolean' },
    concurrency: { type: 'string' },
    dryRunOnly: { type: 'boolean' },
  },
})

const fail = (message) => {
  process.stderr.write(`npm run mutate: ${message}\n`)
  process.exit(2)
}

const { missing, doubled, stray } = checkShards()
if (missing.length || doubled.length || stray.length) {
  fail(
    `stryker/shards.mjs does not hold every mutated file exactly once:${[
      ...missing.map((f) => `\n  in no shard: ${f}`),
      ...doubled.map((f) => `\n  in two shards: ${f}`),
      ...stray.map((f) => `\n  not a mutated file: ${f}`),
    ].join('')}`,
  )
}

const names = Object.keys(SHARDS)
const chosen = values.shard?.flatMap((s) => s.split(',')) ?? names
for (const name of chosen) if (!SHARDS[name]) fail(`no shard "${name}"; the shards: ${names.join(', ')}`)
const concurrency = values.concurrency === undefined ? undefined : Number(values.concurrency)
if (concurrency !== undefined && !(Number.isInteger(concurrency) && concurrency >= 1 && concurrency <= 16)) {
  fail(`--concurrency: expected a whole number from 1 to 16, got "${values.concurrency}"`)
}

if (values.list) {
  for (const name of names) {
    const measured = existsSync(reportOf(name)) ? 'report' : 'no report yet'
    console.log(`${name} (${measured}): ${SHARDS[name].join(' ')}`)
  }
  process.exit(0)
}

if (!values.report) {
  const major = Number(process.versions.node.split('.')[0])
  if (major < 22) {
    process.stderr.write(
      `stryker/run.mjs: Node ${process.version}; StrykerJS 10 asks for ≥ 22, starting it anyway (see the comment in this file)\n`,
    )
    Object.defineProperty(process, 'version', { value: 'v22.0.0' })
  }
  const { Stryker } = await import('@stryker-mutator/core')
  process.title = 'stryker'
  for (const [k, name] of chosen.entries()) {
    console.log(`\n── shard ${k + 1} of ${chosen.length}: ${name} (${SHARDS[name].join(' ')})`)
    // The rest of the options come from stryker.config.mjs.
    await new Stryker({
      mutate: mutateOf(name),
      incrementalFile: incrementalOf(name),
      jsonReporter: { fileName: reportOf(name) },
      reporters: ['progress', 'json'],
      ...(values.force ? { force: true } : {}),
      ...(concurrency ? { concurrency } : {}),
      ...(values.dryRunOnly ? { dryRunOnly: true } : {}),
    }).runMutationTest()
  }
  // A dry run tests no mutant and writes no report: there is no score to check.
  if (values.dryRunOnly) process.exit(0)
}

const measured = names.filter((n) => existsSync(reportOf(n)))
if (measured.length === 0) fail('no shard has a report yet: run npm run mutate (or --shard <name>) first')
let found
try {
  found = writeMergedReport(reportOf, names, `${OUT}/mutation.json`, `${OUT}/mutation.html`)
} catch (err) {
  fail(err.message)
}
const notYet = names.filter((n) => !found.includes(n))
console.log(`\nMerged ${found.length} shard report(s) into ${OUT}/mutation.json and mutation.html`)
if (notYet.length) console.log(`Not measured yet: ${notYet.join(', ')} (npm run mutate -- --shard <name>)`)
if (!checkScores(`${OUT}/mutation.json`) || notYet.length) process.exitCode = 1
