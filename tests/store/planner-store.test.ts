// The user's planners and strategies: loading a module file through the inspector (here its
// answers computed in Node), refusals shown in the scenario error panel, and the store's rules.

import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { createAppStore } from '../../src/store/appStore'
import {
  addModule,
  allPlanners,
  createPlannerStore,
  removeModule,
  saveStrategy,
  usesUserPlanner,
} from '../../src/store/plannerStore'
import { isPlannerFile, loadPlannerFile, type PluginDeps } from '../../src/store/plugins'
import { answerInspector } from '../../src/worker/plugins/inspect'

const FIRST_COME = readFileSync(new URL('../cli/fixtures/first-come.ts', import.meta.url), 'utf8')

function deps(): PluginDeps {
  // A scenario is running: a refused module must leave it alone.
  const app = createAppStore({ file: 'scenarios/default.json', loading: false })
  return { app, planners: createPlannerStore(), inspect: async (q) => answerInspector(q) }
}

const file = (name: string, text: string) => ({ name, size: text.length, text: async () => text })

describe('loadPlannerFile', () => {
  it('lists a good module beside the built-ins and opens the editor', async () => {
    const d = deps()
    await loadPlannerFile(d, file('first-come.ts', FIRST_COME))
    const s = d.planners.getState()
    expect(s.builtIns?.length).toBeGreaterThan(5)
    expect(s.modules.map((m) => m.file)).toEqual(['first-come.ts'])
    expect(allPlanners(s).at(-1)).toMatchObject({ id: 'allocation/first-come', file: 'first-come.ts' })
    expect(s.editorOpen).toBe(true)
    expect(s.checking).toBeNull()
    expect(d.app.getState().loadIssues).toBeNull()
  })

  it('shows a faulty module in the scenario error panel and keeps the running scenario', async () => {
    const d = deps()
    d.planners.setState({ editorOpen: true })
    await loadPlannerFile(d, file('bad.ts', "import fs from 'node:fs'\nexport default fs\n"))
    const a = d.app.getState()
    expect(a.loadIssues?.file).toBe('bad.ts')
    expect(a.loadIssues?.issues[0].message).toMatch(/may import only "zod"/)
    expect(a.file).toBe('scenarios/default.json')
    expect(d.planners.getState().modules).toEqual([])
    // The dialog closes so the panel is not hidden behind it.
    expect(d.planners.getState().editorOpen).toBe(false)
  })

  it('refuses a planner id a built-in already has, and a file too large before reading it', async () => {
    const d = deps()
    const clash = FIRST_COME.replace("'allocation/first-come'", "'allocation/optimal'")
    await loadPlannerFile(d, file('clash.ts', clash))
    expect(d.app.getState().loadIssues?.issues[0].message).toBe(
      'its planner id "allocation/optimal" is already taken by a built-in planner; give it another id',
    )
    let read = false
    await loadPlannerFile(d, {
      name: 'huge.js',
      size: 10 * 1024 * 1024,
      text: async () => {
        read = true
        return ''
      },
    })
    expect(read).toBe(false)
    expect(d.app.getState().loadIssues?.issues[0].message).toMatch(/at most 512 KB, got 10240 KB/)
  })

  it('knows planner files by extension', () => {
    expect(['a.js', 'b.MJS', 'c.ts', 'd.json', 'e.tsx'].map(isPlannerFile)).toEqual([
      true,
      true,
      true,
      false,
      false,
    ])
  })
})

describe('the planner store', () => {
  const mine = { id: 'allocation/mine', kind: 'allocation' as const, label: 'Mine', description: '' }
  const described = { ...mine, triggers: [], params: null, defaults: {} }

  it('replaces a module loaded again from the same file, and drops what it no longer offers', () => {
    const store = createPlannerStore({ builtIns: [] })
    expect(addModule(store, { file: 'm.js', text: 'v1', planners: [described] })).toBeNull()
    expect(
      saveStrategy(store, { name: 'mine', planners: { allocation: 'allocation/mine' }, params: {} }, []),
    ).toEqual([])
    const renamed = { ...described, id: 'allocation/mine2' }
    expect(addModule(store, { file: 'm.js', text: 'v2', planners: [renamed] })).toBeNull()
    const s = store.getState()
    expect(s.modules.map((m) => m.text)).toEqual(['v2'])
    expect(s.strategies[0].planners).toEqual({})
  })

  it('removing a module removes the strategies that used it', () => {
    const store = createPlannerStore({ builtIns: [] })
    addModule(store, { file: 'm.js', text: '', planners: [described] })
    saveStrategy(store, { name: 'a', planners: { allocation: 'allocation/mine' }, params: {} }, [])
    expect(usesUserPlanner(store.getState(), store.getState().strategies[0])).toBe(true)
    removeModule(store, 'm.js')
    expect(store.getState().strategies).toEqual([])
  })

  it('refuses a bad name, a scenario strategy name, no planner and an unknown planner, all at once', () => {
    const store = createPlannerStore({ builtIns: [] })
    expect(
      saveStrategy(store, { name: 'a b', planners: { allocation: 'allocation/nope' }, params: {} }, []),
    ).toEqual([
      'name: expected 1 to 40 letters, digits, "-", "_" or "." (starting with a letter or digit)',
      'planner "allocation/nope" is not loaded',
    ])
    expect(saveStrategy(store, { name: 'baseline', planners: {}, params: {} }, ['baseline'])).toEqual([
      'name: the scenario already has a strategy "baseline"; choose another name',
      'choose at least one planner',
    ])
    expect(store.getState().strategies).toEqual([])
  })
})
