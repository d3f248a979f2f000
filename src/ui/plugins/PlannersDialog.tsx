// "Strategies…": the planners a strategy can use (built-in and the user's own, with "Load
// planner…"), the strategy editor, and the user's strategies so far. A modal dialog that Escape
// or a click outside closes; everything in it stays when it is closed.

import { useEffect, useRef } from 'react'
import { removeStrategy, type UserStrategy } from '../../store/plannerStore'
import { loadCatalog } from '../../store/plugins'
import { usePlanners, usePlugins } from './context'
import { PlannerList } from './PlannerList'
import { StrategyEditor } from './StrategyEditor'
import './plugins.css'

function UserStrategies() {
  const deps = usePlugins()
  const strategies = usePlanners((s) => s.strategies)
  if (strategies.length === 0) return null
  return (
    <section className="user-strategies" aria-label="Your strategies" data-testid="user-strategies">
      <h3>Your strategies</h3>
      <ul>
        {strategies.map((s) => (
          <li key={s.name}>
            <strong>{s.name}</strong>{' '}
            <span className="muted small">{Object.values(s.planners).join(' · ') || '(no planners)'}</span>
            <button
              type="button"
              className="button small"
              onClick={() => removeStrategy(deps.planners, s.name)}
            >
              Remove
            </button>
          </li>
        ))}
      </ul>
    </section>
  )
}

export function PlannersDialog({ onSaved }: { onSaved(strategy: UserStrategy): void }) {
  const deps = usePlugins()
  const open = usePlanners((s) => s.editorOpen)
  const close = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    if (!open) return
    close.current?.focus()
    void loadCatalog(deps)
  }, [open, deps])
  if (!open) return null
  const hide = () => deps.planners.setState({ editorOpen: false })
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: a click on the backdrop closes the dialog; Escape does too
    <div
      className="overlay"
      onClick={hide}
      onKeyDown={(e) => e.key === 'Escape' && hide()}
      role="presentation"
    >
      <div
        className="dialog planners-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="planners-title"
        data-testid="planners-dialog"
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => e.key === 'Escape' && hide()}
      >
        <header>
          <h2 id="planners-title">Planners and strategies</h2>
          <button
            ref={close}
            type="button"
            className="button small"
            onClick={hide}
            data-testid="planners-close"
          >
            Close
          </button>
        </header>
        <div className="planners-columns">
          <PlannerList />
          <div>
            <StrategyEditor onSaved={onSaved} />
            <UserStrategies />
          </div>
        </div>
      </div>
    </div>
  )
}
