// The parts of the interface the first frame does not show, each a chunk of its own: the charts
// (uPlot) and the compare view load when their tab is first opened; the satellite, alerts and log
// tabs and the planners dialog are fetched once the first frame is drawn (prefetchPanels), so
// they cost the page's start nothing and, once fetched, open at once with no "Loading…" step.

import { type ComponentProps, type ComponentType, lazy } from 'react'
import type { PlannersDialog as PlannersDialogType } from './plugins/PlannersDialog'

export const Metrics = lazy(() => import('./panels/Metrics').then((m) => ({ default: m.Metrics })))
export const Compare = lazy(() => import('./panels/Compare').then((m) => ({ default: m.Compare })))

/** A component in a chunk: the component once fetched, and React.lazy's stand-in until then. */
interface Chunk<P extends object> {
  ready: ComponentType<P> | null
  Lazy: ComponentType<P>
  fetch(): Promise<unknown>
}

function chunk<P extends object>(load: () => Promise<ComponentType<P>>): Chunk<P> {
  let pending: Promise<ComponentType<P>> | null = null
  const handle: Chunk<P> = {
    ready: null,
    Lazy: lazy(() => handle.fetch().then(() => ({ default: handle.ready as ComponentType<P> }))),
    fetch() {
      pending ??= load().then(
        (component) => {
          handle.ready = component
          return component
        },
        (e: unknown) => {
          pending = null // a failed fetch is tried again by the next render or prefetch
          throw e
        },
      )
      return pending
    },
  }
  return handle
}

/**
 * Renders a chunk's component directly once it is here, through React.lazy (and the nearest
 * Suspense) until then: React.lazy alone suspends on its first render even when the chunk was
 * fetched long before.
 */
function FromChunk<P extends object>({ of, props }: { of: Chunk<P>; props: P }) {
  const Component = of.ready ?? of.Lazy
  return <Component {...props} />
}

const inspector = chunk(() => import('./panels/Inspector').then((m) => m.Inspector))
const alerts = chunk(() => import('./panels/Alerts').then((m) => m.Alerts))
const decisions = chunk(() => import('./panels/DecisionLog').then((m) => m.DecisionLog))
const planners = chunk(() => import('./plugins/PlannersDialog').then((m) => m.PlannersDialog))

export function Inspector() {
  return <FromChunk of={inspector} props={{}} />
}
export function Alerts() {
  return <FromChunk of={alerts} props={{}} />
}
export function DecisionLog() {
  return <FromChunk of={decisions} props={{}} />
}
export function PlannersDialog(props: ComponentProps<typeof PlannersDialogType>) {
  return <FromChunk of={planners} props={props} />
}

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
