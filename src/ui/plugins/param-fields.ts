// A planner's parameters as form fields, read from the JSON Schema its zod schema exports (see
// src/planners/describe.ts), and the typed-in text read back into values. Pure: tests run it in
// Node. The planner's own schema checks the values again when the strategy is bound, so this is
// for immediate words next to a field, not the last word.

import type { ParamSchema } from '../../worker/plugins/inspect-protocol'

export type FieldKind = 'number' | 'integer' | 'boolean' | 'choice' | 'text'

export interface ParamField {
  key: string
  kind: FieldKind
  /** The schema's description, or the key when it has none. */
  help: string
  /** The default as the form shows it ("" when the planner has none). */
  initial: string
  /** With no value the planner decides (the field may be left empty). */
  optional: boolean
  choices?: string[]
  min?: number
  max?: number
  /** Bounds that the value must not reach. */
  above?: number
  below?: number
}

function typeOf(p: ParamSchema): string | undefined {
  return Array.isArray(p.type) ? p.type.find((t) => t !== 'null') : p.type
}

/** The form's fields, in the schema's order; null when the schema is not a flat object of simple values. */
export function fieldsOf(schema: ParamSchema | null): ParamField[] | null {
  if (schema?.type !== 'object') return null
  const out: ParamField[] = []
  for (const [key, p] of Object.entries(schema.properties ?? {})) {
    const type = typeOf(p)
    const choices =
      Array.isArray(p.enum) && p.enum.every((v) => typeof v === 'string') ? (p.enum as string[]) : null
    const kind: FieldKind | null = choices
      ? 'choice'
      : type === 'number' || type === 'integer' || type === 'boolean'
        ? type
        : type === 'string'
          ? 'text'
          : null
    if (!kind) return null
    const field: ParamField = {
      key,
      kind,
      help: typeof p.description === 'string' && p.description ? p.description : key,
      initial: p.default === undefined ? '' : String(p.default),
      optional: p.default === undefined,
    }
    if (choices) field.choices = choices
    if (typeof p.minimum === 'number') field.min = p.minimum
    if (typeof p.maximum === 'number') field.max = p.maximum
    if (typeof p.exclusiveMinimum === 'number') field.above = p.exclusiveMinimum
    if (typeof p.exclusiveMaximum === 'number') field.below = p.exclusiveMaximum
    out.push(field)
  }
  return out
}

/** The range of a number field in words ("> 0 and ≤ 720"), or "". */
export function rangeText(f: ParamField): string {
  const parts: string[] = []
  if (f.above !== undefined) parts.push(`> ${f.above}`)
  if (f.min !== undefined) parts.push(`≥ ${f.min}`)
  if (f.below !== undefined) parts.push(`< ${f.below}`)
  if (f.max !== undefined) parts.push(`≤ ${f.max}`)
  return parts.join(' and ')
}

/** One field's text as a value, or the problem in words. Empty text: no value (undefined). */
export function readField(f: ParamField, text: string): { value?: unknown; problem?: string } {
  const t = text.trim()
  if (t === '') return f.optional ? {} : { problem: 'expected a value' }
  if (f.kind === 'boolean') return { value: t === 'true' }
  if (f.kind === 'text') return { value: text }
  if (f.kind === 'choice')
    return f.choices?.includes(t) ? { value: t } : { problem: `expected one of ${f.choices?.join(', ')}` }
  const n = Number(t)
  if (!Number.isFinite(n)) return { problem: `expected a number, got "${t}"` }
  if (f.kind === 'integer' && !Number.isInteger(n)) return { problem: `expected a whole number, got ${t}` }
  const outside =
    (f.above !== undefined && !(n > f.above)) ||
    (f.min !== undefined && !(n >= f.min)) ||
    (f.below !== undefined && !(n < f.below)) ||
    (f.max !== undefined && !(n <= f.max))
  return outside ? { problem: `expected a number ${rangeText(f)}, got ${t}` } : { value: n }
}

/** Every field read: the values (empty optional fields left out) and the problems by key. */
export function readFields(
  fields: readonly ParamField[],
  texts: Readonly<Record<string, string>>,
): { values: Record<string, unknown>; problems: Record<string, string> } {
  const values: Record<string, unknown> = {}
  const problems: Record<string, string> = {}
  for (const f of fields) {
    const r = readField(f, texts[f.key] ?? f.initial)
    if (r.problem) problems[f.key] = r.problem
    else if (r.value !== undefined) values[f.key] = r.value
  }
  return { values, problems }
}

/** The form's starting texts: every default filled in. */
export function initialTexts(fields: readonly ParamField[]): Record<string, string> {
  return Object.fromEntries(fields.map((f) => [f.key, f.initial]))
}
