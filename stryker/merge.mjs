// One mutation report from the shards' kept reports (stryker/shards.mjs, stryker/measured.mjs):
// the standard JSON report (mutation-testing-report-schema) in reports/mutation/mutation.json, and
// the HTML report beside it, drawn by the same web component Stryker's own HTML reporter uses
// (mutation-testing-elements, installed with Stryker).
//
// Each shard's run numbers its mutants and tests from 0, so ids are prefixed with the shard's
// name ("engine-step:17") to stay unique in the merged report; a test file that several shards
// ran lists its tests once per shard.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname } from 'node:path'

const require = createRequire(import.meta.url)

const prefixed = (shard, ids) => ids?.map((id) => `${shard}:${id}`)

/** Merges the reports of `shards` (name → report object) into one report object. */
export function mergeReports(shards) {
  const names = Object.keys(shards)
  if (names.length === 0) throw new Error('no shard report to merge')
  const first = shards[names[0]]
  const merged = { ...first, files: {}, testFiles: {} }
  for (const [shard, report] of Object.entries(shards)) {
    for (const [path, file] of Object.entries(report.files)) {
      if (merged.files[path]) throw new Error(`${path} is in two shards' reports (${shard} and another)`)
      merged.files[path] = {
        ...file,
        mutants: file.mutants.map((m) => ({
          ...m,
          id: `${shard}:${m.id}`,
          coveredBy: prefixed(shard, m.coveredBy),
          killedBy: prefixed(shard, m.killedBy),
        })),
      }
    }
    for (const [path, file] of Object.entries(report.testFiles ?? {})) {
      const tests = file.tests.map((t) => ({ ...t, id: `${shard}:${t.id}` }))
      const into = merged.testFiles[path]
      if (into) into.tests.push(...tests)
      else merged.testFiles[path] = { ...file, tests }
    }
  }
  return merged
}

const escapeScript = (json) => json.replaceAll('<', '\\u003c')

/** The HTML report: the report app of mutation-testing-elements with the report inlined. */
export function reportHtml(report) {
  const app = readFileSync(
    require.resolve('mutation-testing-elements/dist/mutation-test-elements.js'),
    'utf8',
  )
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Mission Sandbox — mutation report</title>
<script>${app.replaceAll('</script', '<\\/script')}</script>
</head>
<body>
<mutation-test-report-app title-postfix="Mission Sandbox"></mutation-test-report-app>
<script>document.querySelector('mutation-test-report-app').report = ${escapeScript(JSON.stringify(report))}</script>
</body>
</html>
`
}

/** Writes the merged JSON and HTML reports of `reports` (shard name → report object). */
export function writeMergedReport(reports, jsonFile, htmlFile) {
  const merged = mergeReports(reports)
  mkdirSync(dirname(jsonFile), { recursive: true })
  writeFileSync(jsonFile, JSON.stringify(merged))
  writeFileSync(htmlFile, reportHtml(merged))
}
