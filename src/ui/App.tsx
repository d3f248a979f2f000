// The app's frame: the top bar (scenario, banner, help), the run bar (strategies, seed), the 3D
// viewports, the timeline under them, and the tabbed side panel. Files dropped anywhere load as
// scenarios (.json) or planner modules (.js, .mjs, .ts); keyboard shortcuts work everywhere
// outside text fields.

import { type DragEvent, Suspense, useEffect, useState } from 'react'
import type { PanelTab } from '../store/appStore'
import { MAX_STRATEGIES } from '../worker/protocol'
import { HelpOverlay } from './HelpOverlay'
import { useKeyboard } from './keyboard'
import {
  Alerts,
  Compare,
  DecisionLog,
  Inspector,
  Metrics,
  PlannersDialog,
  prefetchPanels,
} from './lazy-panels'
import { LoadErrors, Messages } from './Notices'
import { Overview } from './panels/Overview'
import { usePlanners, usePlugins } from './plugins/context'
import { openAnyFile } from './plugins/drop'
import { RunBar } from './RunBar'
import { useApp, useSession } from './session-context'
import { Timeline } from './Timeline'
import { TopBar } from './TopBar'
import { Viewports } from './Viewports'

const TABS: { id: PanelTab; label: string }[] = [
  { id: 'overview', label: 'Overview' },
  { id: 'inspector', label: 'Satellite' },
  { id: 'alerts', label: 'Alerts' },
  { id: 'decisions', label: 'Log' },
  { id: 'metrics', label: 'Charts' },
  { id: 'compare', label: 'Compare' },
]

/**
 * The Alerts tab's count: the most alerts any shown strategy has. It re-renders when that number
 * changes, not on every digest (≈ 2 Hz while playing, each a main-thread render).
 */
function AlertsBadge() {
  const sims = useApp((s) => s.sims)
  const [alerts, setAlerts] = useState(0)
  useEffect(() => {
    const read = () => setAlerts(sims.reduce((n, sim) => Math.max(n, sim.getState().alerts.length), 0))
    read()
    const offs = sims.map((sim) => sim.subscribe(read))
    return () => {
      for (const off of offs) off()
    }
  }, [sims])
  return alerts > 0 ? <span className="badge">{alerts}</span> : null
}

function SidePanel() {
  const session = useSession()
  const tab = useApp((s) => s.tab)
  const ready = useApp((s) => s.sims.length > 0 && s.scenario !== null)
  const compare = useApp((s) => s.sims.length > 1)
  return (
    <aside className="panel" aria-label="Details">
      <div className="tabs" role="tablist" aria-label="Panels">
        {TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls="panel-body"
            className={`tab${tab === t.id ? ' on' : ''}${t.id === 'compare' && compare ? ' hot' : ''}`}
            onClick={() => session.setTab(t.id)}
            data-testid={`tab-${t.id}`}
          >
            {t.label}
            {t.id === 'alerts' ? <AlertsBadge /> : null}
          </button>
        ))}
      </div>
      <div
        className="panel-body"
        id="panel-body"
        role="tabpanel"
        aria-labelledby={`tab-${tab}`}
        data-testid="panel"
      >
        {!ready ? (
          <p className="muted">Loading the scenario…</p>
        ) : tab === 'overview' ? (
          <Overview />
        ) : (
          // Every other tab is a chunk of its own (lazy-panels.ts).
          <Suspense fallback={<p className="muted">Loading…</p>}>
            {tab === 'inspector' ? (
              <Inspector />
            ) : tab === 'alerts' ? (
              <Alerts />
            ) : tab === 'decisions' ? (
              <DecisionLog />
            ) : tab === 'metrics' ? (
              <Metrics />
            ) : (
              <Compare />
            )}
          </Suspense>
        )}
      </div>
    </aside>
  )
}

export function App() {
  const session = useSession()
  const plugins = usePlugins()
  useKeyboard(session)
  const [dragging, setDragging] = useState(false)
  const plannersOpen = usePlanners((s) => s.editorOpen)
  useEffect(() => prefetchPanels(), [])
  const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer.types).includes('Files')
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: the whole page is a drop target for scenario files
    <div
      className="app"
      onDragOver={(e) => {
        if (!hasFiles(e)) return
        e.preventDefault()
        e.dataTransfer.dropEffect = 'copy'
        setDragging(true)
      }}
      onDragLeave={(e) => {
        if (e.currentTarget === e.target || !e.currentTarget.contains(e.relatedTarget as Node))
          setDragging(false)
      }}
      onDrop={(e) => {
        if (!hasFiles(e)) return
        e.preventDefault()
        setDragging(false)
        const file = e.dataTransfer.files[0]
        if (file) void openAnyFile(session, plugins, file)
      }}
    >
      <TopBar />
      <RunBar />
      <Viewports />
      <Timeline />
      <SidePanel />
      <div className="notices">
        <LoadErrors />
        <Messages />
      </div>
      <HelpOverlay />
      {plannersOpen ? (
        <Suspense fallback={null}>
          <PlannersDialog
            onSaved={(strategy) => {
              plugins.planners.setState({ editorOpen: false })
              const shown = session.app.getState().strategies.filter((n) => n !== strategy.name)
              session.setStrategies([...shown, strategy.name].slice(-MAX_STRATEGIES))
            }}
          />
        </Suspense>
      ) : null}
      {dragging ? (
        <div className="drop-zone" aria-hidden="true">
          Drop a scenario (.json), an element-set file (.tle, .3le, .txt, OMM .json or .csv), a planner module
          (.js, .mjs, .ts) or a recording of an agent run (.jsonl) to load it
        </div>
      ) : null}
    </div>
  )
}
