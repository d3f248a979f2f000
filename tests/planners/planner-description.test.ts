// describePlanner, called directly: a planner told to the UI as plain data. A user planner is
// untrusted, so every rule here is about what a hostile or odd planner cannot do to the
// description: strings are cut to a stated length, triggers are filtered and capped, defaults
// are copied, and every schema that cannot be a form is said so in words instead of thrown.

import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import {
  describePlanner,
  MAX_DESCRIPTION_CHARS,
  MAX_LABEL_CHARS,
  MAX_PARAM_FIELDS,
} from '../../src/planners/describe'
import { fakePlanner } from './fake-planner'

/** A schema of `n` number fields f00, f01, … each defaulting to 0. */
const fieldsSchema = (n: number) =>
  z.object(
    Object.fromEntries(
      Array.from({ length: n }, (_, i) => [`f${String(i).padStart(2, '0')}`, z.number().default(0)]),
    ),
  )

/** A parameter "schema" whose safeParse throws the given value. */
const throwing = (thrown: unknown) =>
  ({
    safeParse: () => {
      throw thrown
    },
  }) as never

describe('describePlanner: text is cut to a stated length', () => {
  it('keeps a label of exactly the limit whole', () => {
    const label = 'L'.repeat(MAX_LABEL_CHARS)
    expect(describePlanner(fakePlanner({ label })).label).toBe(label)
  })

  it('cuts a label one over the limit to limit − 1 characters and an ellipsis', () => {
    // The last two characters differ from the rest, so a cut in the wrong place shows.
    const label = `${'a'.repeat(MAX_LABEL_CHARS - 1)}bc`
    const d = describePlanner(fakePlanner({ label }))
    expect(d.label).toBe(`${'a'.repeat(MAX_LABEL_CHARS - 1)}…`)
    expect(d.label).toHaveLength(MAX_LABEL_CHARS)
  })

  it('cuts a long description the same way, at its own limit', () => {
    const description = 'd'.repeat(MAX_DESCRIPTION_CHARS + 500)
    expect(describePlanner(fakePlanner({ description })).description).toBe(
      `${'d'.repeat(MAX_DESCRIPTION_CHARS - 1)}…`,
    )
  })

  it('gives an empty string for a label or description that is not a string', () => {
    const d = describePlanner(fakePlanner({ label: 42 as never, description: { text: 'x' } as never }))
    expect(d.label).toBe('')
    expect(d.description).toBe('')
  })
})

describe('describePlanner: triggers', () => {
  it('keeps the string triggers in order and drops everything else', () => {
    const triggers = ['taskBurst', 7, null, { t: 1 }, 'stationOutage'] as never
    expect(describePlanner(fakePlanner({ triggers })).triggers).toEqual(['taskBurst', 'stationOutage'])
  })

  it('keeps at most 40 triggers, the first ones', () => {
    const triggers = Array.from({ length: 45 }, (_, i) => `event${i}`) as never
    expect(describePlanner(fakePlanner({ triggers })).triggers).toEqual(
      Array.from({ length: 40 }, (_, i) => `event${i}`),
    )
  })

  it('gives no triggers when there are none, when they are not a list, or when reading them throws', () => {
    expect(describePlanner(fakePlanner({ triggers: undefined })).triggers).toEqual([])
    expect(describePlanner(fakePlanner({ triggers: 'taskBurst' as never })).triggers).toEqual([])
    // Not an array although it reads like one (Array's own filter and slice work on it).
    const listLike = Object.assign(Object.create(Array.prototype), { 0: 'taskBurst', length: 1 })
    expect(describePlanner(fakePlanner({ triggers: listLike })).triggers).toEqual([])
    const hostile = fakePlanner()
    Object.defineProperty(hostile, 'triggers', {
      get() {
        throw new Error('no triggers for you')
      },
    })
    expect(describePlanner(hostile).triggers).toEqual([])
  })
})

describe('describePlanner: defaults', () => {
  it('gives what the schema makes of no parameters, as a copy the planner cannot change later', () => {
    const shared = { nested: { depth: 3 } }
    const params = z.object({}).transform(() => shared)
    const d = describePlanner(fakePlanner({ params }))
    expect(d.defaults).toEqual({ nested: { depth: 3 } })
    shared.nested.depth = 99
    expect(d.defaults).toEqual({ nested: { depth: 3 } })
  })

  it('gives null defaults when the schema makes something other than an object of no parameters', () => {
    // Each schema accepts {} and makes a number, a string or null of it.
    for (const made of [5, 'text', null]) {
      const d = describePlanner(fakePlanner({ params: z.object({}).transform(() => made) }))
      expect(d.defaults).toBeNull()
      expect(d.paramsNote).toBeUndefined()
    }
    // A schema that refuses {} has no defaults either (and says so, below).
    expect(describePlanner(fakePlanner({ params: z.number().default(5) })).defaults).toBeNull()
  })
})

