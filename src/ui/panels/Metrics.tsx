// Metrics over time: one uPlot chart per metric, the strategies overlaid in their own colour and dash
// pattern (so identical curves still show), optionally as differences from one strategy, with the events
// marked (vertical lines: failures, alerts, manoeuvres, outages), limit lines (the battery's
// load-shedding state of charge) and the current time. Charts redraw with the digests (~2 Hz).

import { useEffect, useMemo, useRef, useState } from 'react'
import uPlot from 'uplot'
import 'uplot/dist/uPlot.min.css'
import { METRIC_BY_KEY, type MetricKey } from '../../core/metrics'
import type { ScenarioSpec } from '../../core/spec'
import type { SimStoreState } from '../../store/simStore'
import { EVENT_CATEGORY } from '../../worker/protocol'
import { formatNumber, formatOffset } from '../format'
import { useAllSims, useApp, useSession } from '../session-context'
import { CATEGORY_COLOURS, STRATEGY_COLOURS, STRATEGY_DASHES, StrategySwatch } from '../strategy-colours'

interface ChartSpec {
  key: MetricKey
  limit?: (spec: ScenarioSpec) => { value: number; label: string } | null
}

const CHARTS: ChartSpec[] = [
  { key: 'tasksCompleted' },
  { key: 'dataDeliveredGb' },
  {
    key: 'minBatterySoc',
    limit: (spec) => {
      const socs = spec.satellites.map((s) => s.bus.minSoc)
      if (socs.length === 0) return null
      return { value: Math.max(...socs) * 100, label: 'load-shedding limit' }
    },
  },
  { key: 'coveragePct' },
  { key: 'deltaVSpent' },
  { key: 'propellantLeftKg' },
  { key: 'failures' },
  { key: 'contactUtilisationPct' },
]

interface Overlay {
  markers: { t: number; colour: string }[]
  limit: { value: number; label: string } | null
  timeS: number
}

/** The series to plot; with `reference`, each strategy's value minus that strategy's at the same time. */
export function chartData(
  sims: SimStoreState[],
  key: MetricKey,
  reference: number | null = null,
): uPlot.AlignedData {
  if (sims.length === 0) return [[]]
  const n = Math.min(...sims.map((s) => s.seriesCount))
  const x = sims[0].seriesT.slice(0, n).map((t) => t / 3600)
  const base = reference === null ? null : sims[reference]?.seriesValues[key]
  const ys = sims.map((s) =>
    s.seriesValues[key].slice(0, n).map((v, i) => {
      if (v === null) return null
      if (!base) return v
      const b = base[i]
      return b === null ? null : v - b
    }),
  )
  return [x, ...ys] as uPlot.AlignedData
}

