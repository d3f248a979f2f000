// The parts of the interface the first frame does not show, each a chunk of its own: the charts
// (uPlot) and the compare view load when their tab is first opened; the satellite, alerts and log
// tabs and the planners dialog are fetched once the first frame is drawn (prefetchPanels), so
// they cost the page's start nothing and, once fetched, open at once with no "Loading…" step.

import { type ComponentType, lazy } from 'react'

export const Metrics = lazy(() => import('./panels/Metrics').then((m) => ({ default: m.Metrics })))
export const Compare = lazy(() => import('./panels/Compare').then((m) => ({ default: m.Compare })))

interface Prefetched<P extends object> {
  Component: ComponentType<P>
  fetch(): Promise<unknown>
}

/**
 * A component from a chunk: rendered directly once the chunk is here, through React.lazy (and the
 * nearest Suspense) until then. React.lazy alone would suspend on its first render even when the
 * chunk was fetched long before.
 */
function prefetched<P extends object>(load: () => Promise<ComponentType<P>>): Prefetched<P> {
  let ready: ComponentType<P> | null = null
  let pending: Promise<ComponentType<P>> | null = null
  const fetch = () => {
    pending ??= load().then(
      (component) => {
        ready = component
        return component
      },
      (e: unknown) => {
        pending = null // a failed fetch is tried again by the next render or prefetch
        throw e
      },
    )
    return pending
  }
  const Lazy = lazy(() => fetch().then((component) => ({ default: component })))
  function Component(props: P) {
    const Loaded = ready
    return Loaded ? <Loaded {...props} /> : <Lazy {...props} />
  }
  return { Component, fetch }
}

const inspector = prefetched(() => import('./panels/Inspector').then((m) => m.Inspector))
const alerts = prefetched(() => import('./panels/Alerts').then((m) => m.Alerts))
const decisions = prefetched(() => import('./panels/DecisionLog').then((m) => m.DecisionLog))
const planners = prefetched(() => import('./plugins/PlannersDialog').then((m) => m.PlannersDialog))

export const Inspector = inspector.Component
export const Alerts = alerts.Component
export const DecisionLog = decisions.Component
export const PlannersDialog = planners.Component

/** The performance mark the 3D view sets when it has drawn its first frame with satellites. */
const FIRST_FRAME_MARK = 'app:first-frame'

/**
 * Fetches the small panels once the first frame is drawn (at once if it already was). A failed
 * fetch is left to the tab that needs it: opening it tries again, and an error shows there.
 */
export function prefetchPanels(): void {
  const fetchAll = () => {
    for (const p of [inspector, alerts, decisions, planners]) p.fetch().catch(() => {})
  }
  if (
    performance.getEntriesByName(FIRST_FRAME_MARK).length > 0 ||
    typeof PerformanceObserver === 'undefined'
  ) {
    setTimeout(fetchAll, 0)
    return
  }
  const observer = new PerformanceObserver((list) => {
    if (list.getEntriesByName(FIRST_FRAME_MARK).length === 0) return
    observer.disconnect()
    setTimeout(fetchAll, 0)
  })
  observer.observe({ type: 'mark' })
}