describe('describePlanner: parameters as a form, or why not', () => {
  it('gives an editable planner its schema and no note', () => {
    const d = describePlanner(fakePlanner())
    expect(d.paramsNote).toBeUndefined()
    expect(d.defaults).toEqual({ depth: 3 })
    expect(d.params).toMatchObject({ type: 'object', properties: { depth: { type: 'integer', default: 3 } } })
  })

  it('writes each default the schema fills in into its property, also where the schema does not say it', () => {
    // The transform fills `a`; the JSON Schema of the input side has no default for it.
    const params = z
      .object({ a: z.number().optional(), b: z.string().optional() })
      .transform((v) => ({ a: v.a ?? 4, b: v.b }))
    const d = describePlanner(fakePlanner({ params }))
    expect(d.defaults).toEqual({ a: 4 })
    expect(d.params?.properties?.a).toEqual({ type: 'number', default: 4 })
    // `b` has no default (JSON drops an undefined value), so its property is left as it was.
    expect(d.params?.properties?.b).toEqual({ type: 'string' })
  })

  it('shows the form of a schema without defaults for every field, and says so', () => {
    const d = describePlanner(fakePlanner({ params: z.strictObject({ depth: z.int().min(1) }) }))
    expect(d.paramsNote).toBe('its parameters have no defaults for every field')
    expect(d.defaults).toBeNull()
    expect(d.params?.properties?.depth).toMatchObject({ type: 'integer', minimum: 1 })
    expect(d.params?.properties?.depth).not.toHaveProperty('default')
  })

  it('says what a schema that throws threw, cut to 200 characters, and shows no form', () => {
    expect(describePlanner(fakePlanner({ params: throwing(new Error('boom')) }))).toMatchObject({
      params: null,
      defaults: null,
      paramsNote: 'its parameter schema threw: boom',
    })
    expect(describePlanner(fakePlanner({ params: throwing('a bare string') })).paramsNote).toBe(
      'its parameter schema threw: a bare string',
    )
    const long = describePlanner(fakePlanner({ params: throwing(new Error('e'.repeat(300))) }))
    expect(long.paramsNote).toBe(`its parameter schema threw: ${'e'.repeat(199)}…`)
  })

  it('says an error that cannot be printed is one, instead of failing', () => {
    // String() of an object with no prototype throws: there is no toString to call.
    const d = describePlanner(fakePlanner({ params: throwing(Object.create(null)) }))
    expect(d.paramsNote).toBe('its parameter schema threw: an error that cannot be printed')
    expect(d.params).toBeNull()
  })

  it('says parameters that are not an object of named fields cannot be a form', () => {
    const d = describePlanner(fakePlanner({ params: z.number().default(5) }))
    expect(d.paramsNote).toBe('its parameters are not an object of named fields')
    expect(d.params).toBeNull()
  })

  it(`shows a form of exactly ${MAX_PARAM_FIELDS} fields, and refuses one more with the count`, () => {
    const most = describePlanner(fakePlanner({ params: fieldsSchema(MAX_PARAM_FIELDS) }))
    expect(most.paramsNote).toBeUndefined()
    expect(Object.keys(most.params?.properties ?? {})).toHaveLength(MAX_PARAM_FIELDS)
    const over = describePlanner(fakePlanner({ params: fieldsSchema(MAX_PARAM_FIELDS + 1) }))
    expect(over.paramsNote).toBe(
      `it has ${MAX_PARAM_FIELDS + 1} parameters; a form shows at most ${MAX_PARAM_FIELDS}`,
    )
    expect(over.params).toBeNull()
  })

  it('says why a schema that cannot be written as JSON cannot be a form', () => {
    // Metadata whose toJSON throws: zod exports it, the copy to plain data fails.
    const unwritable = {
      toJSON() {
        throw new Error('not JSON')
      },
    }
    const params = z.object({ a: z.number().default(1).meta({ unwritable }) })
    const d = describePlanner(fakePlanner({ params }))
    expect(d.params).toBeNull()
    expect(d.defaults).toEqual({ a: 1 })
    expect(d.paramsNote).toMatch(/^its parameters cannot be shown as a form: \S/)
  })
})
