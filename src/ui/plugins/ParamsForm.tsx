// A planner's parameters as a form generated from its JSON Schema: numbers as text fields with
// their range, booleans as check boxes, choices as selects, each labelled with the schema's own
// description and filled with its default.

import type { PlannerDescription } from '../../worker/plugins/inspect-protocol'
import { type ParamField, rangeText } from './param-fields'

interface Props {
  planner: PlannerDescription
  fields: ParamField[] | null
  texts: Record<string, string>
  problems: Record<string, string>
  onChange(key: string, text: string): void
}

function Input({
  field,
  text,
  id,
  onChange,
}: {
  field: ParamField
  text: string
  id: string
  onChange(t: string): void
}) {
  if (field.kind === 'boolean')
    return (
      <input
        id={id}
        type="checkbox"
        checked={text === 'true'}
        onChange={(e) => onChange(String(e.target.checked))}
      />
    )
  if (field.kind === 'choice')
    return (
      <select id={id} value={text} onChange={(e) => onChange(e.target.value)}>
        {field.optional ? <option value="">(planner decides)</option> : null}
        {field.choices?.map((c) => (
          <option key={c} value={c}>
            {c}
          </option>
        ))}
      </select>
    )
  return (
    <input
      id={id}
      type="text"
      inputMode={field.kind === 'text' ? 'text' : 'decimal'}
      value={text}
      size={8}
      placeholder={field.optional ? 'planner decides' : ''}
      onChange={(e) => onChange(e.target.value)}
    />
  )
}

export function ParamsForm({ planner, fields, texts, problems, onChange }: Props) {
  if (!fields)
    return (
      <p className="muted small">
        {planner.label}: parameters cannot be edited here ({planner.paramsNote ?? 'not a flat list of values'}
        ); its defaults are used.
      </p>
    )
  if (fields.length === 0) return <p className="muted small">{planner.label} has no parameters.</p>
  return (
    <div className="params-form" data-testid={`params-${planner.id}`}>
      {fields.map((f) => {
        const id = `param-${planner.id}-${f.key}`
        const range = rangeText(f)
        return (
          <div key={f.key} className={`param${problems[f.key] ? ' bad' : ''}`}>
            <label htmlFor={id}>
              <code>{f.key}</code>
              <span className="muted small">
                {f.help !== f.key ? f.help : ''}
                {range ? ` (${range})` : ''}
              </span>
            </label>
            <Input field={f} id={id} text={texts[f.key] ?? f.initial} onChange={(t) => onChange(f.key, t)} />
            {problems[f.key] ? (
              <span className="problem small" role="alert">
                {problems[f.key]}
              </span>
            ) : null}
          </div>
        )
      })}
    </div>
  )
}
