// In compare mode, which strategy a panel describes (shared by the inspector, alerts and log).

import type { SimStore } from '../../store/simStore'
import { useApp, useSession } from '../session-context'

export function useFocusedSim(): { sim: SimStore | undefined; index: number; count: number } {
  const sims = useApp((s) => s.sims)
  const focus = useApp((s) => s.focusStrategy)
  const index = Math.max(0, Math.min(focus, sims.length - 1))
  return { sim: sims[index], index, count: sims.length }
}

export function StrategyTabs() {
  const session = useSession()
  const strategies = useApp((s) => s.strategies)
  const focus = useApp((s) => s.focusStrategy)
  if (strategies.length < 2) return null
  return (
    <div className="segmented" role="tablist" aria-label="Strategy">
      {strategies.map((name, k) => (
        <button
          key={name}
          type="button"
          role="tab"
          aria-selected={k === focus}
          className={k === focus ? 'on' : ''}
          onClick={() => session.app.setState({ focusStrategy: k })}
          data-testid={`focus-${name}`}
        >
          {name}
        </button>
      ))}
    </div>
  )
}
