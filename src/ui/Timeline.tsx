// Time control under the viewport: start / step back / play-pause / step / next event, the speed,
// the simulated UTC clock, and the scrub bar over the whole scenario with markers for what was
// planned (from the scenario file) and what happened (from the run). The clock and the cursor
// follow the frames through requestAnimationFrame and DOM writes, not React renders.

import {
  type PointerEvent as ReactPointerEvent,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react'
import { SPEEDS, type Speed } from '../worker/protocol'
import { useDisplayTime, writeText } from './display-time'
import { CATEGORY_LABEL, happenedMarkers, type Marker, plannedMarkers } from './events'
import { formatClock, formatOffset, formatUtc, groupThousands } from './format'
import { useApp, useSession } from './session-context'

/** Small inline icons: the symbol fonts of a headless machine cannot be relied on. */
function Icon({ name }: { name: 'start' | 'back' | 'play' | 'pause' | 'step' }) {
  const paths: Record<typeof name, string> = {
    start: 'M3 3h2v10H3zM13 3v10L6 8z',
    back: 'M11 3h2v10h-2zM10 3v10L3 8z',
    play: 'M4 2.5v11L13.5 8z',
    pause: 'M4 3h3v10H4zM9 3h3v10H9z',
    step: 'M3 3h2v10H3zM6 3v10l7-5z',
  }
  return (
    <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d={paths[name]} fill="currentColor" />
    </svg>
  )
}

function speedLabel(s: Speed): string {
  if (s === 'max') return 'Max'
  return `${Number.isInteger(s) ? groupThousands(s) : s.toLocaleString('en-US')}×`
}

export function SimClock() {
  const epochMs = useApp((s) => s.scenario?.epochMs ?? Number.NaN)
  const utc = useRef<HTMLSpanElement>(null)
  const rel = useRef<HTMLSpanElement>(null)
  const box = useRef<HTMLDivElement>(null)
  const last = useRef(0)
  // The spans have no React children: their text is written here only (React would otherwise
  // try to update a text node this code replaced).
  const show = (t: number) => {
    last.current = t
    writeText(utc.current, formatUtc(epochMs, t))
    writeText(rel.current, formatOffset(t))
    if (box.current) box.current.dataset.timeS = String(t)
  }
  useDisplayTime(show)
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new epoch rewrites the text now
  useLayoutEffect(() => show(last.current), [epochMs])
  return (
    <div className="clock" ref={box} data-testid="sim-time" aria-live="off">
      <span className="clock-utc" ref={utc} />
      <span className="clock-rel" ref={rel} />
    </div>
  )
}

function Controls() {
  const session = useSession()
  const playing = useApp((s) => s.playing)
  const speed = useApp((s) => s.speed)
  const done = useApp((s) => s.done)
  const busy = useApp((s) => s.busy)
  const loaded = useApp((s) => s.scenario !== null)
  // Nothing lies before T+0: going back is not possible there.
  const atStart = useApp((s) => s.stepIndex === 0 && s.timeS <= 0)
  return (
    <div className="controls" role="toolbar" aria-label="Time controls">
      <button
        type="button"
        className="button icon"
        onClick={session.toStart}
        disabled={!loaded || atStart}
        title="Back to the start (Home)"
        aria-label="Back to the start"
        data-testid="to-start"
      >
        <Icon name="start" />
      </button>
      <button
        type="button"
        className="button icon"
        onClick={session.stepBack}
        disabled={!loaded || atStart}
        title="Step back (←)"
        aria-label="Step back"
        data-testid="step-back"
      >
        <Icon name="back" />
      </button>
      <button
        type="button"
        className="button icon play"
        onClick={session.togglePlay}
        disabled={!loaded}
        title={playing ? 'Pause (space)' : done ? 'Play again from the start (space)' : 'Play (space)'}
        aria-label={playing ? 'Pause' : 'Play'}
        aria-pressed={playing}
        data-testid="play"
      >
        <Icon name={playing ? 'pause' : 'play'} />
      </button>
      <button
        type="button"
        className="button icon"
        onClick={session.step}
        disabled={!loaded || done}
        title="Step forward (→)"
        aria-label="Step forward"
        data-testid="step"
      >
        <Icon name="step" />
      </button>
      <button
        type="button"
        className="button"
        onClick={session.nextEvent}
        disabled={!loaded || done}
        title="Run to the next failure, alert, manoeuvre or outage (N)"
        data-testid="next-event"
      >
        Next event
      </button>
      <label className="speed">
        <span className="visually-hidden">Speed</span>
        <select
          value={String(speed)}
          data-testid="speed"
          title="Simulated time per wall-clock second"
          onChange={(e) => session.setSpeed(e.target.value === 'max' ? 'max' : Number(e.target.value))}
        >
          {SPEEDS.map((s) => (
            <option key={String(s)} value={String(s)}>
              {speedLabel(s)}
            </option>
          ))}
        </select>
      </label>
      <SimClock />
      {busy ? (
        <span className="busy" role="status" data-testid="busy">
          {busy.label}… {Math.round(busy.fraction * 100)} %
        </span>
      ) : null}
    </div>
  )
}

/** Hour ticks for the scrub bar: about 6–12 labelled ones over the run. */
function ticks(durationS: number): number[] {
  const steps = [600, 1800, 3600, 7200, 10800, 21600, 43200, 86400, 172800, 604800]
  const step = steps.find((s) => durationS / s <= 12) ?? 604800
  const out: number[] = []
  for (let t = 0; t <= durationS + 1e-6; t += step) out.push(t)
  return out
}

function axisLabel(t: number, durationS: number): string {
  if (durationS <= 72 * 3600) {
    const h = t / 3600
    return Number.isInteger(h)
      ? `${h}h`
      : `${Math.floor(h)}h${String(Math.round((h % 1) * 60)).padStart(2, '0')}`
  }
  return formatOffset(t).replace('T+', '')
}

function MarkerButton({ m, durationS, row }: { m: Marker; durationS: number; row: 'planned' | 'happened' }) {
  const session = useSession()
  const left = (100 * m.t) / durationS
  const width = m.endT !== undefined ? (100 * (Math.min(m.endT, durationS) - m.t)) / durationS : 0
  const title = `${formatOffset(m.t)} · ${CATEGORY_LABEL[m.category]}${m.count > 1 ? ` (${m.count})` : ''}\n${m.label}`
  return (
    <button
      type="button"
      className={`marker ${row} cat-${m.category}${width > 0 ? ' span' : ''}`}
      style={{ left: `${left}%`, width: width > 0 ? `${width}%` : undefined }}
      title={title}
      aria-label={`${row === 'planned' ? 'Planned' : 'Happened'} at ${formatOffset(m.t)}: ${m.label.split('\n')[0]}`}
      data-testid={`marker-${row}`}
      data-t={m.t}
      data-category={m.category}
      onClick={(e) => {
        e.stopPropagation()
        session.seek(m.t)
      }}
      onPointerDown={(e) => e.stopPropagation()}
    />
  )
}

function ScrubBar() {
  const session = useSession()
  const scenario = useApp((s) => s.scenario)
  const sims = useApp((s) => s.sims)
  const timeS = useApp((s) => s.timeS)
  const durationS = scenario?.durationS ?? 1
  const track = useRef<HTMLDivElement>(null)
  const cursor = useRef<HTMLDivElement>(null)
  const fill = useRef<HTMLDivElement>(null)
  const [hover, setHover] = useState<{ x: number; t: number } | null>(null)
  const drag = useRef<{ last: number; pending: number | null; timer: number } | null>(null)
  // Re-render the happened markers when any strategy's log grows.
  const [, setRevision] = useState(0)
  useEffect(() => {
    const unsubs = sims.map((sim) =>
      sim.subscribe((s, p) => s.history !== p.history && setRevision((r) => r + 1)),
    )
    return () => {
      for (const u of unsubs) u()
    }
  }, [sims])

  useDisplayTime((t) => {
    const pct = `${Math.max(0, Math.min(100, (100 * t) / durationS))}%`
    if (cursor.current) cursor.current.style.left = pct
    if (fill.current) fill.current.style.width = pct
  })

  const planned = useMemo(() => (scenario ? plannedMarkers(scenario) : []), [scenario])
  const bucket = durationS / 160
  const happened = sims.flatMap((sim) => {
    const s = sim.getState()
    return happenedMarkers(s.history, bucket, sims.length > 1 ? s.strategy : undefined)
  })
  const simulatedTo = Math.max(timeS, ...sims.map((sim) => sim.getState().seriesT.at(-1) ?? 0))

  const timeAt = (clientX: number): number => {
    const r = track.current!.getBoundingClientRect()
    const f = Math.max(0, Math.min(1, (clientX - r.left) / r.width))
    return f * durationS
  }
  const down = (e: ReactPointerEvent<HTMLDivElement>) => {
    if (!scenario) return
    e.currentTarget.setPointerCapture(e.pointerId)
    const t = timeAt(e.clientX)
    session.seek(t)
    drag.current = { last: performance.now(), pending: null, timer: 0 }
  }
  const move = (e: ReactPointerEvent<HTMLDivElement>) => {
    if (!scenario || !track.current) return
    const r = track.current.getBoundingClientRect()
    const t = timeAt(e.clientX)
    setHover({ x: e.clientX - r.left, t })
    const d = drag.current
    if (!d) return
    // While dragging, seek at most ~6 times a second, and once more at the end.
    d.pending = t
    if (performance.now() - d.last > 160) {
      d.last = performance.now()
      d.pending = null
      session.seek(t)
    }
  }
  const up = () => {
    const d = drag.current
    drag.current = null
    if (d?.pending !== null && d?.pending !== undefined) session.seek(d.pending)
  }

  return (
    <div className="scrub">
      <div className="scrub-row planned-row">
        <span className="row-label">Planned</span>
        <div className="row-track">
          {planned.map((m) => (
            <MarkerButton key={`${m.category}@${m.t}@${m.label}`} m={m} durationS={durationS} row="planned" />
          ))}
        </div>
      </div>
      <div
        className="scrub-track"
        ref={track}
        data-testid="scrub"
        role="slider"
        tabIndex={0}
        aria-label="Scenario time"
        aria-valuemin={0}
        aria-valuemax={durationS}
        aria-valuenow={Math.round(timeS)}
        aria-valuetext={formatOffset(timeS)}
        onPointerDown={down}
        onPointerMove={move}
        onPointerUp={up}
        onPointerCancel={up}
        onPointerLeave={() => setHover(null)}
        onKeyDown={(e) => {
          // The slider's own keys: PageUp / PageDown jump by a tenth of the run.
          if (e.key === 'PageUp' || e.key === 'PageDown') {
            e.preventDefault()
            session.seek(timeS + (e.key === 'PageUp' ? -1 : 1) * (durationS / 10))
          }
        }}
      >
        <div className="scrub-known" style={{ width: `${(100 * simulatedTo) / durationS}%` }} />
        <div className="scrub-fill" ref={fill} />
        {happened.map((m) => (
          <MarkerButton key={`${m.label}@${m.category}@${m.t}`} m={m} durationS={durationS} row="happened" />
        ))}
        <div className="scrub-cursor" ref={cursor} />
        {hover ? (
          <div className="scrub-hover" style={{ left: hover.x }}>
            {formatOffset(hover.t)} · {scenario ? formatClock(scenario.epochMs, hover.t) : ''}
          </div>
        ) : null}
      </div>
      <div className="scrub-axis" aria-hidden="true">
        {ticks(durationS).map((t) => (
          <span key={t} style={{ left: `${(100 * t) / durationS}%` }}>
            {axisLabel(t, durationS)}
          </span>
        ))}
      </div>
    </div>
  )
}

export function Timeline() {
  return (
    <section className="timeline" aria-label="Timeline">
      <Controls />
      <ScrubBar />
    </section>
  )
}
