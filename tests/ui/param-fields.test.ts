// The parameter form's reading of a planner's JSON Schema, checked on the schemas the built-in
// planners really export (through the inspector's catalog), and its reading of typed-in text.

import { describe, expect, it } from 'vitest'
import { fieldsOf, initialTexts, readField, readFields } from '../../src/ui/plugins/param-fields'
import { answerInspector } from '../../src/worker/plugins/inspect'

const catalog = answerInspector({ type: 'catalog' })
const planners = catalog.type === 'planners' ? catalog.planners : []
const schemaOf = (id: string) => planners.find((p) => p.id === id)?.params ?? null

describe('fieldsOf', () => {
  it('makes a field of every built-in planner parameter', () => {
    expect(planners.length).toBeGreaterThan(5)
    for (const p of planners) {
      const fields = fieldsOf(p.params)
      expect(fields, p.id).not.toBeNull()
      expect(fields?.map((f) => f.key)).toEqual(Object.keys(p.params?.properties ?? {}))
    }
  })

  it('fills defaults, keeps bounds, knows choices and optional fields', () => {
    const greedy = fieldsOf(schemaOf('allocation/greedy-priority'))!
    expect(initialTexts(greedy)).toMatchObject({
      horizonH: '6',
      replan: 'true',
      edge: 'never',
      capacity: '8',
    })
    expect(greedy.find((f) => f.key === 'edge')).toMatchObject({
      kind: 'choice',
      choices: ['never', 'always', 'auto'],
    })
    expect(greedy.find((f) => f.key === 'horizonH')).toMatchObject({ kind: 'number', above: 0, max: 168 })
    const threshold = fieldsOf(schemaOf('maintenance/threshold'))!
    expect(threshold.find((f) => f.key === 'threshold')).toMatchObject({ optional: true, initial: '' })
  })

  it('gives up (null) on nested or unknown shapes', () => {
    expect(fieldsOf({ type: 'object', properties: { a: { type: 'object' } } })).toBeNull()
    expect(fieldsOf({ type: 'string' })).toBeNull()
    expect(fieldsOf(null)).toBeNull()
  })
})

describe('readField', () => {
  const horizon = fieldsOf(schemaOf('allocation/greedy-priority'))!.find((f) => f.key === 'horizonH')!
  const capacity = fieldsOf(schemaOf('allocation/greedy-priority'))!.find((f) => f.key === 'capacity')!

  it('reads numbers within their bounds and refuses the rest in words', () => {
    expect(readField(horizon, '12')).toEqual({ value: 12 })
    expect(readField(horizon, '0')).toEqual({ problem: 'expected a number > 0 and ≤ 168, got 0' })
    expect(readField(horizon, '200')).toEqual({ problem: 'expected a number > 0 and ≤ 168, got 200' })
    expect(readField(horizon, 'abc')).toEqual({ problem: 'expected a number, got "abc"' })
    expect(readField(capacity, '2.5')).toEqual({ problem: 'expected a whole number, got 2.5' })
    expect(readField(horizon, '')).toEqual({ problem: 'expected a value' })
  })

  it('reads a whole form: values typed, empty optional fields left to the planner', () => {
    const fields = fieldsOf(schemaOf('maintenance/threshold'))!
    expect(readFields(fields, { samples: '5', retire: 'false' })).toEqual({
      values: { samples: 5, retire: false },
      problems: {},
    })
    expect(readFields(fields, { threshold: '1.5' }).problems).toEqual({
      threshold: 'expected a number > 0 and < 1, got 1.5',
    })
  })
})
