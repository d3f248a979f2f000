// The interface: React, the panels and the 3D scene (three.js, R3F), most of the page's
// JavaScript. main.tsx loads this module after it has started the engine's worker, so the worker
// reads the scenario while this is fetched, parsed and mounted.

import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { installThreeConsole } from '../scene/three-console'
import type { PluginDeps } from '../store/plugins'
import type { Session } from '../store/session'
import { App } from './App'
import { PluginsContext } from './plugins/context'
import { SessionContext } from './session-context'
import { RENDER_STATS } from './Viewports'

export function mount(root: HTMLElement, session: Session, plugins: PluginDeps): void {
  installThreeConsole()
  // For benchmarks: frames drawn by the first viewport.
  Object.assign(window, { __missionSandboxStats: RENDER_STATS })
  createRoot(root).render(
    <StrictMode>
      <SessionContext.Provider value={session}>
        <PluginsContext.Provider value={plugins}>
          <App />
        </PluginsContext.Provider>
      </SessionContext.Provider>
    </StrictMode>,
  )
}
