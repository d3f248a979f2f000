// The user's own strategies in the simulation worker, driven in Node: the runner binds a user's
// planner behind the isolation host (here an in-process guest on a message queue, the browser's
// Web Worker stand-in), steps it asynchronously and gets the engine's own numbers; a planner
// that never answers is stopped at the deadline with a fault naming it, while pause is answered
// at once and a seek waits for the step in flight.

import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { createSimulation, NONDETERMINISTIC_METRICS, type StrategySpec } from '../../src/core'
import { PlannerRegistry, registry } from '../../src/planners'
import { describePlanner } from '../../src/planners/describe'
import { startGuest } from '../../src/planners/isolation/guest'
import type { GuestTransport } from '../../src/planners/isolation/host'
import type { GuestMessage, HostMessage } from '../../src/planners/isolation/protocol'
import { manifestOf } from '../../src/planners/manifest'
import { loadScenarioText } from '../../src/scenario'
import { evaluatePlannerModule, loadPlannerModule } from '../../src/worker/plugins/module-loader'
import type { FromWorker, UserStrategyDef } from '../../src/worker/protocol'
import { SimRunner } from '../../src/worker/runner'
import type { GuestFactory } from '../../src/worker/user-strategies'

const FILE = 'scenarios/default.json'
const TEXT = readFileSync(new URL(`../../${FILE}`, import.meta.url), 'utf8')
const FIRST_COME = readFileSync(new URL('../cli/fixtures/first-come.ts', import.meta.url), 'utf8')
const NEVER = `import { z } from 'zod'
export default { id: 'allocation/never', kind: 'allocation', label: 'Never', description: 'Never answers.',
  params: z.object({}), plan: () => new Promise(() => {}) }`

/** The guest on a message queue in this thread (what a Web Worker is in the browser). */
const inProcess: GuestFactory = (module) => (): GuestTransport => {
  let toHost: (m: GuestMessage) => void = () => {}
  let toGuest: (m: HostMessage) => void = () => {}
  let dead = false
  setTimeout(() => {
    const run = evaluatePlannerModule(module.text, module.file)
    startGuest(
      { post: (m) => setTimeout(() => !dead && toHost(m)), onMessage: (h) => (toGuest = h) },
      run.ok ? run.exported : undefined,
      { clock: () => performance.now() },
    )
  })
  return {
    post: (m) => setTimeout(() => !dead && toGuest(m)),
    onMessage: (h) => (toHost = h),
    onExit: () => {},
    terminate: () => (dead = true),
  }
}

function def(
  name: string,
  text: string,
  file: string,
  planners: UserStrategyDef['planners'],
): UserStrategyDef {
  const loaded = loadPlannerModule(text, file)
  if (!loaded.ok) throw new Error(`${file} should load`)
  return {
    name,
    planners,
    params: {},
    modules: [{ file, text, planners: loaded.planners.map((p) => manifestOf(describePlanner(p))) }],
  }
}

function harness(timeoutMs = 5000) {
  const messages: FromWorker[] = []
  const runner = new SimRunner(
    {
      post: (m) => messages.push(m),
      now: () => performance.now(),
      schedule: (fn, ms) => setTimeout(fn, ms),
      cancel: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
    },
    registry,
    { guest: inProcess, timeoutMs },
  )
  const last = <T extends FromWorker['type']>(type: T) =>
    [...messages].reverse().find((m) => m.type === type) as Extract<FromWorker, { type: T }> | undefined
  const until = async (ok: () => boolean, what: string) => {
    const start = performance.now()
    while (!ok()) {
      if (performance.now() - start > 30_000) throw new Error(`timed out waiting for ${what}`)
      await new Promise((r) => setTimeout(r, 5))
    }
  }
  runner.handle({ type: 'load', text: TEXT, file: FILE, source: { kind: 'library', key: 'default' } })
  return { runner, messages, last, until }
}

