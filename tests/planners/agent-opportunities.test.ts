// The imaging opportunities a plan message carries (issue 14): what the view's own canImage says
// at the sampled times, nothing missed among the tasks scanned, bounded, and in the shape the
// protocol's zod schema (and so the generated JSON Schema) describes.

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  createSimulation,
  DEFAULT_TELEMETRY_WINDOW,
  MAX_OPPORTUNITY_CHECKS,
  type WorldView,
} from '../../src/core'
import { registry } from '../../src/planners'
import {
  type AgentLink,
  agentGuest,
  agentManifest,
  imagingOpportunities,
  opportunitiesSchema,
  planSchema,
} from '../../src/planners/agent'
import { createIsolatedPlanner } from '../../src/planners/isolation/host'
import { loadScenarioText } from '../../src/scenario'
import { lazy } from '../support/lazy'

const ROOT = join(import.meta.dirname, '..', '..')

/** The view an allocation planner gets at its call at or after `atS`. */
function viewAt(file: string, atS: number): WorldView {
  const r = loadScenarioText(readFileSync(join(ROOT, file), 'utf8'), file, {
    knownPlanners: registry.names(),
  })
  if (!r.ok) throw new Error(`${file} does not load`)
  let view: WorldView | null = null
  const sim = createSimulation(r.scenario, r.scenario.strategies[0].name, {
    planners: [
      {
        id: 'spy',
        kind: 'allocation',
        plan: (v) => {
          if (v.timeS >= atS) view ??= v
          return []
        },
      },
    ],
  })
  sim.runUntil(atS + r.scenario.plannerCadenceS)
  if (!view) throw new Error('the planner was not called')
  return view
}

describe('imaging opportunities', () => {
  // Made by the first test that needs them (tests/support/lazy.ts).
  const made = lazy(() => {
    const view = viewAt('scenarios/resource-allocation.json', 3 * 3600)
    return { view, o: imagingOpportunities(view) }
  })

  it('covers the horizon to the next call, on the step, and matches the protocol schema', () => {
    const { view, o } = made()
    expect(o.fromS).toBe(view.timeS)
    expect(o.toS).toBe(view.timeS + view.plannerCadenceS)
    expect(o.sampleS).toBe(view.stepS)
    expect(o.complete).toBe(true)
    expect(o.imaging.length).toBeGreaterThan(0)
    expect(opportunitiesSchema.safeParse(JSON.parse(JSON.stringify(o))).success).toBe(true)
  })

  it('lists each window as canImage sees it, and nothing canImage would find among the tasks scanned', () => {
    const { view, o } = made()
    const times = Array.from(
      { length: Math.floor((o.toS - o.fromS) / o.sampleS) + 1 },
      (_, i) => o.fromS + i * o.sampleS,
    )
    const live = view.tasks.filter(
      (t) =>
        (t.state === 'pending' || t.state === 'open') && t.windowEndS >= o.fromS && t.windowStartS <= o.toS,
    )
    expect(o.tasksScanned).toBe(live.length)
    let pairs = 0
    for (const t of live)
      for (const s of view.satellites) {
        if (s.failed || s.retired) continue
        const inWindow = times.filter((tS) => tS >= t.windowStartS && tS <= t.windowEndS)
        const yes = inWindow.filter((tS) => view.canImage(s.index, t.index, tS))
        const listed = o.imaging.find((x) => x.task === t.index && x.satellite === s.index)
        if (yes.length === 0) {
          expect(listed).toBeUndefined()
          continue
        }
        pairs++
        expect(listed?.startS).toBe(yes[0])
        // The first window ends at its last sample in a row.
        let end = yes[0]
        while (yes.includes(end + o.sampleS)) end += o.sampleS
        expect(listed?.endS).toBe(end)
      }
    expect(o.imaging.length).toBe(pairs)
    const order = o.imaging.map((x) => [x.startS, x.task, x.satellite])
    expect(order).toEqual([...order].sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]))
  })

  it('stays within its bound of canImage tests, by priority first, and says it left tasks out', () => {
    const { view } = made()
    // A view whose horizon is long enough that not every task fits in the bound.
    let calls = 0
    const long: WorldView = Object.create(view, {
      plannerCadenceS: { value: 6 * 3600 },
      canImage: {
        value: (k: number, q: number, tS: number) => {
          calls++
          return view.canImage(k, q, tS)
        },
      },
    })
    const cut = imagingOpportunities(long)
    expect(calls).toBeLessThanOrEqual(MAX_OPPORTUNITY_CHECKS)
    expect(cut.complete).toBe(false)
    expect(cut.tasksScanned).toBeGreaterThan(0)
    // The tasks scanned are the highest-priority ones: none listed is below the priority of the
    // last one the bound let in.
    const live = view.tasks.filter(
      (t) =>
        (t.state === 'pending' || t.state === 'open') &&
        t.windowEndS >= cut.fromS &&
        t.windowStartS <= cut.toS,
    )
    expect(cut.tasksScanned).toBeLessThan(live.length)
    const floor = live.map((t) => t.priority).sort((a, b) => b - a)[cut.tasksScanned - 1]
    expect(cut.imaging.length).toBeGreaterThan(0)
    for (const x of cut.imaging) expect(view.tasks[x.task].priority).toBeGreaterThanOrEqual(floor)
  })
})

describe('the plan message', () => {
  it('carries the opportunities, in the shape the protocol schema describes', async () => {
    const file = 'scenarios/resource-allocation.json'
    const r = loadScenarioText(readFileSync(join(ROOT, file), 'utf8'), file, {
      knownPlanners: registry.names(),
    })
    if (!r.ok) throw new Error(`${file} does not load`)
    const spec = r.scenario
    const plans: unknown[] = []
    // An agent process stand-in: answers the hello, keeps each plan line, decides nothing.
    const start = (): AgentLink => {
      let onLine: (line: string) => void = () => {}
      return {
        send: (line) => {
          const m = JSON.parse(line)
          const reply = (x: unknown) => queueMicrotask(() => onLine(JSON.stringify(x)))
          if (m.type === 'hello') reply({ protocol: 'mission-sandbox/1', type: 'hello', agent: 'test' })
          if (m.type === 'plan') {
            plans.push(m)
            reply({ type: 'decisions', call: m.call, decisions: [] })
          }
        },
        onLine: (h) => (onLine = h),
        onEnd: () => {},
        stderrTail: () => '',
        kill: () => {},
      }
    }
    const made = await createIsolatedPlanner({
      start: agentGuest({ start, kind: 'allocation', deadlineMs: 30_000 }),
      manifest: agentManifest('agent:test', 'allocation', 'test'),
      spec,
      telemetryWindow: DEFAULT_TELEMETRY_WINDOW,
      params: undefined,
      timeoutMs: 30_000,
      restart: false,
    })
    if (!('planner' in made)) throw new Error(made.problems.join('; '))
    const sim = createSimulation(spec, 'greedy', { planners: [made.planner] })
    await sim.runUntilAsync(2 * 3600)
    made.planner.dispose()
    expect(plans.length).toBe(1 + (2 * 3600) / spec.plannerCadenceS)
    for (const p of plans) {
      const checked = planSchema.safeParse(p)
      expect(checked.success, JSON.stringify(checked.error?.issues[0])).toBe(true)
    }
    const listed = plans.flatMap(
      (p) => (p as { opportunities: { imaging: unknown[] } }).opportunities.imaging,
    )
    expect(listed.length).toBeGreaterThan(0)
  }, 120_000)
})
