// The isolation host and guest over an in-memory transport: a planner behind the boundary
// computes byte for byte what it computes in-process (the guest rebuilds the same WorldView,
// telemetry and predictions included), and a call that never returns is stopped at the deadline.

import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  createSimulation,
  DEFAULT_TELEMETRY_WINDOW,
  type EnginePlanner,
  type ScenarioSpec,
  type SimReport,
} from '../../src/core'
import { registry } from '../../src/planners'
import { createIsolatedPlanner, probePlannerModule } from '../../src/planners/isolation/host'
import type { HostMessage } from '../../src/planners/isolation/protocol'
import { loadScenarioText } from '../../src/scenario'
import { memoryGuest, portGuest, type WakeCounts } from './isolation-support'

/** The report without its timing section (the one part measured on the wall clock). */
function bytes(r: SimReport): string {
  const { timing: _varies, ...rest } = r
  return JSON.stringify(rest)
}

function scenario(file: string): ScenarioSpec {
  const r = loadScenarioText(readFileSync(file, 'utf8'), file, { knownPlanners: registry.names() })
  if (!r.ok) throw new Error(`${file} does not load`)
  return r.scenario
}

/** The strategy's planners, each behind an in-memory isolation boundary. */
async function isolatedStrategy(
  spec: ScenarioSpec,
  name: string,
  started?: { count: number },
  wake?: WakeCounts,
) {
  const strategy = spec.strategies.find((s) => s.name === name)!
  const out: EnginePlanner[] = []
  for (const kind of ['trajectory', 'allocation', 'maintenance'] as const) {
    const short = strategy[kind]
    if (!short) continue
    const planner = registry.find(kind, short)!
    const probe = await probePlannerModule(memoryGuest(planner))
    if (!('planners' in probe)) throw new Error(probe.problems.join('; '))
    const made = await createIsolatedPlanner({
      start: memoryGuest(planner, started, false, wake),
      manifest: probe.planners[0],
      spec,
      telemetryWindow: DEFAULT_TELEMETRY_WINDOW,
      params: strategy.params[kind],
    })
    if (!('planner' in made)) throw new Error(made.problems.join('; '))
    out.push(made.planner)
  }
  return out
}

describe('a planner behind the isolation boundary', () => {
  const spec = scenario('scenarios/default.json')

  it('gives a byte-identical report to the same planners in-process', async () => {
    const local = createSimulation(spec, 'predictive', {
      planners: registry.bind(spec.strategies[1]).planners,
    })
    local.runUntil(spec.durationS)
    const planners = await isolatedStrategy(spec, 'predictive')
    expect(planners.every((p) => p.isolated && !p.plan)).toBe(true)
    const remote = createSimulation(spec, 'predictive', { planners })
    await remote.runUntilAsync(spec.durationS)
    const same = bytes(remote.report()) === bytes(local.report())
    expect(same).toBe(true)
    expect(remote.report().timing?.planners.length).toBe(3)
    // The comparison means something: the strategy did act (an alert, burns, assignments).
    expect(remote.report().counts.decisions).toBeGreaterThan(10)
    expect(remote.report().counts.alerts).toBeGreaterThan(0)
  }, 120_000)

  it('a guest woken before each call (a Node thread) answers the same, taking the call awake', async () => {
    const local = createSimulation(spec, 'predictive', {
      planners: registry.bind(spec.strategies[1]).planners,
    })
    local.runUntil(spec.durationS)
    const wake: WakeCounts = { wakes: 0, takenAwake: 0 }
    const remote = createSimulation(spec, 'predictive', {
      planners: await isolatedStrategy(spec, 'predictive', undefined, wake),
    })
    await remote.runUntilAsync(spec.durationS)
    expect(bytes(remote.report()) === bytes(local.report())).toBe(true)
    // Every call was announced, and the announced call was taken from the queue while awake,
    // not delivered later: the path the wake hint exists for ran.
    const calls = remote.report().timing!.planners.reduce((n, p) => n + p.calls, 0)
    expect(wake.wakes).toBe(calls)
    expect(wake.takenAwake).toBe(calls)
  }, 120_000)

  it('restoring a snapshot and running on gives the same results again', async () => {
    const started = { count: 0 }
    const sim = createSimulation(spec, 'predictive', {
      planners: await isolatedStrategy(spec, 'predictive', started),
    })
    await sim.runUntilAsync(8 * 3600)
    const snap = sim.snapshot()
    await sim.runUntilAsync(spec.durationS)
    const first = bytes(sim.report())
    sim.restore(snap)
    await sim.runUntilAsync(spec.durationS)
    expect(bytes(sim.report()) === first).toBe(true)
    expect(started.count).toBe(3)
  }, 120_000)

  it('a call that never returns is stopped at the deadline and the planner disabled', async () => {
    const stuck = {
      id: 'allocation/stuck',
      kind: 'allocation',
      label: 'Stuck',
      description: 'Never answers.',
      params: registry.find('allocation', 'greedy-priority')!.params,
      plan: () => new Promise(() => {}),
    }
    const probe = await probePlannerModule(memoryGuest(stuck))
    if (!('planners' in probe)) throw new Error('probe failed')
    const made = await createIsolatedPlanner({
      start: memoryGuest(stuck),
      manifest: probe.planners[0],
      spec,
      telemetryWindow: DEFAULT_TELEMETRY_WINDOW,
      params: {},
      timeoutMs: 50,
    })
    if (!('planner' in made)) throw new Error('no planner')
    const sim = createSimulation(spec, 'baseline', { planners: [made.planner] })
    await sim.runUntilAsync(3600)
    expect(sim.time()).toBe(3600)
    const faults = sim.events().filter((e) => e.type === 'plannerFault')
    expect(faults.map((e) => e.message)).toEqual([
      'allocation/stuck: did not return within 50 ms; disabled for the rest of the run',
    ])
  })

  it('a module that is not a planner is described by its problems, not loaded', async () => {
    const probe = await probePlannerModule(memoryGuest({ id: 'x/y', kind: 'weather' }))
    expect(probe).toEqual({
      problems: [
        'kind: expected one of trajectory, allocation, maintenance, got "weather"',
        'label: expected a string',
        'description: expected a string',
        'params: expected a zod schema (for example z.object({}))',
        'plan: expected a function (view, params) => decisions',
      ],
    })
  })
})

