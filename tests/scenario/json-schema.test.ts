import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { parseDuration, scenarioJsonSchema } from '../../src/scenario'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')

type Node = Record<string, unknown>

/** Every object node in a JSON Schema, with its location. */
function nodes(schema: unknown, at = '#'): [string, Node][] {
  if (typeof schema !== 'object' || schema === null) return []
  const here: [string, Node][] = Array.isArray(schema) ? [] : [[at, schema as Node]]
  return [...here, ...Object.entries(schema).flatMap(([key, child]) => nodes(child, `${at}/${key}`))]
}

describe('the JSON Schema', () => {
  it('is committed as generated', () => {
    const committed = readFileSync(resolve(ROOT, 'public/scenario.schema.json'), 'utf8')
    const fresh = `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`
    if (committed !== fresh) {
      throw new Error(
        'public/scenario.schema.json is stale: the scenario schema changed. Run `npm run schema`.',
      )
    }
  })

  it('rejects unknown keys everywhere, like the loader', () => {
    const objects = nodes(scenarioJsonSchema()).filter(([, node]) => 'properties' in node)
    expect(objects.length).toBeGreaterThan(20)
    for (const [at, node] of objects) expect(node.additionalProperties, at).toBe(false)
  })

  it('describes every field, for autocomplete', () => {
    for (const [at, node] of nodes(scenarioJsonSchema())) {
      for (const [key, property] of Object.entries((node.properties ?? {}) as Record<string, Node>)) {
        expect(typeof property.description, `${at}/properties/${key}`).toBe('string')
      }
    }
  })

  it('uses the same duration pattern as the loader', () => {
    const schema = scenarioJsonSchema() as { properties: Record<string, { anyOf: { pattern?: string }[] }> }
    const pattern = new RegExp(
      schema.properties.duration.anyOf.find((branch) => branch.pattern)?.pattern ?? '^$',
    )
    for (const text of ['90s', '1h30m', '2d', '1.5h', '90', '1 h', '30m1h', '']) {
      expect(pattern.test(text), text).toBe(parseDuration(text) !== undefined)
    }
  })

  it('hands out a fresh object each time', () => {
    const first = scenarioJsonSchema() as Node
    first.title = 'changed'
    expect((scenarioJsonSchema() as Node).title).toBe('Mission Sandbox scenario')
  })
})
