// The inspector: a list of every satellite (keyboard- and test-friendly selection besides a
// click in the scene) and, for the selected one, its orbit, position, resources, component
// health with sparklines, its next contact and the events that touched it.

import { useMemo, useState } from 'react'
import type { SimEvent } from '../../core/events'
import { STATUS_HEX } from '../../scene/palette'
import { currentEvents, type SimStore } from '../../store/simStore'
import type { SatelliteDetail } from '../../worker/protocol'
import { EVENT_LABEL, positioned } from '../events'
import { formatDuration, formatNumber, formatOffset, formatPercent } from '../format'
import { Sparkline } from '../Sparkline'
import { useApp, useSession, useSim } from '../session-context'
import { StrategyTabs, useFocusedSim } from './StrategyTabs'

const LIST_LIMIT = 300
const STATUS_INDEX = { nominal: 0, alert: 1, failed: 2, maneuvering: 3, safe: 4, decayed: 5 } as const
const COMPONENT_LABEL: Record<string, string> = {
  reactionWheel: 'Reaction wheel',
  battery: 'Battery',
  thruster: 'Thruster',
}
const deg = (rad: number) => (rad * 180) / Math.PI

export function statusColor(status: number): string {
  return `#${(STATUS_HEX[status] ?? STATUS_HEX[0]).toString(16).padStart(6, '0')}`
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** Events that name the satellite, as the subject or in their message. */
export function eventsTouching(events: readonly SimEvent[], id: string): { e: SimEvent; at: number }[] {
  const word = new RegExp(`(^|[^A-Za-z0-9_-])${escapeRegExp(id)}($|[^A-Za-z0-9_-])`)
  return positioned(events).filter(({ e }) => e.satellite === id || word.test(e.message))
}

function SatelliteList({ sim }: { sim: SimStore | undefined }) {
  const session = useSession()
  const ids = useApp((s) => s.satelliteIds)
  const selected = useApp((s) => s.selected)
  // Status per satellite from the latest frame; refreshed with the digests (revision).
  useSim(sim ?? session.app.getState().sims[0], (s) => s.revision)
  const [filter, setFilter] = useState('')
  const frame = session.frame().current
  const index = session.app.getState().focusStrategy
  const status = frame?.frames[Math.min(index, frame.frames.length - 1)]?.status
  const matches = useMemo(() => {
    const f = filter.trim().toLowerCase()
    const all = ids.map((id, k) => ({ id, k }))
    return f ? all.filter((x) => x.id.toLowerCase().includes(f)) : all
  }, [ids, filter])
  return (
    <div className="sat-list-box">
      <input
        type="search"
        className="filter"
        placeholder={`Filter ${ids.length.toLocaleString('en-US')} satellites…`}
        aria-label="Filter satellites"
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
        data-testid="sat-filter"
      />
      <div className="sat-list" role="listbox" aria-label="Satellites" data-testid="sat-list">
        {matches.slice(0, LIST_LIMIT).map(({ id, k }) => (
          <button
            key={id}
            type="button"
            role="option"
            aria-selected={selected === id}
            className={`sat-row${selected === id ? ' on' : ''}`}
            onClick={() => session.select(selected === id ? null : id)}
            data-testid="sat-row"
            data-id={id}
          >
            <span className="dot" style={{ background: statusColor(status?.[k] ?? 0) }} />
            {id}
          </button>
        ))}
        {matches.length > LIST_LIMIT ? (
          <p className="muted small">
            {(matches.length - LIST_LIMIT).toLocaleString('en-US')} more — type to filter
          </p>
        ) : null}
      </div>
    </div>
  )
}

function Row({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div className="kv">
      <dt>{label}</dt>
      <dd data-testid={testId}>{value}</dd>
    </div>
  )
}

function Bar({ fraction, mark, label }: { fraction: number; mark?: number; label: string }) {
  const pct = Math.max(0, Math.min(1, fraction)) * 100
  return (
    // biome-ignore lint/a11y/useSemanticElements: a styled bar with a limit mark; <meter> cannot draw the mark
    <div
      className="bar"
      role="meter"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={pct}
    >
      <div className="bar-fill" style={{ width: `${pct}%` }} />
      {mark !== undefined ? <div className="bar-mark" style={{ left: `${mark * 100}%` }} /> : null}
    </div>
  )
}

function Detail({ d, sim }: { d: SatelliteDetail; sim: SimStore }) {
  const session = useSession()
  const scenario = useApp((s) => s.scenario)
  const timeS = useApp((s) => s.timeS)
  const history = useSim(sim, (s) => s.history)
  const eventCount = useSim(sim, (s) => s.eventCount)
  const touching = useMemo(
    () => eventsTouching(currentEvents({ history, eventCount }), d.id).reverse(),
    [history, eventCount, d.id],
  )
  const limit = scenario?.components.failureHealth
  const el = d.elements
  const c = d.nextContact
  return (
    <div className="detail" data-testid="sat-detail" data-id={d.id}>
      <div className="detail-head">
        <h2 data-testid="sat-id">{d.id}</h2>
        <span
          className="status"
          style={{ color: statusColor(STATUS_INDEX[d.status]) }}
          data-testid="sat-status"
        >
          ● {d.status}
        </span>
        <span className="tag">{d.role}</span>
        {d.plane !== null ? (
          <span className="muted small">
            plane {d.plane + 1}, slot {(d.slot ?? 0) + 1}
          </span>
        ) : null}
        <span className="spacer" />
        <button
          type="button"
          className="button small"
          onClick={() => session.app.setState((s) => ({ focusRequest: s.focusRequest + 1 }))}
        >
          Focus
        </button>
        <button type="button" className="button small" onClick={() => session.select(null)}>
          Clear
        </button>
      </div>

      <h3 className="subhead">Orbit {d.isTle ? '(from TLE, approximate)' : '(osculating)'}</h3>
      <dl className="kvs" data-testid="sat-orbit">
        <Row label="Semi-major axis" value={`${formatNumber(el.a / 1000, 4)} km`} />
        <Row label="Eccentricity" value={el.e < 1e-6 ? '< 0.000001' : formatNumber(el.e, 3)} />
        <Row label="Inclination" value={`${deg(el.i).toFixed(2)}°`} />
        <Row label="RAAN" value={`${deg(el.raan).toFixed(2)}°`} />
        <Row label="Arg. of perigee" value={`${deg(el.argp).toFixed(2)}°`} />
        <Row label="Mean anomaly" value={`${deg(el.m0).toFixed(2)}°`} />
      </dl>

      <h3 className="subhead">Where</h3>
      <dl className="kvs">
        <Row label="Altitude" value={`${d.altKm.toFixed(1)} km`} testId="sat-altitude" />
        <Row label="Latitude" value={`${d.latDeg.toFixed(2)}°`} testId="sat-lat" />
        <Row label="Longitude" value={`${d.lonDeg.toFixed(2)}°`} testId="sat-lon" />
        <Row label="Speed" value={`${d.speedKmS.toFixed(3)} km/s`} />
        <Row label="Light" value={d.sunlit ? 'sunlit' : 'in eclipse'} />
        <Row label="Mode" value={d.mode === 'edge' ? 'edge processing' : 'raw downlink'} />
      </dl>

      <h3 className="subhead">Resources</h3>
      <div className="resource">
        <span>Battery</span>
        <Bar fraction={d.soc} mark={d.minSoc} label="Battery state of charge" />
        <span className="num" data-testid="sat-battery">
          {formatPercent(d.soc)}
        </span>
      </div>
      <div className="resource">
        <span>Storage</span>
        <Bar fraction={d.storageMb > 0 ? d.storageUsedMb / d.storageMb : 0} label="Storage used" />
        <span className="num" data-testid="sat-storage">
          {formatNumber(d.storageUsedMb / 1000)} / {formatNumber(d.storageMb / 1000)} GB
        </span>
      </div>
      <div className="resource">
        <span>Propellant</span>
        <Bar
          fraction={d.propellantStartKg > 0 ? d.propellantKg / d.propellantStartKg : 0}
          label="Propellant left"
        />
        <span className="num" data-testid="sat-propellant">
          {formatNumber(d.propellantKg)} kg
        </span>
      </div>
      {!d.thrusterOk ? <p className="warn-text">Thruster out of service</p> : null}
      {d.pendingManeuvers > 0 ? <p className="muted small">{d.pendingManeuvers} burn(s) scheduled</p> : null}

      <h3 className="subhead">Component health</h3>
      <div className="components" data-testid="sat-health">
        {d.components.map((cpt) => (
          <div className="component" key={cpt.component}>
            <span className="component-name">{COMPONENT_LABEL[cpt.component] ?? cpt.component}</span>
            <Sparkline t={cpt.t} v={cpt.v} limit={limit} label={`${cpt.component} measured health`} />
            <span className={`num${cpt.failed ? ' bad' : ''}`}>
              {cpt.failed ? 'failed' : formatPercent(cpt.health)}
            </span>
          </div>
        ))}
      </div>

      <h3 className="subhead">Ground contact</h3>
      <p className="contact" data-testid="sat-contact">
        {d.linkStation ? `Transmitting to ${d.linkStation} now. ` : ''}
        {c
          ? c.startS <= timeS
            ? `In view of ${c.station} until ${formatOffset(c.endS)} (${formatDuration(c.endS - timeS)} left).`
            : `Next: ${c.station} at ${formatOffset(c.startS)}, in ${formatDuration(c.startS - timeS)}, for ${formatDuration(c.endS - c.startS)}.`
          : 'No contact in the next 12 h.'}
      </p>

      <h3 className="subhead">
        Decisions and events <span className="count">{touching.length}</span>
      </h3>
      {touching.length === 0 ? (
        <p className="muted small">Nothing has happened to {d.id} yet.</p>
      ) : (
        <ul className="event-list" data-testid="sat-events">
          {touching.slice(0, 200).map(({ e, at }) => (
            <li key={at}>
              <button
                type="button"
                className="event-row"
                onClick={() => session.seek(e.t)}
                title="Jump to this time"
              >
                <span className="when">{formatOffset(e.t)}</span>
                <span className={`kind k-${e.type}`}>{EVENT_LABEL[e.type] ?? e.type}</span>
                <span className="msg">{e.message}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}

export function Inspector() {
  const { sim } = useFocusedSim()
  const selected = useApp((s) => s.selected)
  const detail = useSim(sim!, (s) => s.selected)
  if (!sim) return <p className="muted">Loading…</p>
  return (
    <div className="inspector">
      <StrategyTabs />
      {selected && detail && detail.id === selected ? (
        <Detail d={detail} sim={sim} />
      ) : selected ? (
        <p className="muted" data-testid="sat-waiting">
          Reading {selected}…
        </p>
      ) : (
        <p className="muted">Select a satellite in the list below or click one in the 3D view.</p>
      )}
      <h3 className="subhead">Satellites</h3>
      <SatelliteList sim={sim} />
    </div>
  )
}
