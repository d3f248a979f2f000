// Every planner a strategy can use, by kind: the built-ins and, beside them, the user's own
// (with the file they came from and a way to remove it).

import type { PlannerKind } from '../../core/decisions'
import { removeModule } from '../../store/plannerStore'
import { usePlanners, usePlugins } from './context'
import { LoadPlannerButton } from './LoadPlannerButton'

export const KINDS: readonly PlannerKind[] = ['trajectory', 'allocation', 'maintenance']

export function PlannerList() {
  const deps = usePlugins()
  const builtIns = usePlanners((s) => s.builtIns)
  const modules = usePlanners((s) => s.modules)
  return (
    <section className="planner-list" aria-labelledby="planner-list-title" data-testid="planner-list">
      <header>
        <h3 id="planner-list-title">Planners</h3>
        <LoadPlannerButton />
      </header>
      {builtIns === null ? <p className="muted small">Listing the built-in planners…</p> : null}
      {KINDS.map((kind) => (
        <div key={kind} className="planner-kind">
          <h4>{kind}</h4>
          <ul>
            {(builtIns ?? [])
              .filter((p) => p.kind === kind)
              .map((p) => (
                <li key={p.id} title={p.description}>
                  {p.label} <span className="muted">· built in</span>
                </li>
              ))}
            {modules.flatMap((m) =>
              m.planners
                .filter((p) => p.kind === kind)
                .map((p) => (
                  <li
                    key={p.id}
                    className="user-planner"
                    title={p.description}
                    data-testid={`user-planner-${p.id}`}
                  >
                    {p.label} <span className="tag">yours · {m.file}</span>
                  </li>
                )),
            )}
          </ul>
        </div>
      ))}
      {modules.length > 0 ? (
        <div className="planner-files">
          {modules.map((m) => (
            <button
              key={m.file}
              type="button"
              className="button small"
              onClick={() => removeModule(deps.planners, m.file)}
              title="Forget this module and the strategies that use it"
            >
              Remove {m.file}
            </button>
          ))}
        </div>
      ) : (
        <p className="muted small">
          Your own planner modules (.js, .mjs, .ts; see “Writing a planner” in the README) are listed here.
          They run in a worker of their own, stopped if a call does not return in time.
        </p>
      )}
    </section>
  )
}
