import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { installThreeConsole } from './scene/three-console'
import { createSession } from './store/session'
import { App } from './ui/App'
import { SessionContext } from './ui/session-context'
import { loadFromUrl, readUrl, startUrlSync } from './ui/url'
import { RENDER_STATS } from './ui/Viewports'
import { seedWorkerCount, startSeedWorker, startSimWorker } from './worker/client'
import './ui/app.css'

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')

installThreeConsole()

// One session (one worker) for the page, made outside React so StrictMode cannot double it.
const session = createSession(startSimWorker, { startSeedWorker, seedWorkers: seedWorkerCount() })
loadFromUrl(session, readUrl(location.search))
startUrlSync(session)
// For tests and benchmarks: the stores, read-only by convention.
Object.assign(window, { __missionSandbox: session, __missionSandboxStats: RENDER_STATS })

createRoot(root).render(
  <StrictMode>
    <SessionContext.Provider value={session}>
      <App />
    </SessionContext.Provider>
  </StrictMode>,
)
