import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { installThreeConsole } from './scene/three-console'
import { createPlannerStore } from './store/plannerStore'
import { syncUserStrategies } from './store/plugin-sync'
import type { PluginDeps } from './store/plugins'
import { createSession } from './store/session'
import { App } from './ui/App'
import { PluginsContext } from './ui/plugins/context'
import { SessionContext } from './ui/session-context'
import { loadFromUrl, readUrl, startUrlSync } from './ui/url'
import { RENDER_STATS } from './ui/Viewports'
import { seedWorkerCount, startSeedWorker, startSimWorker } from './worker/client'
import { createInspect, startInspectorWorker } from './worker/plugins/inspect-client'
import './ui/app.css'

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')

installThreeConsole()

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
Object.assign(window, {
  __missionSandbox: session,
  __missionSandboxPlanners: plugins.planners,
  __missionSandboxStats: RENDER_STATS,
})

createRoot(root).render(
  <StrictMode>
    <SessionContext.Provider value={session}>
      <PluginsContext.Provider value={plugins}>
        <App />
      </PluginsContext.Provider>
    </SessionContext.Provider>
  </StrictMode>,
)
