// The allocation planners in full runs of hand-built scenarios: valid decisions only, deterministic,
// no tasks for failed or retired satellites, static plans blind to new tasks while replanning ones
// capture them, assignments sent only when due, and the edge-mode policies doing what they say.

import { describe, expect, it } from 'vitest'
import {
  createSimulation,
  DEG,
  type Decision,
  type EnginePlanner,
  type ScenarioSpec,
  type SimEvent,
  type StrategySpec,
  type TaskSpec,
} from '../../src/core'
import { registry } from '../../src/planners'
import { ALLOCATION_PLANNERS } from '../../src/planners/allocation'
import { allocationParams } from '../../src/planners/allocation/params'
import { makeSpec, TEST_BUS, walker } from '../support/spec-fixture'

const NAMES = ['greedy-priority', 'edf', 'optimal'] as const

/** Deterministic spread of targets between ±60° latitude. */
function tasks(
  n: number,
  prefix: string,
  startS: number,
  endS: number,
  priority = (i: number) => 1 + (i % 10),
) {
  return Array.from(
    { length: n },
    (_, i): TaskSpec => ({
      id: `${prefix}${i}`,
      kind: 'image',
      target: { latRad: (((i * 47) % 120) - 60) * DEG, lonRad: (((i * 83) % 360) - 180) * DEG },
      windowStartS: startS,
      windowEndS: endS,
      priority: priority(i),
      dataBits: 2e9,
    }),
  )
}

const BURST = tasks(6, 'urgent-', 3600, 6 * 3600, () => 10)

function spec(strategies: StrategySpec[], over: Partial<ScenarioSpec> = {}): ScenarioSpec {
  return makeSpec({
    tasks: tasks(30, 'img-', 0, 6 * 3600),
    events: [
      { type: 'taskBurst', atS: 3600, tasks: BURST },
      { type: 'failure', atS: 5400, satellite: 'P2-S2', component: 'reactionWheel' },
      { type: 'stationOutage', atS: 7200, station: 'svalbard', durationS: 3600 },
    ],
    strategies,
    ...over,
  })
}

function strategy(allocation: string, params: Record<string, unknown> = {}): StrategySpec {
  return { name: 's', allocation, params: { allocation: params } }
}

function run(s: ScenarioSpec, extra: EnginePlanner[] = []) {
  const bound = registry.bind(s.strategies[0])
  expect(bound.problems).toEqual([])
  const sim = createSimulation(s, undefined, { planners: [...bound.planners, ...extra] })
  sim.runUntil(s.durationS)
  return sim
}

const taskOf = (e: SimEvent) => /^(\S+)/.exec(e.message)?.[1] ?? ''

const assignments = (events: readonly SimEvent[]) =>
  events.filter((e) => e.type === 'decision' && e.data?.kind === 'assignTask')

describe('allocation planners in full runs', () => {
  it('registers the three planners under allocation/…', () => {
    expect(ALLOCATION_PLANNERS.map((p) => p.id)).toEqual(NAMES.map((n) => `allocation/${n}`))
    for (const name of NAMES) expect(registry.find('allocation', name)?.kind).toBe('allocation')
  })

  it.each(
    NAMES.flatMap((name) =>
      [{}, { replan: false }, { edge: 'always' }, { edge: 'auto' }].map((params) => [name, params] as const),
    ),
  )('%s %j makes only valid decisions and gets tasks done', (name, params) => {
    const sim = run(spec([strategy(name, params)]))
    const m = sim.metrics()
    expect(m.plannerFaults).toBe(0)
    expect(m.tasksCaptured).toBeGreaterThan(5)
    expect(m.tasksCompleted).toBeGreaterThan(0)
    // Every capture was of a task assigned to the satellite that took it.
    const last = new Map<string, string>()
    for (const e of sim.events()) {
      if (e.type === 'decision' && e.data?.kind === 'assignTask') last.set(taskOf(e), e.satellite ?? '')
      if (e.type === 'taskCaptured') expect(last.get(e.task ?? '')).toBe(e.satellite)
    }
  })

  it('the rationale names the task first and explains the choice', () => {
    for (const name of NAMES) {
      const sim = run(spec([strategy(name)]))
      const a = assignments(sim.events())
      expect(a.length).toBeGreaterThan(0)
      for (const e of a) expect(e.message).toMatch(/^(img|urgent)-\d+ .*→ P\d-S\d.*T\+/)
    }
  })

  it.each(NAMES)('%s is deterministic: same view, same decisions; same run, same report', (name) => {
    const s = spec([strategy(name, { edge: 'auto' })])
    const planner = ALLOCATION_PLANNERS.find((p) => p.id === `allocation/${name}`)!
    const params = allocationParams.parse({ edge: 'auto' })
    const sim = createSimulation(s, undefined, { planners: registry.bind(s.strategies[0]).planners })
    sim.runUntil(4000)
    const view = sim.view()
    const a: Decision[] = planner.plan(view, params)
    const b: Decision[] = planner.plan(view, params)
    expect(a.length).toBeGreaterThan(0)
    expect(b).toEqual(a)
    expect(JSON.stringify(run(s).report())).toBe(JSON.stringify(run(s).report()))
  })
})

