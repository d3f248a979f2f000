// The page's entry. It starts the engine's worker and asks it for the scenario first, then loads
// the interface (ui/mount.tsx: React, three.js, the panels — most of the JavaScript) while the
// worker reads the scenario and computes its first frame. Nothing here imports React or three.js,
// so the worker starts as soon as this small chunk has run, not after the whole interface has been
// parsed: the two overlap, and the first frame comes sooner. The land outline the Earth is painted
// from (scene/land.ts, a JSON file) is fetched alongside, and the interface mounts once it is here.

import { loadLand } from './scene/land'
import { createPlannerStore } from './store/plannerStore'
import { syncUserStrategies } from './store/plugin-sync'
import type { PluginDeps } from './store/plugins'
import { createSession } from './store/session'
import { loadFromUrl, readUrl, startUrlSync } from './ui/url'
import { seedWorkerCount, startSeedWorker, startSimWorker } from './worker/client'
import { createInspect, startInspectorWorker } from './worker/plugins/inspect-client'
import './ui/app.css'

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')

// One session (one worker) for the page, made outside React so StrictMode cannot double it.
const session = createSession(startSimWorker, { startSeedWorker, seedWorkers: seedWorkerCount() })
// The user's planners and strategies; modules are checked in short-lived workers of their own.
const plugins: PluginDeps = {
  app: session.app,
  planners: createPlannerStore(),
  inspect: createInspect(startInspectorWorker),
}
syncUserStrategies(session, plugins.planners)
void loadFromUrl(session, readUrl(location.search))
startUrlSync(session)
// For tests and benchmarks: the stores, read-only by convention.
Object.assign(window, { __missionSandbox: session, __missionSandboxPlanners: plugins.planners })

// Never rejects: without the outline the Earth is painted ocean only.
const land = loadLand()

Promise.all([import('./ui/mount'), land]).then(
  ([{ mount }]) => mount(root, session, plugins),
  (e: unknown) => {
    // The interface's chunk did not arrive (offline, a deploy replaced it): say so on the page.
    const note = document.createElement('p')
    note.className = 'fatal'
    note.textContent = `The interface could not be loaded (${e instanceof Error ? e.message : String(e)}). Reload the page to try again.`
    root.replaceChildren(note)
  },
)
