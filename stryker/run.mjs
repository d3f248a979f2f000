// `npm run mutate`: StrykerJS once per shard (stryker/shards.mjs), then one merged report and the
// score per folder (stryker/scores.mjs).
//
//   npm run mutate                          every shard, in order, but those whose kept report
//                                           is current (stryker/measured.mjs)
//   npm run mutate -- --shard engine-step   one shard (or several: --shard a,b), current or not;
//                                           the merged report then holds every current shard
//   npm run mutate -- --list                the shards, their files and the state of their reports
//   npm run mutate -- --report              merge the current kept reports and check the scores
//   --force                                 run every shard and re-test every mutant (ignore the
//                                           incremental files)
//   --concurrency N                         test runner processes (default 2, stryker.config.mjs)
//   --dryRunOnly                            the initial test run only (how long it takes)
//
// Why not `stryker run`: StrykerJS 10 (the first with Vitest 4 support) declares Node ≥ 22 and its
// CLI refuses to start on an older Node with a version check at import time. This project is
// pinned to Node 20 (DESIGN.md: vitest 5 needs Node 22; this machine has Node 20). Stryker's
// code itself runs on Node 20, so on Node < 22 this launcher reports a version of 22 to that one
// check, and says so on stderr. On Node ≥ 22 it changes nothing. Remove the override once the
// project moves to Node 22.
import { existsSync, readFileSync, statSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { keep, keptOf, partialOf, readKept, restore, retestStatic, staleness } from './measured.mjs'
import { writeMergedReport } from './merge.mjs'
import { checkScores } from './scores.mjs'
import { checkShards, mutateOf, SHARDS } from './shards.mjs'

const OUT = 'reports/mutation'
const reportOf = (name) => `${OUT}/shards/${name}.json`
const incrementalOf = (name) => `${OUT}/shards/${name}.incremental.json`
const sourceOf = (path) => (existsSync(path) ? readFileSync(path, 'utf8') : null)

const fail = (message) => {
  process.stderr.write(`npm run mutate: ${message}\n`)
  process.exit(2)
}

// Options are typed by hand: a wrong one gets one line and exit 2, not parseArgs' stack trace
// (non-strict parsing, then every token checked here).
const OPTIONS = {
  shard: { type: 'string', multiple: true },
  list: { type: 'boolean' },
  report: { type: 'boolean' },
  force: { type: 'boolean' },
  concurrency: { type: 'string' },
  dryRunOnly: { type: 'boolean' },
}
const { values, tokens } = parseArgs({
  options: OPTIONS,
  strict: false,
  allowPositionals: true,
  tokens: true,
})
for (const token of tokens) {
  if (token.kind === 'positional') fail(`unexpected argument "${token.value}"`)
  if (token.kind !== 'option') continue
  const known = Object.hasOwn(OPTIONS, token.name) ? OPTIONS[token.name] : undefined
  if (!known)
    fail(
      `unknown option "${token.rawName}"; the options: ${Object.keys(OPTIONS)
        .map((o) => `--${o}`)
        .join(', ')}`,
    )
  if (known.type === 'string' && typeof token.value !== 'string')
    fail(`option "${token.rawName}" needs a value`)
  if (known.type === 'boolean' && token.value !== undefined) fail(`option "${token.rawName}" takes no value`)
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

// A shard's kept report and what changed since it was measured (null: never measured).
const kept = new Map()
const changes = new Map()
const keepKept = (name) => {
  try {
    kept.set(name, readKept(name))
  } catch (err) {
    fail(err.message)
  }
  changes.delete(name)
}
for (const name of names) keepKept(name)
const changedSince = (name) => {
  if (!changes.has(name)) changes.set(name, kept.get(name) ? staleness(kept.get(name), sourceOf) : null)
  return changes.get(name)
}
const stateOf = (name) => {
  const changed = changedSince(name)
  const partial = existsSync(partialOf(name)) ? ', a stopped run to resume' : ''
  if (changed === null) return `no report yet${partial}`
  return `${changed.length ? `changed since measured: ${changed.length} file(s)` : 'current'}${partial}`
}

if (values.list) {
  for (const name of names) console.log(`${name} (${stateOf(name)}): ${SHARDS[name].join(' ')}`)
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
  // Stopped with Ctrl-C, Stryker saves the mutants tested so far in the incremental file and
  // exits; keep them as the shard's partial seed so that the next run (in another checkout too)
  // resumes there. Only a file this run wrote: a seed restored and not yet added to is no news.
  let running = null
  process.on('exit', () => {
    if (!running || values.dryRunOnly) return
    const file = incrementalOf(running.name)
    if (existsSync(file) && statSync(file).mtimeMs > running.since) keep(running.name, file, false)
  })
  // Without --shard, a shard whose kept report is current has nothing to re-test.
  const skipped = values.shard || values.force ? [] : chosen.filter((n) => changedSince(n)?.length === 0)
  if (skipped.length) console.log(`Current, not re-run (--force re-runs them): ${skipped.join(', ')}`)
  const torun = chosen.filter((n) => !skipped.includes(n))
  for (const [k, name] of torun.entries()) {
    console.log(`\n── shard ${k + 1} of ${torun.length}: ${name} (${SHARDS[name].join(' ')})`)
    const seed = values.force ? null : restore(name, incrementalOf(name))
    if (seed) console.log(`Incremental results from ${seed}`)
    let retested = 0
    try {
      retested = values.force ? 0 : retestStatic(incrementalOf(name))
    } catch (err) {
      fail(err.message)
    }
    if (retested) console.log(`Static survivors to test again (new tests may detect them): ${retested}`)
    running = { name, since: Date.now() }
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
    running = null
    // A dry run tests no mutant: its incremental file is no report.
    if (!values.dryRunOnly) {
      keep(name, incrementalOf(name), true)
      keepKept(name)
      console.log(`Kept the report in ${keptOf(name)} (commit it: the next run starts from it)`)
      // Static mutants are reached by code no test runs: a module's top level (zod schemas,
      // tables), or a test file running the engine while it is collected, which is avoidable.
      // Each costs a run of every related test file: say how many, where it is seen.
      const statics = Object.values(kept.get(name).files).flatMap((f) => f.mutants.filter((m) => m.static))
      if (statics.length)
        console.log(
          `${statics.length} static mutant(s), run by no test: module top-level code, or a test file running it while collected (README, Mutation testing)`,
        )
    }
  }
  // A dry run tests no mutant and writes no report: there is no score to check.
  if (values.dryRunOnly) process.exit(0)
}

const current = Object.fromEntries(
  names.filter((n) => changedSince(n)?.length === 0).map((n) => [n, kept.get(n)]),
)
const notYet = names.filter((n) => changedSince(n) === null)
const stale = names.filter((n) => changedSince(n)?.length > 0)
if (Object.keys(current).length === 0)
  fail('no shard has a current report: run npm run mutate (or --shard <name>) first')
writeMergedReport(current, `${OUT}/mutation.json`, `${OUT}/mutation.html`)
console.log(
  `\nMerged ${Object.keys(current).length} shard report(s) into ${OUT}/mutation.json and mutation.html`,
)
if (notYet.length) console.log(`Not measured yet: ${notYet.join(', ')} (npm run mutate -- --shard <name>)`)
for (const name of stale) {
  const changed = changedSince(name)
  console.log(
    `Changed since measured, left out: ${name} (${changed.slice(0, 3).join('; ')}${changed.length > 3 ? `; ${changed.length - 3} more` : ''})`,
  )
}
if (!checkScores(`${OUT}/mutation.json`) || notYet.length || stale.length) process.exitCode = 1
