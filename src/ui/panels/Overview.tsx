// The overview tab: the plain-language summary of the run so far (per strategy), then what the
// scenario is for, what it contains and what to watch, and the planners of the strategies shown.

import { currentEvents, type SimStore } from '../../store/simStore'
import { runSummary } from '../events'
import { ScenarioSummary } from '../ScenarioSummary'
import { useApp, useSim } from '../session-context'

function StrategySummary({ sim, label }: { sim: SimStore; label: boolean }) {
  const timeS = useApp((s) => s.timeS)
  const done = useApp((s) => s.done)
  const strategy = useSim(sim, (s) => s.strategy)
  const tasks = useSim(sim, (s) => s.tasks)
  const fleet = useSim(sim, (s) => s.fleet)
  const metrics = useSim(sim, (s) => s.metrics)
  const history = useSim(sim, (s) => s.history)
  const eventCount = useSim(sim, (s) => s.eventCount)
  const text = runSummary({
    timeS,
    tasks,
    fleet,
    events: currentEvents({ history, eventCount }),
    deltaV: metrics?.deltaVSpent ?? null,
    minSoc: metrics?.minBatterySoc ?? null,
    done,
  })
  return (
    <p className="run-summary" data-testid="run-summary" data-strategy={strategy}>
      {label ? <span className="strategy-name">{strategy}: </span> : null}
      {text}
    </p>
  )
}

function Planners({ sim }: { sim: SimStore }) {
  const strategy = useSim(sim, (s) => s.strategy)
  const planners = useSim(sim, (s) => s.planners)
  return (
    <div className="planner-card">
      <h3>{strategy}</h3>
      {planners.length === 0 ? (
        <p className="muted">No planners: the satellites fly on their onboard defaults.</p>
      ) : (
        <dl>
          {planners.map((p) => (
            <div key={p.id}>
              <dt>
                {p.kind} · <span className="planner-label">{p.label}</span>
              </dt>
              <dd>{p.description}</dd>
            </div>
          ))}
        </dl>
      )}
    </div>
  )
}

export function Overview() {
  const scenario = useApp((s) => s.scenario)
  const file = useApp((s) => s.file)
  const sims = useApp((s) => s.sims)
  if (!scenario || !file) return <p className="muted">Loading the scenario…</p>
  return (
    <div className="overview">
      <section className="summary-box" aria-label="The run so far">
        <h2 className="section-title">The run so far</h2>
        {sims.map((sim) => (
          <StrategySummary key={sim.getState().strategy} sim={sim} label={sims.length > 1} />
        ))}
      </section>
      <ScenarioSummary scenario={scenario} file={file} />
      <h2 className="section-title">Planners shown</h2>
      {sims.map((sim) => (
        <Planners key={sim.getState().strategy} sim={sim} />
      ))}
    </div>
  )
}
