// Prints the last line CI reads, "N passed, N failed", from Vitest's JSON report. When the run
// stopped before Vitest wrote a report (the type check or lint failed), that is one failure.
import { existsSync, readFileSync } from 'node:fs'

const [file, status] = process.argv.slice(2)
if (!existsSync(file)) {
  console.log(`ci: no test report (${file}); the checks before the tests failed`)
  console.log(`0 passed, ${status === '0' ? 0 : 1} failed`)
} else {
  const report = JSON.parse(readFileSync(file, 'utf8'))
  // A file can fail with every test in it passed (a hook threw, e.g. the shared-registry guard):
  // each such file is one failure too, or the line would say 0 while the run failed.
  const fileOnly = report.testResults.filter(
    (f) => f.status === 'failed' && !f.assertionResults.some((a) => a.status === 'failed'),
  ).length
  const failed = report.numFailedTests + (report.numRuntimeErrors ?? 0) + fileOnly
  const skipped = report.numPendingTests + (report.numTodoTests ?? 0)
  console.log(`${report.numPassedTests} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`)
}
