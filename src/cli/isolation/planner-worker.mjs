// Worker-thread entry of an isolated planner: registers tsx (planner modules may be TypeScript),
// then hands over to planner-worker-main.ts (bundled when it can be: bin/fast-load.mjs).
import { register } from 'tsx/esm/api'
import { importEntry } from '../../../bin/fast-load.mjs'

register()
await importEntry('planner-worker-main')
