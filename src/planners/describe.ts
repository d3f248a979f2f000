// A planner told to the UI as plain data: functions and zod schemas cannot cross a postMessage,
// so its parameters travel as a JSON Schema (zod's own export) together with the defaults its
// schema fills in. Built-in and user planners are described by the same code, and a user
// planner is untrusted: every string is cut to a stated length, and a schema that cannot be
// exported or filled is reported in words instead of failing the description.

import { z } from 'zod'
import type { PlannerKind, SimEventType } from '../core'
import type { AnyPlanner } from './planner'

/** Longest label and description kept from a planner (a module could offer megabytes). */
export const MAX_LABEL_CHARS = 80
export const MAX_DESCRIPTION_CHARS = 1200
/** Most parameters a form shows; a schema with more is described as not editable. */
export const MAX_PARAM_FIELDS = 40

/** The part of JSON Schema the parameter form reads (zod's `toJSONSchema` writes more). */
export interface ParamSchema {
  type?: string | string[]
  description?: string
  default?: unknown
  enum?: unknown[]
  minimum?: number
  maximum?: number
  exclusiveMinimum?: number
  exclusiveMaximum?: number
  properties?: Record<string, ParamSchema>
  required?: string[]
  [key: string]: unknown
}

export interface PlannerDescription {
  id: string
  kind: PlannerKind
  label: string
  description: string
  /** Event types that call it at once, besides the cadence. */
  triggers: SimEventType[]
  /** The parameters as JSON Schema (input side: what a strategy may write), or null. */
  params: ParamSchema | null
  /** What the planner's schema makes of no parameters at all, or null if `{}` is refused. */
  defaults: Record<string, unknown> | null
  /** Why the parameters cannot be edited in a form, when they cannot. */
  paramsNote?: string
}

function cut(text: unknown, max: number): string {
  const s = typeof text === 'string' ? text : ''
  return s.length > max ? `${s.slice(0, max - 1)}…` : s
}

function errorText(err: unknown): string {
  try {
    return err instanceof Error ? err.message : String(err)
  } catch {
    return 'an error that cannot be printed'
  }
}

/** The schema's JSON Schema with every property's default written in from `defaults`. */
function withDefaults(schema: ParamSchema, defaults: Record<string, unknown> | null): ParamSchema {
  if (!defaults || !schema.properties) return schema
  const properties: Record<string, ParamSchema> = {}
  for (const [key, prop] of Object.entries(schema.properties))
    properties[key] = key in defaults ? { ...prop, default: defaults[key] } : prop
  return { ...schema, properties }
}

/** Describes a planner that passed `plannerProblems`; never throws. */
export function describePlanner(p: AnyPlanner): PlannerDescription {
  const out: PlannerDescription = {
    id: cut(p.id, 120),
    kind: p.kind,
    label: cut(p.label, MAX_LABEL_CHARS),
    description: cut(p.description, MAX_DESCRIPTION_CHARS),
    triggers: [],
    params: null,
    defaults: null,
  }
  try {
    const triggers = p.triggers ?? []
    if (Array.isArray(triggers))
      out.triggers = triggers.filter((t): t is SimEventType => typeof t === 'string').slice(0, 40)
  } catch {
    out.triggers = []
  }
  try {
    const filled = p.params.safeParse({})
    const data = filled.success ? filled.data : null
    out.defaults = data !== null && typeof data === 'object' ? JSON.parse(JSON.stringify(data)) : null
    if (!filled.success) out.paramsNote = 'its parameters have no defaults for every field'
  } catch (err) {
    out.paramsNote = `its parameter schema threw: ${cut(errorText(err), 200)}`
    return out
  }
  try {
    const schema = z.toJSONSchema(p.params, { io: 'input', unrepresentable: 'any' }) as ParamSchema
    const fields = Object.keys(schema.properties ?? {}).length
    if (schema.type !== 'object') out.paramsNote = 'its parameters are not an object of named fields'
    else if (fields > MAX_PARAM_FIELDS)
      out.paramsNote = `it has ${fields} parameters; a form shows at most ${MAX_PARAM_FIELDS}`
    else out.params = withDefaults(JSON.parse(JSON.stringify(schema)), out.defaults)
  } catch (err) {
    out.paramsNote = `its parameters cannot be shown as a form: ${cut(errorText(err), 200)}`
  }
  return out
}