function nodeMetricsAt(strategy: StrategySpec, stepIndex: number) {
  const loaded = loadScenarioText(TEXT, FILE, { knownPlanners: registry.names() })
  const module = loadPlannerModule(FIRST_COME, 'first-come.ts')
  if (!loaded.ok || !module.ok) throw new Error('fixtures load')
  const bound = new PlannerRegistry([...registry.all(), ...module.planners]).bind(strategy)
  const spec = { ...loaded.scenario, strategies: [...loaded.scenario.strategies, strategy] }
  const sim = createSimulation(spec, strategy.name, { planners: bound.planners })
  while (sim.state().stepIndex < stepIndex && sim.step()) {}
  const out: Record<string, number | null> = { ...sim.metrics() }
  for (const k of NONDETERMINISTIC_METRICS) delete out[k]
  return out
}

describe('user strategies in the worker', () => {
  it('runs a user planner isolated, beside a built-in strategy, with the engine’s own numbers', async () => {
    const h = harness()
    h.runner.handle({
      type: 'userStrategies',
      strategies: [def('first', FIRST_COME, 'first-come.ts', { allocation: 'allocation/first-come' })],
    })
    h.runner.handle({ type: 'setStrategies', strategies: ['baseline', 'first'] })
    await h.until(() => h.last('loaded')?.strategies.join() === 'baseline,first', 'the user strategy')
    expect(h.last('loaded')!.planners.first).toEqual([
      expect.objectContaining({ id: 'allocation/first-come', label: 'First come, first served' }),
    ])
    // The scenario the UI is told of is the file's: a user strategy is not part of it.
    expect(h.last('loaded')!.scenario.strategies.map((s) => s.name)).toEqual(['baseline', 'predictive'])
    h.runner.handle({ type: 'seek', timeS: 6 * 3600 })
    await h.until(() => h.last('digest')?.timeS === 6 * 3600 && h.last('digest')?.busy === null, 'the seek')
    const d = h.last('digest')!.digests.find((x) => x.strategy === 'first')!
    const shown: Record<string, number | null> = { ...d.metrics }
    for (const k of NONDETERMINISTIC_METRICS) delete shown[k]
    const strategy = { name: 'first', allocation: 'allocation/first-come', params: {} }
    expect(shown).toEqual(nodeMetricsAt(strategy, 720))
    expect(d.eventCount).toBeGreaterThan(0)
    // Gone from the user's list, gone from the comparison.
    h.runner.handle({ type: 'userStrategies', strategies: [] })
    await h.until(() => h.last('loaded')?.strategies.join() === 'baseline', 'the strategy to be dropped')
  })

  it('stops a planner that never answers at the deadline; pause answers at once, a seek waits', async () => {
    const h = harness(300)
    h.runner.handle({
      type: 'userStrategies',
      strategies: [def('never', NEVER, 'never.js', { allocation: 'allocation/never' })],
    })
    h.runner.handle({ type: 'setStrategies', strategies: ['never'] })
    await h.until(() => h.last('loaded')?.strategies.join() === 'never', 'the user strategy')
    h.runner.handle({ type: 'step' })
    h.runner.handle({ type: 'play', speed: 60 })
    expect(h.last('digest')!.playing).toBe(true)
    h.runner.handle({ type: 'pause' })
    expect(h.last('digest')!.playing).toBe(false)
    // Held until the step in flight is done, then done.
    const before = h.messages.length
    h.runner.handle({ type: 'seek', timeS: 600 })
    expect(h.messages.length).toBe(before)
    await h.until(() => h.last('digest')?.timeS === 600 && h.last('digest')?.busy === null, 'the held seek')
    const events = h.messages.flatMap((m) => (m.type === 'digest' ? m.digests[0].newEvents.events : []))
    expect(events.filter((e) => e.type === 'plannerFault').map((e) => e.message)).toEqual([
      'allocation/never: did not return within 300 ms; disabled for the rest of the run',
    ])
  })
})
