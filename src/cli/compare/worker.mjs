// Worker-thread entry for `sim compare`: runs jobs from the parent with worker-main.ts (bundled
// when it can be, else through tsx: bin/fast-load.mjs).
import { importEntry } from '../../../bin/fast-load.mjs'

await importEntry('compare-worker-main')
