// React's access to the user's planners and strategies (the planner store and the inspector),
// made once in main.tsx beside the session.

import { createContext, useContext } from 'react'
import { useStore } from 'zustand'
import type { PlannerState } from '../../store/plannerStore'
import type { PluginDeps } from '../../store/plugins'

export const PluginsContext = createContext<PluginDeps | null>(null)

export function usePlugins(): PluginDeps {
  const deps = useContext(PluginsContext)
  if (!deps) throw new Error('usePlugins outside <PluginsContext.Provider>')
  return deps
}

export function usePlanners<T>(selector: (s: PlannerState) => T): T {
  return useStore(usePlugins().planners, selector)
}
