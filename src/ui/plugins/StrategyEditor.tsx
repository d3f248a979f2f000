// Make a strategy: a name, one planner per kind (built-in or the user's own), and each planner's
// parameters through a form generated from its schema with the defaults filled. Saving checks
// everything at once, keeps the strategy and adds it to the comparison.

import { useMemo, useState } from 'react'
import type { PlannerKind } from '../../core/decisions'
import { allPlanners, saveStrategy, strategyProblems, type UserStrategy } from '../../store/plannerStore'
import { useApp } from '../session-context'
import { usePlanners, usePlugins } from './context'
import { ParamsForm } from './ParamsForm'
import { KINDS } from './PlannerList'
import { fieldsOf, initialTexts, readFields } from './param-fields'

interface Props {
  /** Called with the saved strategy (the app adds it to the comparison). */
  onSaved(strategy: UserStrategy): void
}

type Texts = Partial<Record<PlannerKind, Record<string, string>>>

export function StrategyEditor({ onSaved }: Props) {
  const deps = usePlugins()
  // Selected apart and joined in a memo: a selector that builds a new list each time would loop.
  const builtIns = usePlanners((s) => s.builtIns)
  const modules = usePlanners((s) => s.modules)
  const planners = useMemo(() => allPlanners({ builtIns, modules }), [builtIns, modules])
  const scenario = useApp((s) => s.scenario)
  const reserved = useMemo(() => scenario?.strategies.map((s) => s.name) ?? [], [scenario])
  const [name, setName] = useState('mine')
  const [chosen, setChosen] = useState<Partial<Record<PlannerKind, string>>>({})
  const [texts, setTexts] = useState<Texts>({})
  const [problems, setProblems] = useState<string[]>([])
  const [fieldProblems, setFieldProblems] = useState<Partial<Record<PlannerKind, Record<string, string>>>>({})

  const choose = (kind: PlannerKind, id: string) => {
    setChosen({ ...chosen, [kind]: id || undefined })
    const p = planners.find((x) => x.id === id)
    setTexts({ ...texts, [kind]: p ? initialTexts(fieldsOf(p.params) ?? []) : {} })
    setFieldProblems({ ...fieldProblems, [kind]: {} })
  }

  const save = () => {
    const strategy: UserStrategy = { name: name.trim(), planners: {}, params: {} }
    const byKind: Partial<Record<PlannerKind, Record<string, string>>> = {}
    let bad = false
    for (const kind of KINDS) {
      const p = planners.find((x) => x.id === chosen[kind])
      if (!p) continue
      strategy.planners[kind] = p.id
      const fields = fieldsOf(p.params)
      if (!fields) continue
      const read = readFields(fields, texts[kind] ?? {})
      byKind[kind] = read.problems
      if (Object.keys(read.problems).length) bad = true
      strategy.params[kind] = read.values
    }
    setFieldProblems(byKind)
    const found = bad
      ? [
          ...strategyProblems(deps.planners.getState(), strategy, reserved),
          'some parameters need fixing (see the fields)',
        ]
      : saveStrategy(deps.planners, strategy, reserved)
    setProblems(found)
    if (found.length === 0) onSaved(strategy)
  }

  return (
    <section
      className="strategy-editor"
      aria-labelledby="strategy-editor-title"
      data-testid="strategy-editor"
    >
      <h3 id="strategy-editor-title">New strategy</h3>
      <label className="field">
        Name
        <input
          type="text"
          value={name}
          size={16}
          onChange={(e) => setName(e.target.value)}
          data-testid="strategy-name"
        />
      </label>
      {KINDS.map((kind) => {
        const id = chosen[kind] ?? ''
        const p = planners.find((x) => x.id === id)
        return (
          <fieldset key={kind} className="kind-choice">
            <legend>{kind}</legend>
            <select value={id} onChange={(e) => choose(kind, e.target.value)} data-testid={`choose-${kind}`}>
              <option value="">(none)</option>
              {planners
                .filter((x) => x.kind === kind)
                .map((x) => (
                  <option key={x.id} value={x.id}>
                    {x.label}
                    {x.file ? ' (yours)' : ''}
                  </option>
                ))}
            </select>
            {p ? (
              <>
                <p className="muted small description" title={p.description}>
                  {p.description}
                </p>
                <ParamsForm
                  planner={p}
                  fields={fieldsOf(p.params)}
                  texts={texts[kind] ?? {}}
                  problems={fieldProblems[kind] ?? {}}
                  onChange={(key, text) =>
                    setTexts({ ...texts, [kind]: { ...(texts[kind] ?? {}), [key]: text } })
                  }
                />
              </>
            ) : null}
          </fieldset>
        )
      })}
      {problems.length ? (
        <ul className="problems" role="alert" data-testid="strategy-problems">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      ) : null}
      <button type="button" className="button play" onClick={save} data-testid="save-strategy">
        Add to comparison
      </button>
    </section>
  )
}