describe('errors outside plan()', () => {
  it('are warnings naming the planner, bounded, and change nothing in the run', async () => {
    const spec = scenario('scenarios/default.json')
    const noisy = {
      ...registry.find('allocation', 'greedy-priority')!,
      plan(view: Parameters<EnginePlanner['plan'] & {}>[0]) {
        Promise.reject(new Error(`unawaited at ${view.timeS}`))
        return []
      },
    }
    const warnings: string[] = []
    const probe = await probePlannerModule(memoryGuest(noisy))
    if (!('planners' in probe)) throw new Error('probe failed')
    const made = await createIsolatedPlanner({
      start: memoryGuest(noisy, undefined, true),
      manifest: probe.planners[0],
      spec,
      telemetryWindow: DEFAULT_TELEMETRY_WINDOW,
      params: {},
      onWarning: (m) => warnings.push(m),
    })
    if (!('planner' in made)) throw new Error('no planner')
    const sim = createSimulation(spec, 'baseline', { planners: [made.planner] })
    await sim.runUntilAsync(2 * 3600)
    await new Promise((r) => setImmediate(r))
    made.planner.dispose()
    expect(warnings.slice(0, 1)).toEqual([
      'planner allocation/greedy-priority: an error outside plan() (ignored): Error: unawaited at 30',
    ])
    expect(warnings).toHaveLength(4)
    expect(warnings[3]).toBe('planner allocation/greedy-priority: more errors outside plan() are not shown')
    expect(sim.events().some((e) => e.type === 'plannerFault')).toBe(false)
  })
})

describe('the wake hint inside the guest', () => {
  const planner = registry.find('allocation', 'greedy-priority')!
  /** A guest on a fake port: what it posts, and a clock that moves 0.25 ms per reading. */
  function fakeGuest(receiveNow?: () => HostMessage | undefined, msPerReading = 0.25) {
    let readings = 0
    const g = portGuest(planner, { receiveNow, clock: () => ++readings * msPerReading })
    return { posted: g.posted, deliver: g.deliver, readings: () => readings }
  }

  it('waits awake a bounded time when no call follows, then goes back to sleep', async () => {
    let asked = 0
    const g = fakeGuest(() => {
      asked++
      return undefined
    })
    await g.deliver({ type: 'wake' })
    // 1 ms of spinning at 0.25 ms a reading: a handful of looks, not a hang.
    expect(asked).toBeGreaterThan(0)
    expect(asked).toBeLessThanOrEqual(4)
    expect(g.posted.map((m) => m.type)).toEqual(['loaded'])
  })

  it('looks for the call at least once, even when the thread ran late past the spin', async () => {
    // 5 ms between clock readings: the spin's end has passed before its first look.
    const queued: HostMessage[] = [{ type: 'plan', call: 1, data: {} as never }]
    const g = fakeGuest(() => queued.shift(), 5)
    await g.deliver({ type: 'wake' })
    expect(queued).toEqual([])
    // The call was taken and answered (here: the view data is no view, so it says so).
    expect(g.posted.map((m) => m.type)).toEqual(['loaded', 'stray'])
  })

  it('is ignored by a guest that cannot receive synchronously (a browser worker)', async () => {
    const g = fakeGuest()
    await g.deliver({ type: 'wake' })
    expect(g.readings()).toBe(0)
    expect(g.posted.map((m) => m.type)).toEqual(['loaded'])
  })
})
