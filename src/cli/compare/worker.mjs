// Worker-thread entry for `sim compare`: registers tsx, then runs jobs from the parent.
import { register } from 'tsx/esm/api'

register()
await import('./worker-main.ts')
