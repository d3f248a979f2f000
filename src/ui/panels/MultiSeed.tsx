// Multi-seed compare in the browser: every shown strategy over seeds 1..N (default 10), run to the
// end in Web Workers of their own, then per metric the mean ± standard deviation and a small plot
// of the per-seed values — the numbers `sim compare --json --seeds 1..N` prints, and the same
// honest stars (a difference must also exceed the spread over seeds).

import { useState } from 'react'
import { useStore } from 'zustand'
import { eligibleFor, honestBest } from '../../core/best'
import { METRICS, type MetricKey, NONDETERMINISTIC_METRICS } from '../../core/metrics'
import type { SeedMetricStats, SeedRuns, SeedTable } from '../../store/seedRuns'
import { RECORDED_PREFIX } from '../../worker/protocol'
import { MAX_SEEDS } from '../../worker/seed-protocol'
import { formatNumber } from '../format'
import { useApp, useSession } from '../session-context'
import { STRATEGY_COLOURS } from '../strategy-colours'

const PLOT_W = 56
const PLOT_H = 12

export function MultiSeed() {
  const session = useSession()
  const runs = session.seeds
  if (!runs) return null
  return <MultiSeedPanel runs={runs} />
}

function MultiSeedPanel({ runs }: { runs: SeedRuns }) {
  const session = useSession()
  const scenario = useApp((s) => s.scenario)
  const shown = useApp((s) => s.strategies)
  // A recorded agent run is one seed's run (as `sim compare --replay` refuses --seeds).
  const strategies = shown.filter((name) => !name.startsWith(RECORDED_PREFIX))
  const recorded = shown.length - strategies.length
  const state = useStore(runs.store)
  const [typed, setTyped] = useState('10')
  const count = Number(typed)
  const valid = /^\d{1,3}$/.test(typed.trim()) && count >= 1 && count <= MAX_SEEDS
  const start = () => {
    const request = session.scenarioText()
    if (!request || !scenario || !valid || strategies.length === 0) return
    runs.run({ scenario: scenario.id, text: request.text, file: request.file }, strategies, count)
  }
  const table = state.table
  const current =
    table && scenario && table.scenario === scenario.id && table.strategies.join() === strategies.join()
  return (
    <section className="multi-seed" data-testid="multi-seed">
      <h2 className="section-title">Over several seeds</h2>
      <p className="muted small">
        Runs each strategy to the end with seeds 1 to N in background workers: what{' '}
        <code>sim compare --seeds 1..N</code> prints.
      </p>
      <div className="multi-seed-form">
        <label>
          Seeds{' '}
          <input
            className="seed-count"
            data-testid="seed-count"
            inputMode="numeric"
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            aria-invalid={!valid}
          />
        </label>
        {state.status === 'running' ? (
          <button type="button" className="button small" onClick={runs.cancel}>
            Stop ({state.done} / {state.total})
          </button>
        ) : (
          <button
            type="button"
            className="button small"
            data-testid="run-seeds"
            disabled={!valid || session.scenarioText() === null || strategies.length === 0}
            onClick={start}
          >
            Run {valid ? count : 'N'} seeds
          </button>
        )}
        {valid ? null : (
          <span className="error-text">
            “{typed}” is not a number of seeds from 1 to {MAX_SEEDS}.
          </span>
        )}
      </div>
      {recorded > 0 ? (
        <p className="muted small" data-testid="multi-seed-recorded">
          A recorded agent run is one seed's run: {recorded === 1 ? 'it is' : 'they are'} left out.
        </p>
      ) : null}
      {state.status === 'failed' ? <p className="error-text">{state.error}</p> : null}
      {table && current ? <SeedStatsTable table={table} /> : null}
    </section>
  )
}

function SeedStatsTable({ table }: { table: SeedTable }) {
  const shown = METRICS.filter((m) => !NONDETERMINISTIC_METRICS.includes(m.key) && table.stats[0]?.[m.key])
  const means = table.stats.map((s) => {
    const out: Partial<Record<MetricKey, number | null>> = {}
    for (const [key, v] of Object.entries(s)) out[key as MetricKey] = v?.mean ?? null
    return out
  })
  return (
    <table className="compare-table" data-testid="seed-table" data-seeds={table.seeds.join(',')}>
      <thead>
        <tr>
          <th scope="col">Metric (mean ± sd)</th>
          {table.strategies.map((s, k) => (
            <th key={s} scope="col">
              <span
                className="swatch"
                style={{ background: STRATEGY_COLOURS[k % STRATEGY_COLOURS.length] }}
              />
              {s}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {shown.map((def) => {
          const cells = table.stats.map((s) => s[def.key] ?? null)
          const verdict = honestBest(def, {
            values: cells.map((c) => c?.mean ?? null),
            sds: cells.map((c) => c?.sd ?? null),
            eligible: eligibleFor(def.key, means),
          })
          const range = extent(cells)
          return (
            <tr key={def.key} data-metric={def.key}>
              <th scope="row">
                {def.label}
                <span className="unit">{def.unit}</span>
              </th>
              {cells.map((c, k) => (
                <td
                  key={table.strategies[k]}
                  data-strategy={table.strategies[k]}
                  data-mean={c?.mean === null || c === null ? 'null' : String(c.mean)}
                  data-sd={c?.sd === null || c === null ? 'null' : String(c.sd)}
                  data-best={k === verdict.index ? 'true' : undefined}
                  className={k === verdict.index ? 'best' : undefined}
                >
                  {c?.mean === null || !c ? '—' : formatNumber(c.mean, 4)}
                  {c?.mean === null || !c ? null : <span className="sd">± {formatNumber(c.sd, 2)}</span>}
                  {k === verdict.index ? <span title={`better: ${verdict.why}`}> ★</span> : null}
                  {c ? <Distribution stats={c} range={range} colour={STRATEGY_COLOURS[k % 4]} /> : null}
                </td>
              ))}
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}

/** The lowest and highest per-seed value of a metric over every strategy. */
function extent(cells: readonly (SeedMetricStats | null)[]): [number, number] {
  let lo = Number.POSITIVE_INFINITY
  let hi = Number.NEGATIVE_INFINITY
  for (const c of cells) {
    if (c?.min !== null && c?.min !== undefined) lo = Math.min(lo, c.min)
    if (c?.max !== null && c?.max !== undefined) hi = Math.max(hi, c.max)
  }
  return Number.isFinite(lo) ? [lo, hi] : [0, 0]
}

/** One dot per seed on the metric's common scale, and a tick at the mean. */
function Distribution({
  stats,
  range,
  colour,
}: {
  stats: SeedMetricStats
  range: [number, number]
  colour: string
}) {
  const [lo, hi] = range
  const x = (v: number) => (hi > lo ? 3 + ((v - lo) / (hi - lo)) * (PLOT_W - 6) : PLOT_W / 2)
  return (
    <svg className="seed-plot" width={PLOT_W} height={PLOT_H} aria-hidden="true">
      <line x1={0} x2={PLOT_W} y1={PLOT_H / 2} y2={PLOT_H / 2} className="seed-plot-axis" />
      {stats.perSeed.map((v, i) =>
        v === null ? null : (
          // biome-ignore lint/suspicious/noArrayIndexKey: one dot per seed, in seed order
          <circle key={i} cx={x(v)} cy={PLOT_H / 2} r={2} fill={colour} fillOpacity={0.55} />
        ),
      )}
      {stats.mean === null ? null : (
        <line x1={x(stats.mean)} x2={x(stats.mean)} y1={1} y2={PLOT_H - 1} stroke="#fff" strokeWidth={1} />
      )}
    </svg>
  )
}
