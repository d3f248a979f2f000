// The trajectory scenarios make claims in their descriptions; these tests load the files the way
// the app and the CLI do and check that the claimed differences between strategies really appear.

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  createSimulation,
  type MetricValues,
  R_EARTH,
  type ScenarioSpec,
  type SimEvent,
} from '../../src/core'
import { registry } from '../../src/planners'
import { hohmann } from '../../src/planners/trajectory/transfers'
import { loadScenarioText } from '../../src/scenario'

const ROOT = join(import.meta.dirname, '..', '..')

function load(file: string): ScenarioSpec {
  const text = readFileSync(join(ROOT, file), 'utf8')
  const result = loadScenarioText(text, file, { knownPlanners: registry.names() })
  if (!result.ok) throw new Error(result.issues.map((i) => i.message).join('\n'))
  return result.scenario
}

interface Run {
  metrics: MetricValues
  events: readonly SimEvent[]
}

function runStrategy(spec: ScenarioSpec, name: string): Run {
  const strategy = spec.strategies.find((s) => s.name === name)
  if (!strategy) throw new Error(`no strategy ${name}`)
  const { planners, problems } = registry.bind(strategy)
  expect(problems).toEqual([])
  const sim = createSimulation(spec, name, { planners })
  sim.runUntil(spec.durationS)
  return { metrics: sim.metrics(), events: sim.events() }
}

describe('scenarios/slot-recovery.json', () => {
  const spec = load('scenarios/slot-recovery.json')
  // Each strategy's run is made by the first test that needs it, then shared (not a beforeAll
  // hook: mutation testing credits code run in a hook to no test at all).
  const cache: Record<string, Run> = {}
  const runs = new Proxy(cache, { get: (c, name: string) => (c[name] ??= runStrategy(spec, name)) })

  it('compares the three trajectory planners with the same allocation and maintenance', () => {
    expect(spec.strategies.map((s) => s.name)).toEqual(['hohmann', 'bi-elliptic', 'phasing'])
    for (const s of spec.strategies) {
      expect(s.trajectory).toBe(s.name)
      expect(s.allocation).toBe('greedy-priority')
      expect(s.maintenance).toBe('threshold')
    }
  })

  it('every strategy fills the slot without a planner fault', () => {
    for (const s of spec.strategies) {
      const { metrics, events } = runs[s.name]
      expect(metrics.slotFillH, s.name).not.toBeNull()
      expect(metrics.plannerFaults, s.name).toBe(0)
      const filled = events.find((e) => e.type === 'slotFilled')
      expect(filled?.message).toContain("P1-S1's slot")
    }
  })

  it('Hohmann costs the least Δv (≈ 55 m/s, its textbook value), fills the slot later than phasing', () => {
    const spare = spec.satellites.find((s) => s.id === 'SPARE-1')!
    const target = spec.satellites.find((s) => s.id === 'P1-S1')!
    if (spare.orbit.kind !== 'kepler' || target.orbit.kind !== 'kepler')
      throw new Error('Keplerian orbits expected')
    const book = hohmann(spare.orbit.elements.a, target.orbit.elements.a)
    if (!book.ok) throw new Error(book.reason)
    const h = runs.hohmann.metrics
    expect(Math.abs(h.deltaVSpent! - book.dvTotal) / book.dvTotal).toBeLessThan(0.01)
    expect(h.deltaVSpent!).toBeLessThan(runs.phasing.metrics.deltaVSpent!)
    expect(h.slotFillH!).toBeGreaterThan(runs.phasing.metrics.slotFillH!)
    // "about 8 h" of waiting for the phase, as the description says.
    const firstBurn = runs.hohmann.events.find((e) => e.type === 'maneuverExecuted')!
    expect(firstBurn.t / 3600 - 1).toBeGreaterThan(6)
    expect(firstBurn.t / 3600 - 1).toBeLessThan(10)
    expect(spare.orbit.elements.a - R_EARTH).toBeCloseTo(450e3, -3)
  })

  it('phasing fills the slot hours sooner, for several times the Δv', () => {
    const p = runs.phasing.metrics
    const h = runs.hohmann.metrics
    expect(p.slotFillH!).toBeLessThan(h.slotFillH! - 2)
    expect(p.deltaVSpent!).toBeGreaterThan(2 * h.deltaVSpent!)
  })

  it('bi-elliptic costs about three times the Hohmann Δv', () => {
    const ratio = runs['bi-elliptic'].metrics.deltaVSpent! / runs.hohmann.metrics.deltaVSpent!
    expect(ratio).toBeGreaterThan(2.5)
    expect(ratio).toBeLessThan(3.5)
    const rationale = runs['bi-elliptic'].events.find((e) => e.type === 'maneuverExecuted')!.message
    expect(rationale).toMatch(/m\/s MORE, as expected for a radius ratio of 1\.01/)
  })
})

