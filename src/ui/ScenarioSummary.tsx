// The right-hand panel's overview of a loaded scenario: what it is for, when and how long it
// runs, and what it contains. Read-only; numbers come straight from the normalised spec.

import type { ScenarioSpec, ScriptedEvent } from '../core/spec'
import { formatDuration, formatEpoch, plural } from './format'
import { useApp } from './session-context'

const EVENT_LABELS: Record<ScriptedEvent['type'], string> = {
  degradation: 'degradation',
  failure: 'failure',
  stationOutage: 'station outage',
  solarStorm: 'solar storm',
  taskBurst: 'task burst',
  conjunction: 'conjunction',
}

function eventBreakdown(events: readonly ScriptedEvent[]): string {
  const counts = new Map<string, number>()
  for (const e of events) {
    const label = EVENT_LABELS[e.type] ?? e.type
    counts.set(label, (counts.get(label) ?? 0) + 1)
  }
  return [...counts].map(([label, n]) => (n === 1 ? label : `${label} ×${n}`)).join(', ')
}

function Fact({
  label,
  value,
  detail,
  testId,
}: {
  label: string
  value: string
  detail?: string
  testId: string
}) {
  return (
    <div className="fact">
      <dt>{label}</dt>
      <dd>
        <span className="fact-value" data-testid={testId}>
          {value}
        </span>
        {detail ? <span className="fact-detail">{detail}</span> : null}
      </dd>
    </div>
  )
}

export function ScenarioSummary({ scenario, file }: { scenario: ScenarioSpec; file: string }) {
  const spares = scenario.satellites.filter((s) => s.role === 'spare').length
  const burstTasks = scenario.events.reduce((n, e) => n + (e.type === 'taskBurst' ? e.tasks.length : 0), 0)
  const params = useApp((s) => s.strategyParams)
  return (
    <section className="summary" aria-labelledby="scenario-title" data-testid="scenario-summary">
      <p className="eyebrow">Scenario · {file}</p>
      <h1 id="scenario-title" data-testid="scenario-title">
        {scenario.title}
      </h1>
      <p className="demonstrates">
        <span className="label">Demonstrates</span>
        <span data-testid="scenario-demonstrates">{scenario.demonstrates}</span>
      </p>
      <dl className="facts">
        <Fact label="Epoch" value={formatEpoch(scenario.epochMs)} testId="scenario-epoch" />
        <Fact
          label="Duration"
          value={formatDuration(scenario.durationS)}
          detail={`step ${formatDuration(scenario.stepS)}`}
          testId="scenario-duration"
        />
        <Fact
          label="Satellites"
          value={String(scenario.satellites.length)}
          detail={
            spares > 0
              ? `${scenario.satellites.length - spares} active, ${plural(spares, 'spare')}`
              : undefined
          }
          testId="scenario-satellites"
        />
        <Fact
          label="Ground stations"
          value={String(scenario.groundStations.length)}
          detail={scenario.groundStations.map((g) => g.name || g.id).join(', ') || undefined}
          testId="scenario-stations"
        />
        <Fact
          label="Tasks"
          value={String(scenario.tasks.length)}
          detail={burstTasks > 0 ? `+${burstTasks} arriving in bursts` : undefined}
          testId="scenario-tasks"
        />
        <Fact
          label="Events"
          value={String(scenario.events.length)}
          detail={eventBreakdown(scenario.events) || undefined}
          testId="scenario-events"
        />
      </dl>
      <h2 className="section-title">
        Strategies <span className="count">{scenario.strategies.length}</span>
      </h2>
      <ul className="strategies" data-testid="scenario-strategies">
        {scenario.strategies.map((s, i) => (
          <li key={s.name}>
            <span className="strategy-name">{s.name}</span>
            {i === 0 ? <span className="tag">default</span> : null}
            <span className="planners">
              {[s.trajectory, s.allocation, s.maintenance].filter(Boolean).join(' · ') || 'no planners'}
            </span>
            {(params[s.name] ?? []).map((line) => (
              <span key={line} className="planner-param" data-testid="strategy-param">
                {line}
              </span>
            ))}
          </li>
        ))}
      </ul>
      <h2 className="section-title">What to watch</h2>
      <p className="description" data-testid="scenario-description">
        {scenario.description}
      </p>
    </section>
  )
}
