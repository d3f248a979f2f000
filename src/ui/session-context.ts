// React's access to the session and its stores. The session is made once in main.tsx (outside
// React, so StrictMode's double effects never start two workers) and handed down by context.

import { createContext, useContext, useEffect, useState } from 'react'
import { useStore } from 'zustand'
import type { AppState } from '../store/appStore'
import type { Session } from '../store/session'
import type { SimStore, SimStoreState } from '../store/simStore'

export const SessionContext = createContext<Session | null>(null)

export function useSession(): Session {
  const session = useContext(SessionContext)
  if (!session) throw new Error('useSession outside <SessionContext.Provider>')
  return session
}

export function useApp<T>(selector: (s: AppState) => T): T {
  return useStore(useSession().app, selector)
}

export function useSim<T>(store: SimStore, selector: (s: SimStoreState) => T): T {
  return useStore(store, selector)
}

/** Re-renders when any shown strategy's store changes; returns their states in order. */
export function useAllSims(): SimStoreState[] {
  const sims = useApp((s) => s.sims)
  const [, force] = useState(0)
  useEffect(() => {
    const offs = sims.map((sim) => sim.subscribe(() => force((n) => n + 1)))
    return () => {
      for (const off of offs) off()
    }
  }, [sims])
  return sims.map((sim) => sim.getState())
}