describe('failed and retired satellites', () => {
  /** A stand-in maintenance planner that retires one satellite from a given time on. */
  const retirer = (satellite: string, atS: number): EnginePlanner => ({
    id: 'maintenance/test-retirer',
    kind: 'maintenance',
    plan: (view) =>
      view.timeS >= atS && !view.satellites.find((s) => s.id === satellite)?.retired
        ? [
            {
              kind: 'alert',
              satellite,
              component: 'reactionWheel',
              severity: 'critical',
              retire: true,
              rationale: 'test: stop relying on it',
            },
          ]
        : [],
  })

  /** A satellite holding an assigned, uncaptured task that another satellite could image after tS. */
  function victimAt(s: ScenarioSpec, tS: number): { victim: string; held: string[] } {
    const pre = createSimulation(s, undefined, { planners: registry.bind(s.strategies[0]).planners })
    pre.runUntil(tS - s.stepS)
    const view = pre.view()
    const rescuable = view.tasks.filter((t) => {
      if (t.assignedTo === null || t.state !== 'open') return false
      for (let ts = tS + 600; ts <= t.windowEndS; ts += view.stepS) {
        if (view.satellites.some((x) => x.id !== t.assignedTo && view.canImage(x.index, t.index, ts)))
          return true
      }
      return false
    })
    expect(rescuable.length).toBeGreaterThan(0)
    const victim = rescuable[0].assignedTo!
    return { victim, held: rescuable.filter((t) => t.assignedTo === victim).map((t) => t.id) }
  }

  const quiet = (name: string) =>
    spec([strategy(name)], { events: [{ type: 'taskBurst', atS: 3600, tasks: BURST }] })

  it.each(NAMES)('%s gives no task to a failed satellite and re-plans the tasks it held', (name) => {
    const failAt = 5400
    const { victim, held } = victimAt(quiet(name), failAt)
    const probe = quiet(name)
    const sim = run({
      ...probe,
      events: [
        ...probe.events,
        { type: 'failure', atS: failAt, satellite: victim, component: 'reactionWheel' },
      ],
    })
    const failedAt = sim.events().find((e) => e.type === 'satelliteFailed' && e.satellite === victim)!.t
    const a = assignments(sim.events())
    expect(a.filter((e) => e.satellite === victim && e.t >= failedAt)).toEqual([])
    expect(a.filter((e) => e.t >= failedAt && held.includes(taskOf(e))).length).toBeGreaterThan(0)
  })

  it.each(NAMES)('%s stops tasking a satellite once an alert retires it and moves its tasks', (name) => {
    const retireAt = 5400
    const { victim, held } = victimAt(quiet(name), retireAt)
    const sim = run(quiet(name), [retirer(victim, retireAt)])
    const alertAt = sim.events().find((e) => e.type === 'alert' && e.satellite === victim)!.t
    const a = assignments(sim.events())
    expect(a.some((e) => e.satellite === victim && e.t < alertAt)).toBe(true)
    expect(a.filter((e) => e.satellite === victim && e.t >= alertAt)).toEqual([])
    const moved = a.filter((e) => e.t >= alertAt && held.includes(taskOf(e)))
    expect(moved.length).toBeGreaterThan(0)
    expect(moved.every((e) => e.message.includes(`moved from ${victim}`))).toBe(true)
  })
})

