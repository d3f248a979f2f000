// The browser's planner-module loader, run in Node: the text of a user's module in, planner
// objects or issues in words out. The good module is the README's own example.

import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { createSimulation, type Decision } from '../../src/core'
import { describePlanner } from '../../src/planners/describe'
import { loadScenarioText } from '../../src/scenario'
import {
  loadPlannerModule,
  MAX_MODULE_BYTES,
  MAX_PLANNERS_PER_MODULE,
} from '../../src/worker/plugins/module-loader'

const FIRST_COME = readFileSync(new URL('../cli/fixtures/first-come.ts', import.meta.url), 'utf8')

function issuesOf(text: string, file = 'mine.ts') {
  const r = loadPlannerModule(text, file)
  if (r.ok) throw new Error('expected the module to be refused')
  return r.issues
}

describe('loadPlannerModule', () => {
  it('loads the README first-come planner from TypeScript text, and its plan runs', () => {
    const r = loadPlannerModule(FIRST_COME, 'first-come.ts')
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.planners).toHaveLength(1)
    const p = r.planners[0]
    expect(p.id).toBe('allocation/first-come')
    expect(p.params.parse({})).toEqual({ lookAheadH: 2 })
    // The planner really works against the engine's view: it assigns tasks.
    const file = new URL('../../scenarios/default.json', import.meta.url)
    const loaded = loadScenarioText(readFileSync(file, 'utf8'), 'default.json')
    if (!loaded.ok) throw new Error('the default scenario should load')
    const sim = createSimulation(loaded.scenario, undefined, { planners: [] })
    const decisions: Decision[] = p.plan(sim.view(), { lookAheadH: 24 })
    expect(decisions.length).toBeGreaterThan(0)
    expect(decisions.every((d) => d.kind === 'assignTask')).toBe(true)
  })

  it('loads plain JavaScript (.mjs) with a list of planners under `planners`', () => {
    const text = `import { z } from 'zod'
const base = { kind: 'maintenance', description: 'd', params: z.object({}), plan() { return [] } }
export const planners = [{ ...base, id: 'maintenance/a', label: 'A' }, { ...base, id: 'maintenance/b', label: 'B' }]`
    const r = loadPlannerModule(text, 'two.mjs')
    expect(r.ok && r.planners.map((p) => p.id)).toEqual(['maintenance/a', 'maintenance/b'])
  })

  it('reports a syntax error with its line and column', () => {
    // A missing comma: the compiler names the place, 1-based like an editor.
    const issues = issuesOf(
      "import { z } from 'zod'\nexport default {\n  id: 'allocation/x'\n  kind: 'allocation',\n}\n",
    )
    expect(issues).toEqual([{ message: 'syntax error: Unexpected token, expected ","', line: 4, column: 3 }])
    // What the compiler lets through, the JavaScript engine refuses (without a position).
    expect(issuesOf("export default {\n  id: 'a',,\n}\n")[0].message).toMatch(
      /^syntax error: Unexpected token/,
    )
  })

  it('refuses an import other than zod, naming it', () => {
    const issues = issuesOf("import { readFileSync } from 'node:fs'\nexport default { x: readFileSync }\n")
    expect(issues.map((i) => i.message)).toEqual([
      'it imports "node:fs": a planner module loaded in the app may import only "zod"; put everything else it needs into the file itself',
    ])
  })

  it('refuses a default export that is not a planner, with every problem named', () => {
    const text = readFileSync(new URL('../cli/fixtures/broken-planner.ts', import.meta.url), 'utf8')
    const messages = issuesOf(text, 'broken-planner.ts').map((i) => i.message)
    expect(messages).toContain('kind: expected one of trajectory, allocation, maintenance, got "weather"')
    expect(messages).toContain('params: expected a zod schema (for example z.object({}))')
    expect(messages).toContain('plan: expected a function (view, params) => decisions')
  })

  it('refuses an id that does not start with the kind', () => {
    const text = `import { z } from 'zod'
export default { id: 'allocation/x', kind: 'maintenance', label: 'x', description: '', params: z.object({}), plan: () => [] }`
    expect(issuesOf(text).map((i) => i.message)).toEqual([
      'id: expected "maintenance/<name>" for a maintenance planner, got "allocation/x"',
    ])
  })

  it('reports a module that throws while loading, and one whose export throws when read', () => {
    expect(issuesOf("throw new Error('no config found')\n").map((i) => i.message)).toEqual([
      'threw while loading: no config found',
    ])
    const getter = "export default { get id() { throw new Error('boom') } }\n"
    expect(issuesOf(getter, 'g.js').map((i) => i.message)).toContain('id: reading it threw Error: boom')
  })

  it('refuses a module with no export, an empty list, too many planners, a wrong extension, too much text', () => {
    expect(issuesOf('const x = 1\n')[0].message).toBe("export the planner as the module's default export")
    expect(issuesOf('export default []\n')[0].message).toBe('it exports an empty list of planners')
    const many = `export default Array.from({ length: ${MAX_PLANNERS_PER_MODULE + 1} }, () => ({}))`
    expect(issuesOf(many)[0].message).toMatch(/at most 12 planners in one module, got 13/)
    expect(issuesOf('export default {}', 'mine.py')[0].message).toMatch(/ending in \.js, \.mjs, \.ts/)
    expect(issuesOf(`// ${'x'.repeat(MAX_MODULE_BYTES)}`)[0].message).toMatch(/at most 512 KB/)
  })
})

describe('describePlanner', () => {
  it('gives a user planner its parameters as JSON Schema with defaults filled', () => {
    const r = loadPlannerModule(FIRST_COME, 'first-come.ts')
    if (!r.ok) throw new Error('first-come should load')
    const d = describePlanner(r.planners[0])
    expect(d).toMatchObject({
      id: 'allocation/first-come',
      kind: 'allocation',
      label: 'First come, first served',
      defaults: { lookAheadH: 2 },
    })
    expect(d.params?.properties?.lookAheadH).toMatchObject({
      type: 'number',
      exclusiveMinimum: 0,
      default: 2,
    })
    // Plain data: it survives structured cloning unchanged.
    expect(structuredClone(d)).toEqual(d)
  })

  it('says why a schema cannot be a form instead of failing', () => {
    const text = `import { z } from 'zod'
export default { id: 'allocation/s', kind: 'allocation', label: 'S', description: 'x'.repeat(5000),
  params: z.string(), plan: () => [] }`
    const r = loadPlannerModule(text, 's.js')
    if (!r.ok) throw new Error('should load')
    const d = describePlanner(r.planners[0])
    expect(d.params).toBeNull()
    expect(d.paramsNote).toMatch(/no defaults|not an object/)
    expect(d.description.length).toBeLessThanOrEqual(1200)
  })
})
