// Compare mode's "where they diverged": grouped by strategy pair and kind of action, the first few
// groups shown and the rest behind "show all"; each group jumps to its first moment.

import { useState } from 'react'
import type { SimEvent } from '../../core'
import { divergenceGroups } from '../divergence-groups'
import { formatOffset, plural } from '../format'
import { useSession } from '../session-context'
import { STRATEGY_COLOURS } from '../strategy-colours'

/** Groups shown before "show all". */
const FIRST_GROUPS = 6

export function Divergences({ names, logs }: { names: string[]; logs: readonly (readonly SimEvent[])[] }) {
  const session = useSession()
  const [all, setAll] = useState(false)
  const groups = divergenceGroups(logs)
  const shown = all ? groups : groups.slice(0, FIRST_GROUPS)
  const name = (k: number) => (
    <span className="strategy-name" style={{ color: STRATEGY_COLOURS[k % STRATEGY_COLOURS.length] }}>
      {names[k]}
    </span>
  )
  return (
    <>
      <h2 className="section-title">
        Where they diverged <span className="count">{groups.length}</span>
      </h2>
      {groups.length === 0 ? (
        <p className="muted">So far every strategy's planners did the same things.</p>
      ) : (
        <ol className="divergences" data-testid="divergences">
          {shown.map((g, i) => (
            <li
              key={`${g.a}/${g.b}/${g.kind}`}
              className={i === 0 ? 'first' : undefined}
              data-testid="divergence-group"
            >
              <div>
                {name(g.a)} vs {name(g.b)} · {g.label} · {plural(g.times.length, 'moment')},{' '}
                <button
                  type="button"
                  className="linkish when"
                  onClick={() => session.seek(g.times[0])}
                  data-testid="divergence"
                  data-t={g.times[0]}
                >
                  first at {formatOffset(g.times[0])}
                </button>
              </div>
              <ul>
                <li className="one-line">
                  {name(g.a)}: {g.first.a ? g.first.a.message : 'nothing of this kind'}
                </li>
                <li className="one-line">
                  {name(g.b)}: {g.first.b ? g.first.b.message : 'nothing of this kind'}
                </li>
              </ul>
            </li>
          ))}
        </ol>
      )}
      {groups.length > FIRST_GROUPS ? (
        <button type="button" className="linkish" onClick={() => setAll(!all)} data-testid="divergence-all">
          {all ? 'Show the first few' : `Show all ${groups.length}`}
        </button>
      ) : null}
    </>
  )
}