describe('static plans and replanning', () => {
  it.each(NAMES)('%s with replan: false never reacts to a task burst; with replan: true it does', (name) => {
    const burstIds = new Set(BURST.map((t) => t.id))
    const staticRun = run(spec([strategy(name, { replan: false })]))
    const firstCall = assignments(staticRun.events())
    expect(firstCall.length).toBeGreaterThan(0)
    expect(firstCall.every((e) => e.t <= staticRun.spec.stepS)).toBe(true)
    const burstCaptures = (events: readonly SimEvent[]) =>
      events.filter((e) => e.type === 'taskCaptured' && burstIds.has(e.task ?? '')).length
    expect(burstCaptures(staticRun.events())).toBe(0)
    const replanning = run(spec([strategy(name)]))
    expect(burstCaptures(replanning.events())).toBeGreaterThan(0)
  })

  it.each(NAMES)('%s sends an assignment only when its capture is due within the commit window', (name) => {
    // A view with nothing assigned yet (no planner ran), so the planner has everything to decide.
    const s = spec([strategy(name, { commitH: 0.5 })])
    const sim = createSimulation(s)
    sim.runUntil(1800)
    const view = sim.view()
    const planner = ALLOCATION_PLANNERS.find((p) => p.id === `allocation/${name}`)!
    const params = allocationParams.parse({ commitH: 0.5 })
    const commitEnd = view.timeS + Math.max(0.5 * 3600, 2 * view.plannerCadenceS + view.stepS)
    const decisions = planner.plan(view, params).filter((d) => d.kind === 'assignTask')
    expect(decisions.length).toBeGreaterThan(0)
    const firstPass = (q: number, k: number): number => {
      for (let t = view.timeS + view.stepS; t <= view.tasks[q].windowEndS; t += view.stepS) {
        if (t >= view.tasks[q].windowStartS && view.canImage(k, q, t)) return t
      }
      return Number.NaN
    }
    for (const d of decisions) {
      const q = view.tasks.findIndex((t) => t.id === d.task)
      const k = view.satellites.findIndex((x) => x.id === d.satellite)
      expect(firstPass(q, k)).toBeLessThanOrEqual(commitEnd)
    }
    // Open tasks that no satellite reaches before the commit window ends wait for a later call.
    const sent = new Set(decisions.map((d) => (d.kind === 'assignTask' ? d.task : '')))
    const later = view.tasks.filter(
      (t, q) =>
        t.state === 'open' &&
        !sent.has(t.id) &&
        view.satellites.every((_, k) => !(firstPass(q, k) <= commitEnd)) &&
        view.satellites.some((_, k) => firstPass(q, k) > commitEnd),
    )
    expect(later.length).toBeGreaterThan(0)
  })
})

describe('edge mode', () => {
  const modeDecisions = (events: readonly SimEvent[]) =>
    events.filter((e) => e.type === 'decision' && e.data?.kind === 'setMode')

  /** Small storage, slow downlink and big images: storage and downlink are the bottleneck. */
  const tight = (edge: string) =>
    spec([strategy('greedy-priority', { edge })], {
      satellites: walker(12, 3, 1, 550, 53).map((s) => ({
        ...s,
        bus: { ...TEST_BUS, storageBits: 12e9, downlinkRateBps: 5e6 },
      })),
      tasks: tasks(30, 'img-', 0, 6 * 3600).map((t) => ({ ...t, dataBits: 6e9 })),
    })

  it('never: no mode decisions', () => {
    expect(modeDecisions(run(tight('never')).events())).toEqual([])
  })

  it('always: every working satellite switches to edge at the first call', () => {
    const sim = run(tight('always'))
    const d = modeDecisions(sim.events())
    expect(d.map((e) => e.satellite).sort()).toEqual(sim.spec.satellites.map((s) => s.id).sort())
    expect(d.every((e) => e.t <= sim.spec.stepS)).toBe(true)
    expect(sim.view().satellites.every((s) => s.mode === 'edge')).toBe(true)
  })

  it('auto: edge where storage is the bottleneck, and delivers more than raw', () => {
    const auto = run(tight('auto'))
    const raw = run(tight('never'))
    const d = modeDecisions(auto.events())
    expect(d.length).toBeGreaterThan(0)
    expect(
      d.every((e) =>
        /(storage and downlink hold \d+ of the \d+ raw images|Gb to send against)/.test(e.message),
      ),
    ).toBe(true)
    expect(auto.metrics().tasksCompleted!).toBeGreaterThan(raw.metrics().tasksCompleted!)
  })

  it('auto: no edge mode when storage and downlink are plentiful', () => {
    expect(modeDecisions(run(spec([strategy('greedy-priority', { edge: 'auto' })])).events())).toEqual([])
  })
})
