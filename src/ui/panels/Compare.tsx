// Compare mode: the side-by-side metrics table (a meaningfully better value marked with core's
// honestBest, the same rule `sim compare` applies; each row says in one line what it measures),
// the multi-seed table, and where the strategies' planners diverged, grouped (Divergences.tsx).

import { eligibleFor, honestBest } from '../../core/best'
import { METRICS, NONDETERMINISTIC_METRICS } from '../../core/metrics'
import { currentEvents } from '../../store/simStore'
import { formatDuration, formatNumber, formatOffset } from '../format'
import { useAllSims, useApp, useSession } from '../session-context'
import { STRATEGY_COLOURS } from '../strategy-colours'
import { Divergences } from './Divergences'
import { MultiSeed } from './MultiSeed'

export function Compare() {
  const session = useSession()
  const sims = useAllSims()
  const scenario = useApp((s) => s.scenario)
  const timeS = useApp((s) => s.timeS)
  const done = useApp((s) => s.done)
  if (!scenario) return null
  if (sims.length < 2) {
    return (
      <div className="compare">
        <p className="muted">
          Choose two or more strategies above the 3D view to run them side by side, in lockstep from the same
          seed.
        </p>
        {scenario.strategies.length > 1 ? (
          <button
            type="button"
            className="button"
            onClick={() => session.setStrategies(scenario.strategies.map((s) => s.name).slice(0, 4))}
          >
            Compare all {scenario.strategies.length} strategies
          </button>
        ) : (
          <p className="muted">This scenario defines only one strategy.</p>
        )}
      </div>
    )
  }
  const shown = METRICS.filter((m) => !NONDETERMINISTIC_METRICS.includes(m.key))
  return (
    <div className="compare">
      <p className="muted small" data-testid="compare-when">
        {done
          ? `Values at the end of the run (${formatDuration(scenario.durationS)}): what sim compare prints for seed ${session.app.getState().seed}.`
          : `Values so far, at ${formatOffset(timeS)}.`}
        {done ? null : (
          <button type="button" className="linkish gap" onClick={session.toEnd} data-testid="run-to-end">
            Run to the end
          </button>
        )}
      </p>
      <p className="muted small">
        ★ marks a value better than every other strategy's by more than the metric's tolerance, among the
        strategies that reached the objective (Δv and propellant count only for strategies that filled a
        slot).
      </p>
      <table className="compare-table" data-testid="compare-table">
        <thead>
          <tr>
            <th scope="col">Metric</th>
            {sims.map((s, k) => (
              <th key={s.strategy} scope="col">
                <span
                  className="swatch"
                  style={{ background: STRATEGY_COLOURS[k % STRATEGY_COLOURS.length] }}
                />
                {s.strategy}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.map((def) => {
            const values = sims.map((s) => s.metrics?.[def.key] ?? null)
            const verdict = honestBest(def, {
              values,
              eligible: eligibleFor(
                def.key,
                sims.map((s) => s.metrics),
              ),
            })
            const best = verdict.index
            return (
              <tr key={def.key} data-metric={def.key} data-why={verdict.why}>
                <th scope="row">
                  {def.label}
                  <span className="unit">
                    {def.unit} · {def.better === 'higher' ? '↑' : '↓'}
                  </span>
                  <span className="metric-explain">{def.description}</span>
                </th>
                {values.map((v, k) => (
                  <td
                    key={sims[k].strategy}
                    className={k === best ? 'best' : undefined}
                    data-strategy={sims[k].strategy}
                    data-value={v === null ? 'null' : String(v)}
                    data-best={k === best ? 'true' : undefined}
                  >
                    {formatNumber(v, 4)}
                    {k === best ? (
                      <span className="star" title={`better: ${verdict.why}`}>
                        {' '}
                        ★
                      </span>
                    ) : null}
                  </td>
                ))}
              </tr>
            )
          })}
        </tbody>
      </table>
      <MultiSeed />
      <Divergences names={sims.map((s) => s.strategy)} logs={sims.map((s) => currentEvents(s))} />
    </div>
  )
}
