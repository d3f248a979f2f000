// Mutation results kept in the repository, in stryker/measured/: one gzipped Stryker report per
// shard, the same file Stryker keeps as the shard's incremental file.
//
// Why in the repository: a whole run takes many hours, more than one working session here, and
// reports/ is a local cache that a fresh checkout does not have. Kept results let the next run
// start where the last stopped (Stryker reuses every mutant whose code and covering tests did not
// change) and let `npm run mutate -- --report` give the score of code nobody re-ran today.
//
//   <shard>.json.gz          the report of the shard's last complete run
//   <shard>.partial.json.gz  the mutants tested so far by a run that was stopped (Ctrl-C), newer
//                            than <shard>.json.gz; it seeds the next run, it is never a score
//
// A kept report counts only while it is current (staleness() below): the mutated files' source
// and the source of every test file whose tests cover one of its mutants are what they were when
// it was measured. That is Stryker's own rule for reusing a result in incremental mode.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { gunzipSync, gzipSync } from 'node:zlib'

export const MEASURED = join(import.meta.dirname, 'measured')
export const keptOf = (name, dir = MEASURED) => join(dir, `${name}.json.gz`)
export const partialOf = (name, dir = MEASURED) => join(dir, `${name}.partial.json.gz`)

const readGz = (file, name) => {
  try {
    return JSON.parse(gunzipSync(readFileSync(file)).toString('utf8'))
  } catch (err) {
    // A file cut short or edited by hand: say which, and how to remake it.
    throw new Error(
      `${file} is not a gzipped mutation report (${err.message}); run the shard again: npm run mutate -- --shard ${name}`,
    )
  }
}
// Compact JSON: Stryker writes its incremental file indented; the indent is a third of the size.
const writeGz = (file, report) => {
  mkdirSync(dirname(file), { recursive: true })
  writeFileSync(file, gzipSync(JSON.stringify(report), { level: 9 }))
}

/**
 * Keeps a shard's incremental file in stryker/measured/: as its report when the run ended
 * (`complete`), as a partial seed when it was stopped. A complete run supersedes the partial seed.
 * Returns the file written, or null when there was no incremental file to keep.
 */
export function keep(name, incrementalFile, complete, dir = MEASURED) {
  if (!existsSync(incrementalFile)) return null
  const report = JSON.parse(readFileSync(incrementalFile, 'utf8'))
  const file = complete ? keptOf(name, dir) : partialOf(name, dir)
  writeGz(file, report)
  if (complete) rmSync(partialOf(name, dir), { force: true })
  return file
}

/**
 * Seeds a shard's incremental file from stryker/measured/ when the checkout has none: the partial
 * seed if a run was stopped since the last complete one, else the last complete report.
 * Returns the kept file it used, or null.
 */
export function restore(name, incrementalFile, dir = MEASURED) {
  if (existsSync(incrementalFile)) return null
  const from = [partialOf(name, dir), keptOf(name, dir)].find((f) => existsSync(f))
  if (!from) return null
  mkdirSync(dirname(incrementalFile), { recursive: true })
  writeFileSync(incrementalFile, JSON.stringify(readGz(from, name)))
  return from
}

/**
 * Drops from a shard's incremental file the static mutants that no test detected, so that the
 * next run tests them again. A static mutant (reached only by module top-level code) is covered
 * by no test in Stryker's eyes, so Stryker's incremental rule ("re-test a survivor when a test
 * covering it changed") never re-tests it: a survivor stays one whatever tests are added (the
 * agent protocol's 512 KB line limit survived its new test that way). Returns how many it dropped.
 */
export function retestStatic(incrementalFile) {
  if (!existsSync(incrementalFile)) return 0
  let report
  try {
    report = JSON.parse(readFileSync(incrementalFile, 'utf8'))
  } catch (err) {
    throw new Error(
      `${incrementalFile} is not a mutation report (${err.message}); delete it and run again: the shard then starts from its kept report`,
    )
  }
  let dropped = 0
  for (const file of Object.values(report.files)) {
    const kept = file.mutants.filter(
      (m) => !(m.static && (m.status === 'Survived' || m.status === 'NoCoverage')),
    )
    dropped += file.mutants.length - kept.length
    file.mutants = kept
  }
  if (dropped) writeFileSync(incrementalFile, JSON.stringify(report))
  return dropped
}

/** The kept report of a shard's last complete run, or null when it has none. */
export function readKept(name, dir = MEASURED) {
  return existsSync(keptOf(name, dir)) ? readGz(keptOf(name, dir), name) : null
}

// Report keys are paths relative to the project; older Stryker versions wrote absolute ones.
const relative = (path) => path.replace(/^.*?(?=(src|tests)\/)/, '')

/**
 * What changed since a report was measured, as a list of "path: why" (empty when it is current).
 * `read(path)` gives a file's source today, or null when the file is gone.
 */
export function staleness(report, read) {
  const changed = []
  const covering = new Set()
  for (const [path, file] of Object.entries(report.files)) {
    const now = read(relative(path))
    if (now === null) changed.push(`${relative(path)}: gone`)
    else if (now !== file.source) changed.push(`${relative(path)}: changed`)
    for (const m of file.mutants) for (const id of m.coveredBy ?? []) covering.add(id)
  }
  for (const [path, file] of Object.entries(report.testFiles ?? {})) {
    if (!file.tests.some((t) => covering.has(t.id))) continue
    const now = read(relative(path))
    if (now === null) changed.push(`${relative(path)}: gone`)
    else if (file.source !== undefined && now !== file.source) changed.push(`${relative(path)}: changed`)
  }
  return changed
}