describe('scenarios/smart-constellation.json', () => {
  const spec = load('scenarios/smart-constellation.json')
  // Each strategy's run is made by the first test that needs it, then shared (not a beforeAll
  // hook: mutation testing credits code run in a hook to no test at all).
  const cache: Record<string, Run> = {}
  const runs = new Proxy(cache, { get: (c, name: string) => (c[name] ??= runStrategy(spec, name)) })
  const m = (name: string) => runs[name].metrics
  const shortTasks = () => spec.tasks.filter((t) => t.windowEndS - t.windowStartS <= 3600).map((t) => t.id)
  const fate = (name: string, task: string) =>
    runs[name].events.find((e) => e.task === task && (e.type === 'taskDelivered' || e.type === 'taskExpired'))

  it('sets a static plan against re-planning, with and without moving spares', () => {
    const [still, replan, adaptive] = ['static', 'replan-only', 'adaptive'].map(
      (n) => spec.strategies.find((s) => s.name === n)!,
    )
    expect(still.trajectory).toBeUndefined()
    expect(still.params.allocation).toEqual({ replan: false })
    expect(replan.trajectory).toBeUndefined()
    expect(replan.allocation).toBe(still.allocation)
    expect(adaptive.allocation).toBe(still.allocation)
    expect(adaptive.trajectory).toBeDefined()
    expect(spec.events.filter((e) => e.type === 'failure')).toHaveLength(2)
    expect(spec.events.some((e) => e.type === 'stationOutage')).toBe(true)
    for (const s of spec.strategies) expect(m(s.name).plannerFaults, s.name).toBe(0)
  })

  it('adaptive completes more tasks and priority value than replan-only, which beats static', () => {
    expect(m('adaptive').tasksCompleted!).toBeGreaterThan(m('replan-only').tasksCompleted!)
    expect(m('replan-only').tasksCompleted!).toBeGreaterThan(m('static').tasksCompleted!)
    expect(m('adaptive').priorityValue!).toBeGreaterThan(m('replan-only').priorityValue!)
    expect(m('replan-only').priorityValue!).toBeGreaterThan(m('static').priorityValue!)
    expect(m('adaptive').tasksCompleted).toBe(spec.tasks.length)
  })

  it('only the refilled slots serve the short-window requests', () => {
    const ids = shortTasks()
    expect(ids).toHaveLength(4)
    for (const id of ids) {
      const done = fate('adaptive', id)
      expect(done?.type, id).toBe('taskDelivered')
      expect(done?.satellite, id).toMatch(/^SPARE-/)
      expect(fate('replan-only', id)?.type, id).toBe('taskExpired')
      expect(fate('static', id)?.type, id).toBe('taskExpired')
    }
  })

  it('adaptive refills both slots within about 5.4 h; the others move nothing', () => {
    const filled = runs.adaptive.events.filter((e) => e.type === 'slotFilled').map((e) => e.satellite)
    expect(filled.sort()).toEqual(['SPARE-1', 'SPARE-2'])
    expect(m('adaptive').slotFillH!).toBeLessThan(6)
    expect(m('adaptive').deltaVSpent!).toBeGreaterThan(300)
    expect(m('adaptive').deltaVSpent!).toBeLessThan(450)
    for (const n of ['static', 'replan-only']) {
      expect(m(n).slotFillH).toBeNull()
      expect(m(n).deltaVSpent).toBe(0)
    }
  })
})