function Chart({
  spec,
  sims,
  overlay,
  reference,
}: {
  spec: ChartSpec
  sims: SimStoreState[]
  overlay: Overlay
  reference: number | null
}) {
  const session = useSession()
  const box = useRef<HTMLDivElement>(null)
  const plot = useRef<uPlot | null>(null)
  const over = useRef(overlay)
  over.current = overlay
  const scenario = useApp((s) => s.scenario)
  const def = METRIC_BY_KEY[spec.key]
  const names = sims.map((s) => s.strategy).join(',')
  const durationH = (scenario?.durationS ?? 3600) / 3600

  // biome-ignore lint/correctness/useExhaustiveDependencies: rebuilt when the strategies or the run change
  useEffect(() => {
    const el = box.current
    if (!el) return
    const opts: uPlot.Options = {
      width: Math.max(200, el.clientWidth),
      height: 150,
      legend: { show: false },
      cursor: { drag: { x: false, y: false }, points: { show: false } },
      scales: {
        x: { time: false, range: [0, durationH] },
        y: {
          // Keep a limit line inside the range so it is always in sight.
          range: (_u, min, max) => {
            const l = over.current.limit
            let lo = Number.isFinite(min) ? min : 0
            let hi = Number.isFinite(max) ? max : 1
            if (l) {
              lo = Math.min(lo, l.value)
              hi = Math.max(hi, l.value)
            }
            if (hi - lo < 1e-9) {
              lo -= 1
              hi += 1
            }
            const pad = (hi - lo) * 0.08
            return [lo - pad, hi + pad]
          },
        },
      },
      axes: [
        {
          stroke: '#9aabc4',
          grid: { stroke: '#1c2940', width: 1 },
          ticks: { stroke: '#1c2940', width: 1 },
          values: (_u, splits) => splits.map((v) => `${formatNumber(v)}h`),
          font: '11px system-ui, sans-serif',
        },
        {
          stroke: '#9aabc4',
          grid: { stroke: '#1c2940', width: 1 },
          ticks: { stroke: '#1c2940', width: 1 },
          values: (_u, splits) => splits.map((v) => formatNumber(v)),
          size: 46,
          font: '11px system-ui, sans-serif',
        },
      ],
      series: [
        { label: 'h' },
        ...sims.map((s, k) => ({
          label: s.strategy,
          stroke: STRATEGY_COLOURS[k % STRATEGY_COLOURS.length],
          dash: STRATEGY_DASHES[k % STRATEGY_DASHES.length],
          width: 1.6,
          spanGaps: false,
        })),
      ],
      hooks: {
        draw: [
          (u) => {
            const { ctx, bbox } = u
            const o = over.current
            ctx.save()
            ctx.lineWidth = 1
            for (const m of o.markers) {
              const x = Math.round(u.valToPos(m.t / 3600, 'x', true)) + 0.5
              if (x < bbox.left || x > bbox.left + bbox.width) continue
              ctx.strokeStyle = m.colour
              ctx.globalAlpha = 0.55
              ctx.beginPath()
              ctx.moveTo(x, bbox.top)
              ctx.lineTo(x, bbox.top + bbox.height)
              ctx.stroke()
            }
            ctx.globalAlpha = 1
            if (o.limit) {
              const y = Math.round(u.valToPos(o.limit.value, 'y', true)) + 0.5
              if (y >= bbox.top && y <= bbox.top + bbox.height) {
                ctx.strokeStyle = '#ff7a6b'
                ctx.setLineDash([5, 4])
                ctx.beginPath()
                ctx.moveTo(bbox.left, y)
                ctx.lineTo(bbox.left + bbox.width, y)
                ctx.stroke()
                ctx.setLineDash([])
                ctx.fillStyle = '#ff9d91'
                ctx.textAlign = 'left'
                ctx.textBaseline = 'bottom'
                ctx.font = `${11 * devicePixelRatio}px system-ui, sans-serif`
                ctx.fillText(o.limit.label, bbox.left + 4, y - 4)
              }
            }
            const xt = Math.round(u.valToPos(o.timeS / 3600, 'x', true)) + 0.5
            ctx.strokeStyle = '#e6edf7'
            ctx.beginPath()
            ctx.moveTo(xt, bbox.top)
            ctx.lineTo(xt, bbox.top + bbox.height)
            ctx.stroke()
            ctx.restore()
          },
        ],
      },
    }
    const u = new uPlot(opts, chartData(sims, spec.key, reference), el)
    plot.current = u
    const ro = new ResizeObserver(() => u.setSize({ width: Math.max(200, el.clientWidth), height: 150 }))
    ro.observe(el)
    const click = (e: MouseEvent) => {
      const left = u.over.getBoundingClientRect().left
      const h = u.posToVal(e.clientX - left, 'x')
      if (Number.isFinite(h)) session.seek(h * 3600)
    }
    u.over.addEventListener('click', click)
    return () => {
      ro.disconnect()
      u.over.removeEventListener('click', click)
      u.destroy()
      plot.current = null
    }
  }, [names, durationH, spec.key, reference])

  useEffect(() => {
    const u = plot.current
    if (!u) return
    u.setData(chartData(sims, spec.key, reference))
  })

  const last = sims.map((s) => s.metrics?.[spec.key] ?? null)
  return (
    <figure className="chart" data-testid={`chart-${spec.key}`}>
      <figcaption>
        <span className="chart-title">{def.label}</span>
        <span className="muted small">
          {reference === null || !sims[reference]
            ? `${def.unit} · ${def.better} is better`
            : `${def.unit}, minus ${sims[reference].strategy}'s`}
        </span>
        <span className="spacer" />
        {sims.length === 1 ? <span className="num">{formatNumber(last[0])}</span> : null}
      </figcaption>
      <div ref={box} className="chart-box" title="Click to jump to that time" />
    </figure>
  )
}

export function Metrics() {
  const sims = useAllSims()
  const scenario = useApp((s) => s.scenario)
  const timeS = useApp((s) => s.timeS)
  const focus = useApp((s) => s.focusStrategy)
  const [picked, setReference] = useState<number | null>(null)
  const reference = picked !== null && picked < sims.length && sims.length > 1 ? picked : null
  const markers = useMemo(() => {
    const out: Overlay['markers'] = []
    const seen = new Set<string>()
    sims.forEach((s, k) => {
      if (sims.length > 1 && k !== focus && k !== 0) return
      for (let i = 0; i < s.eventCount; i++) {
        const e = s.history[i]
        const cat = EVENT_CATEGORY[e.type]
        if (!cat || cat === 'task') continue
        const key = `${cat}/${Math.round(e.t / 60)}`
        if (seen.has(key)) continue
        seen.add(key)
        out.push({ t: e.t, colour: CATEGORY_COLOURS[cat] })
      }
    })
    return out
  }, [sims, focus])
  if (!scenario || sims.length === 0) return null
  return (
    <div className="metrics">
      {sims.length > 1 ? (
        <p className="legend-line small" data-testid="chart-legend">
          {sims.map((s, k) => (
            <span key={s.strategy}>
              <StrategySwatch index={k} /> {s.strategy}
            </span>
          ))}
          <label>
            Show{' '}
            <select
              data-testid="chart-reference"
              value={reference === null ? '' : String(reference)}
              onChange={(e) => setReference(e.target.value === '' ? null : Number(e.target.value))}
            >
              <option value="">values</option>
              {sims.map((s, k) => (
                <option key={s.strategy} value={k}>
                  difference from {s.strategy}
                </option>
              ))}
            </select>
          </label>
        </p>
      ) : null}
      <p className="legend-line small">
        {(['failure', 'alert', 'manoeuvre', 'outage'] as const).map((c) => (
          <span key={c}>
            <i style={{ background: CATEGORY_COLOURS[c] }} /> {c}
          </span>
        ))}
        <span>
          <i className="now" /> now ({formatOffset(timeS)})
        </span>
      </p>
      {CHARTS.map((c) => (
        <Chart
          key={c.key}
          spec={c}
          sims={sims}
          overlay={{ markers, limit: reference === null ? (c.limit?.(scenario) ?? null) : null, timeS }}
          reference={reference}
        />
      ))}
    </div>
  )
}
