// Alerts: what the maintenance planner says now (severity, component, predicted failure time,
// lead, rationale), conjunction warnings, and the history of alert-like events.

import { useMemo } from 'react'
import type { SimEvent } from '../../core/events'
import { currentEvents } from '../../store/simStore'
import { EVENT_LABEL, positioned } from '../events'
import { COMPONENT_LABEL, formatDuration, formatNumber, formatOffset } from '../format'
import { useApp, useSession, useSim } from '../session-context'
import { StrategyTabs, useFocusedSim } from './StrategyTabs'

const ALERTISH: ReadonlySet<SimEvent['type']> = new Set([
  'alert',
  'conjunctionWarning',
  'lowPower',
  'componentFailed',
  'satelliteFailed',
  'collision',
  'plannerFault',
])

export function Alerts() {
  const session = useSession()
  const { sim } = useFocusedSim()
  const timeS = useApp((s) => s.timeS)
  const alerts = useSim(sim!, (s) => s.alerts)
  const conjunctions = useSim(sim!, (s) => s.conjunctions)
  const history = useSim(sim!, (s) => s.history)
  const eventCount = useSim(sim!, (s) => s.eventCount)
  const events = useMemo(() => currentEvents({ history, eventCount }), [history, eventCount])
  /**
   * The rationale of a standing alert: the latest alert event on that satellite and component of
   * the same severity (a later critical alert's words do not belong on a warning's card).
   */
  const rationale = useMemo(() => {
    const m = new Map<string, SimEvent>()
    for (const e of events)
      if (e.type === 'alert') m.set(`${e.satellite}/${e.component}/${e.data?.severity ?? ''}`, e)
    return m
  }, [events])
  /** Satellites lost so far: their alerts are closed, not standing. */
  const lost = useMemo(
    () => new Set(events.filter((e) => e.type === 'satelliteFailed').map((e) => e.satellite)),
    [events],
  )
  const past = useMemo(
    () =>
      positioned(events)
        .filter(({ e }) => ALERTISH.has(e.type))
        .reverse(),
    [events],
  )
  if (!sim) return null
  const standing = alerts.filter((a) => !lost.has(a.satellite))
  const sorted = [...standing].sort(
    (a, b) => (a.severity === b.severity ? 0 : a.severity === 'critical' ? -1 : 1) || a.atS - b.atS,
  )
  return (
    <div className="alerts">
      <StrategyTabs />
      <h2 className="section-title">
        Standing alerts <span className="count">{standing.length}</span>
      </h2>
      {standing.length < alerts.length ? (
        <p className="muted small" data-testid="alerts-closed">
          {alerts.length - standing.length} alert(s) on satellites since lost are closed.
        </p>
      ) : null}
      {sorted.length === 0 ? (
        <p className="muted">No standing alerts.</p>
      ) : (
        <ul className="cards" data-testid="alert-list">
          {sorted.map((a) => {
            const why = rationale.get(`${a.satellite}/${a.component}/${a.severity}`)
            return (
              <li key={`${a.satellite}/${a.component}`} className={`card sev-${a.severity}`}>
                <div className="card-head">
                  <span className={`sev sev-${a.severity}`}>{a.severity}</span>
                  <button type="button" className="linkish" onClick={() => session.select(a.satellite)}>
                    {a.satellite}
                  </button>
                  <span className="muted">{COMPONENT_LABEL[a.component] ?? a.component}</span>
                  <span className="spacer" />
                  <span className="muted small">raised {formatOffset(a.atS)}</span>
                </div>
                <p className="predicted">
                  {a.predictedFailureS === null
                    ? 'No failure time predicted.'
                    : a.predictedFailureS > timeS
                      ? `Predicted failure at ${formatOffset(a.predictedFailureS)} — in ${formatDuration(a.predictedFailureS - timeS)}.`
                      : `Predicted failure at ${formatOffset(a.predictedFailureS)} (passed).`}
                </p>
                {why ? <p className="why">{why.message}</p> : null}
                <p className="muted small">by {a.planner}</p>
              </li>
            )
          })}
        </ul>
      )}
      {conjunctions.length > 0 ? (
        <>
          <h2 className="section-title">Conjunctions</h2>
          <ul className="cards">
            {conjunctions.map((c) => (
              <li key={`${c.satellite}-${c.tcaS}`} className="card sev-warning">
                <div className="card-head">
                  <span className="sev sev-warning">conjunction</span>
                  <button type="button" className="linkish" onClick={() => session.select(c.satellite)}>
                    {c.satellite}
                  </button>
                  <span className="spacer" />
                  <button type="button" className="linkish small" onClick={() => session.seek(c.tcaS)}>
                    TCA {formatOffset(c.tcaS)}
                  </button>
                </div>
                <p className="why">Predicted miss distance {formatNumber(c.predictedMissM)} m.</p>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h2 className="section-title">
        History <span className="count">{past.length}</span>
      </h2>
      {past.length === 0 ? (
        <p className="muted">Nothing yet.</p>
      ) : (
        <ul className="event-list" data-testid="alert-history">
          {past.slice(0, 300).map(({ e, at }) => (
            <li key={at}>
              <button
                type="button"
                className="event-row"
                onClick={() => session.seek(e.t)}
                title="Jump to this time"
              >
                <span className="when">{formatOffset(e.t)}</span>
                <span className={`kind k-${e.type}`}>
                  {e.type === 'alert' ? (e.data?.severity ?? 'alert') : EVENT_LABEL[e.type]}
                </span>
                <span className="msg">{e.message}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
