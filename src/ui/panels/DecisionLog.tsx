// The decision log: what the planners decided and why (every decision carries its rationale),
// filterable by satellite and by kind. In compare mode, entries the other strategies did not
// also do are highlighted as divergences. A click jumps the time there.

import { useMemo, useState } from 'react'
import type { SimEvent } from '../../core/events'
import { currentEvents } from '../../store/simStore'
import { divergences, EVENT_LABEL, positioned } from '../events'
import { formatOffset } from '../format'
import { useAllSims, useSession, useSim } from '../session-context'
import { StrategyTabs, useFocusedSim } from './StrategyTabs'

const ACTIONS: ReadonlySet<SimEvent['type']> = new Set([
  'decision',
  'alert',
  'maneuverExecuted',
  'maneuverRefused',
  'plannerFault',
  'slotFilled',
])

export const KIND_FILTERS: { value: string; label: string; test: (e: SimEvent) => boolean }[] = [
  { value: 'actions', label: 'All actions', test: (e) => ACTIONS.has(e.type) },
  { value: 'decision', label: 'Decisions', test: (e) => e.type === 'decision' },
  { value: 'alert', label: 'Alerts', test: (e) => e.type === 'alert' },
  {
    value: 'maneuver',
    label: 'Manoeuvres',
    test: (e) => e.type === 'maneuverExecuted' || e.type === 'maneuverRefused',
  },
  { value: 'fault', label: 'Planner faults', test: (e) => e.type === 'plannerFault' },
  {
    value: 'trajectory',
    label: 'Trajectory planner',
    test: (e) => e.planner?.startsWith('trajectory') ?? false,
  },
  {
    value: 'allocation',
    label: 'Allocation planner',
    test: (e) => e.planner?.startsWith('allocation') ?? false,
  },
  {
    value: 'maintenance',
    label: 'Maintenance planner',
    test: (e) => e.planner?.startsWith('maintenance') ?? false,
  },
  { value: 'all', label: 'Every event', test: () => true },
]

const LIMIT = 400

export function DecisionLog() {
  const session = useSession()
  const { sim, index, count } = useFocusedSim()
  const history = useSim(sim!, (s) => s.history)
  const eventCount = useSim(sim!, (s) => s.eventCount)
  const all = useAllSims()
  const logs = useMemo(() => all.map((s) => currentEvents(s)), [all])
  const [satellite, setSatellite] = useState('')
  const [kind, setKind] = useState('actions')
  const events = useMemo(() => currentEvents({ history, eventCount }), [history, eventCount])
  const diverged = useMemo(
    () => (count > 1 ? divergences(logs).diverged[index] : new Set<SimEvent>()),
    [logs, count, index],
  )
  const satellites = useMemo(
    () => [...new Set(events.map((e) => e.satellite).filter(Boolean) as string[])].sort(),
    [events],
  )
  const test = KIND_FILTERS.find((k) => k.value === kind)?.test ?? (() => true)
  const rows = positioned(events)
    .filter(({ e }) => test(e) && (!satellite || e.satellite === satellite))
    .reverse()
  return (
    <div className="decisions">
      <StrategyTabs />
      <div className="filters">
        <label>
          Kind
          <select value={kind} onChange={(e) => setKind(e.target.value)} data-testid="log-kind">
            {KIND_FILTERS.map((k) => (
              <option key={k.value} value={k.value}>
                {k.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Satellite
          <select
            value={satellite}
            onChange={(e) => setSatellite(e.target.value)}
            data-testid="log-satellite"
          >
            <option value="">All</option>
            {satellites.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="muted small">
        {rows.length} of {events.length} events{count > 1 ? ' · highlighted: not done by every strategy' : ''}
      </p>
      {rows.length === 0 ? (
        <p className="muted">No matching entries yet.</p>
      ) : (
        <ul className="event-list log" data-testid="decision-log">
          {rows.slice(0, LIMIT).map(({ e, at }) => (
            <li key={at} className={diverged.has(e) ? 'diverged' : undefined}>
              <button
                type="button"
                className="event-row"
                onClick={() => session.seek(e.t)}
                title="Jump to this time"
              >
                <span className="when">{formatOffset(e.t)}</span>
                <span className={`kind k-${e.type}`}>{EVENT_LABEL[e.type] ?? e.type}</span>
                <span className="msg">
                  {e.satellite ? <strong>{e.satellite} </strong> : null}
                  {e.message}
                  {e.planner ? <span className="planner"> — {e.planner}</span> : null}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {rows.length > LIMIT ? (
        <p className="muted small">Showing the latest {LIMIT}; filter to see more.</p>
      ) : null}
    </div>
  )
}
