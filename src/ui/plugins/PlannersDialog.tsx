// "Strategies…": the planners a strategy can use (built-in and the user's own, with "Load
// planner…"), the strategy editor, and the user's strategies so far. A modal dialog that Escape
// or a click outside closes; everything in it stays when it is closed.

import { useEffect } from 'react'
import { removeStrategy, type UserStrategy } from '../../store/plannerStore'
import { loadCatalog } from '../../store/plugins'
import { Modal } from '../Modal'
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
  useEffect(() => {
    if (open) void loadCatalog(deps)
  }, [open, deps])
  if (!open) return null
  return (
    <Modal
      title="Planners and strategies"
      name="planners"
      className="planners-dialog"
      onClose={() => deps.planners.setState({ editorOpen: false })}
    >
      <div className="planners-columns">
        <PlannerList />
        <div>
          <StrategyEditor onSaved={onSaved} />
          <UserStrategies />
        </div>
      </div>
    </Modal>
  )
}
