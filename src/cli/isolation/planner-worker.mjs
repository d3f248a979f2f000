// Worker-thread entry of an isolated planner: registers tsx (planner modules may be TypeScript),
// then hands over to planner-worker-main.ts.
import { register } from 'tsx/esm/api'

register()
await import('./planner-worker-main.ts')
