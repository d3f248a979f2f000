// The inspector: its answers (built-in catalog, a user's module) and its client's promise that
// no worker is left running — answered, failed, or stopped at the deadline.

import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { registry } from '../../src/planners'
import { answerInspector } from '../../src/worker/plugins/inspect'
import { createInspect, type InspectorWorker, type Timers } from '../../src/worker/plugins/inspect-client'
import type { FromInspector, ToInspector } from '../../src/worker/plugins/inspect-protocol'

const FIRST_COME = readFileSync(new URL('../cli/fixtures/first-come.ts', import.meta.url), 'utf8')

describe('answerInspector', () => {
  it('describes every built-in planner, each with a form-ready schema and its defaults', () => {
    const answer = answerInspector({ type: 'catalog' })
    if (answer.type !== 'planners') throw new Error('expected planners')
    expect(answer.planners.map((p) => p.id).sort()).toEqual(
      registry
        .all()
        .map((p) => p.id)
        .sort(),
    )
    const hohmann = answer.planners.find((p) => p.id === 'trajectory/hohmann')
    expect(hohmann?.params?.properties?.maxWaitH).toMatchObject({ type: 'number', default: 96, maximum: 720 })
    expect(hohmann?.defaults).toMatchObject({ maxWaitH: 96, avoidCollisions: true })
    for (const p of answer.planners) expect(p.params, p.id).not.toBeNull()
  })

  it('describes a user module, and refuses one that exports two planners with one id', () => {
    const ok = answerInspector({ type: 'inspect', text: FIRST_COME, file: 'first-come.ts' })
    expect(ok.type === 'planners' && ok.planners.map((p) => p.id)).toEqual(['allocation/first-come'])
    const twice = `import { z } from 'zod'
const p = { id: 'allocation/x', kind: 'allocation', label: 'X', description: '', params: z.object({}), plan: () => [] }
export default [p, p]`
    expect(answerInspector({ type: 'inspect', text: twice, file: 't.js' })).toEqual({
      type: 'refused',
      issues: [{ message: 'it exports two planners with the id "allocation/x"' }],
    })
  })
})

/** A fake worker and fake timers: the test decides when (and whether) anything happens. */
function fakes() {
  const log: string[] = []
  let answer: ((a: FromInspector) => void) | null = null
  let failure: ((why: string) => void) | null = null
  let due: (() => void) | null = null
  const worker: InspectorWorker = {
    post: (m: ToInspector) => log.push(`post ${m.type}`),
    listen: (a, f) => {
      answer = a
      failure = f
    },
    terminate: () => log.push('terminate'),
  }
  const timers: Timers = {
    setTimeout: (fn) => {
      due = fn
      return 1
    },
    clearTimeout: () => {
      due = null
    },
  }
  return {
    log,
    worker,
    timers,
    answer: (a: FromInspector) => answer?.(a),
    fail: (why: string) => failure?.(why),
    deadline: () => due?.(),
  }
}

describe('createInspect', () => {
  it('resolves with the answer and terminates the worker', async () => {
    const f = fakes()
    const pending = createInspect(() => f.worker, 5000, f.timers)({ type: 'catalog' })
    f.answer({ type: 'planners', planners: [] })
    await expect(pending).resolves.toEqual({ type: 'planners', planners: [] })
    expect(f.log).toEqual(['post catalog', 'terminate'])
  })

  it('stops a module that never answers at the deadline, and says so', async () => {
    const f = fakes()
    const pending = createInspect(() => f.worker, 5000, f.timers)({ type: 'inspect', text: '', file: 'x.js' })
    f.deadline()
    await expect(pending).resolves.toEqual({
      type: 'refused',
      issues: [{ message: 'it did not finish loading within 5 s, so it was stopped' }],
    })
    expect(f.log).toEqual(['post inspect', 'terminate'])
    // A late answer changes nothing.
    f.answer({ type: 'planners', planners: [] })
    expect(f.log).toEqual(['post inspect', 'terminate'])
  })

  it('turns a worker failure into an issue', async () => {
    const f = fakes()
    const pending = createInspect(() => f.worker, 5000, f.timers)({ type: 'catalog' })
    f.fail('it failed while loading: out of memory')
    await expect(pending).resolves.toEqual({
      type: 'refused',
      issues: [{ message: 'it failed while loading: out of memory' }],
    })
    expect(f.log).toContain('terminate')
  })
})
