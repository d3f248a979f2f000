// Mutation score per folder and per file from reports/mutation/mutation.json, and the issue's
// per-folder target: `npm run mutate` fails when src/core/engine or src/planners (each, when the
// report holds it) scores under 80 %. Score = (killed + timed out) / (killed + timed out +
// survived + no coverage); ignored mutants (prose, see prose-ignorer.mjs) and mutants that did
// not compile or crashed at load are left out, as Stryker does.
// stryker/run.mjs calls it after every run; on its own: node stryker/scores.mjs [report.json]
import { readFileSync } from 'node:fs'
import { pathToFileURL } from 'node:url'

const TARGETS = { 'src/core/engine': 80, 'src/planners': 80 }

const tally = () => ({ detected: 0, undetected: 0, ignored: 0, timeouts: 0 })
const add = (t, status) => {
  if (status === 'Timeout') t.timeouts++
  if (status === 'Killed' || status === 'Timeout') t.detected++
  else if (status === 'Survived' || status === 'NoCoverage') t.undetected++
  else if (status === 'Ignored') t.ignored++
}
const score = (t) => (t.detected + t.undetected ? (100 * t.detected) / (t.detected + t.undetected) : null)
const line = (name, t) =>
  `${(score(t)?.toFixed(1) ?? '  -  ').padStart(6)} %  ${String(t.detected).padStart(5)} / ${String(t.detected + t.undetected).padEnd(5)} (${t.timeouts} timed out, ${t.ignored} ignored)  ${name}`

/** Prints the table; returns false when a folder in the report misses its target. */
export function checkScores(file = 'reports/mutation/mutation.json') {
  const report = JSON.parse(readFileSync(file, 'utf8'))
  const folders = new Map()
  const files = []
  for (const [path, f] of Object.entries(report.files)) {
    const rel = path.replace(/^.*?(?=src\/)/, '')
    const t = tally()
    for (const m of f.mutants) add(t, m.status)
    files.push([rel, t])
    const parts = rel.split('/')
    for (let n = 2; n < parts.length; n++) {
      const folder = parts.slice(0, n).join('/')
      if (!folders.has(folder)) folders.set(folder, tally())
      const ft = folders.get(folder)
      for (const m of f.mutants) add(ft, m.status)
    }
  }

  console.log('score     detected / valid      folder or file')
  for (const [name, t] of [...folders].sort()) console.log(line(`${name}/`, t))
  for (const [name, t] of files.sort()) console.log(line(name, t))

  let failed = false
  for (const [folder, min] of Object.entries(TARGETS)) {
    const t = folders.get(folder)
    if (!t) continue
    const s = score(t)
    if (s !== null && s < min) {
      console.error(`${folder}: mutation score ${s.toFixed(1)} % is under the ${min} % target`)
      failed = true
    }
  }
  return !failed
}

if (import.meta.url === pathToFileURL(process.argv[1]).href)
  process.exit(checkScores(process.argv[2]) ? 0 : 1)
