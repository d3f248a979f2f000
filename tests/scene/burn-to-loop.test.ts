// A burn, followed from the engine to the drawn loop: the worker's runner (with a test planner
// that makes one scripted 1 m/s prograde burn), the session (a fake port wired straight to the
// runner) and the scene's orbit models, sampled by the same function OrbitPaths draws with.
// The loop must be the engine's new orbit exactly, from the first frame that shows the burn, and
// the old orbit again after stepping back across it.

import { readFileSync } from 'node:fs'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { createSimulation, type Decision, type OrbitFact, type ScenarioSpec } from '../../src/core'
import { KeplerSet } from '../../src/core/kepler-set'
import type { AnyPlanner } from '../../src/planners/planner'
import { PlannerRegistry } from '../../src/planners/registry'
import { loadScenarioText } from '../../src/scenario'
import {
  FleetOrbits,
  SELECTED_ORBIT_SAMPLES,
  sampleOrbitLoop,
  UNITS_PER_M,
  writeOrbitLoop,
} from '../../src/scene/orbits'
import { createSession, type Session } from '../../src/store/session'
import type { FrameMessage, FromWorker } from '../../src/worker/protocol'
import { SimRunner } from '../../src/worker/runner'
import { loadScenarioReader } from '../../src/worker/scenario-reader'
import { fakeLoop } from '../support/fake-loop'

const SATELLITE = 'P2-S4'
const BURN_S = 1800

/** One prograde burn of `dvMS` at `atS`, planned on the first call (a scripted manoeuvre). */
const nudge: AnyPlanner = {
  id: 'trajectory/nudge',
  kind: 'trajectory',
  label: 'Nudge',
  description: 'One scripted prograde burn (test planner).',
  params: z.object({ satellite: z.string(), atS: z.number(), dvMS: z.number() }),
  plan(view, p): Decision[] {
    const sat = view.satellites.find((s) => s.id === p.satellite)
    if (!sat || view.timeS >= p.atS || sat.pendingManeuvers > 0) return []
    const dv = { frame: 'rtn' as const, r: 0, t: p.dvMS, n: 0 }
    return [{ kind: 'maneuver', satellite: p.satellite, atS: p.atS, dv, purpose: 'other', rationale: 'test' }]
  },
}
const registry = new PlannerRegistry([nudge])

/** The default scenario with two strategies: one burns `dvMS` once, the other never burns. */
function scenarioText(dvMS: number): string {
  const json = JSON.parse(readFileSync(new URL('../../scenarios/default.json', import.meta.url), 'utf8'))
  json.strategies = {
    nudged: { trajectory: 'nudge', params: { trajectory: { satellite: SATELLITE, atS: BURN_S, dvMS } } },
    still: {},
  }
  return JSON.stringify(json)
}

/** Runner and session wired together through a fake port, on a fake clock. */
function wired(text: string) {
  const loop = fakeLoop()
  const posted: FromWorker[] = []
  let deliver: (m: FromWorker) => void = () => {}
  const runner = new SimRunner(
    {
      post: (m) => {
        posted.push(m)
        deliver(m)
      },
      ...loop.host,
    },
    registry,
  )
  const session = createSession(() => ({
    post: (m) => runner.handle(m),
    listen: (fn) => {
      deliver = fn
    },
    terminate: () => {},
  }))
  session.loadText(
    { text, file: 'nudge.json', source: { kind: 'file', name: 'nudge.json' } },
    { strategies: ['nudged', 'still'] },
  )
  return { session, posted, settle: () => loop.tick() }
}

/** The engine a reference run reaches at `step` (same scenario, planners and seed). */
function referenceAt(text: string, strategy: string, step: number) {
  const loaded = loadScenarioText(text, 'nudge.json', { knownPlanners: registry.names() })
  if (!loaded.ok) throw new Error('test scenario does not load')
  const spec = loaded.scenario
  const bound = registry.bind(spec.strategies.find((s) => s.name === strategy)!)
  const sim = createSimulation(spec, strategy, { planners: bound.planners })
  while (sim.state().stepIndex < step && sim.step()) {}
  return sim
}

/** The loop of an orbit fact at tS, straight from the core's KeplerSet (no scene code). */
function loopOfFact(fact: OrbitFact, tS: number, j2: boolean): Float32Array {
  if (fact.kind !== 'kepler') throw new Error('Keplerian satellite expected')
  const set = new KeplerSet([fact.elements])
  set.rebase(0, fact.elements, fact.epochS)
  const out = new Float32Array(3 * SELECTED_ORBIT_SAMPLES)
  sampleOrbitLoop(set.elementsAt(0, tS, j2), SELECTED_ORBIT_SAMPLES, UNITS_PER_M, out, 0)
  return out
}

/** The highlighted loop the scene draws for the satellite now, from the session's orbit book. */
function drawnLoop(session: Session, strategyIndex: number, scenario: ScenarioSpec, ids: string[]) {
  const orbits = new FleetOrbits(scenario, ids)
  orbits.sync(session.orbits()[strategyIndex])
  const out = new Float32Array(3 * SELECTED_ORBIT_SAMPLES)
  const t = session.frame().current!.timeS
  expect(writeOrbitLoop(orbits, ids.indexOf(SATELLITE), t, SELECTED_ORBIT_SAMPLES, out, 0, true)).toBe(true)
  return { out, orbits, t }
}

function maxGapKm(a: Float32Array, b: Float32Array): number {
  let gap = 0
  for (let j = 0; j < a.length; j += 3)
    gap = Math.max(
      gap,
      Math.hypot(a[j] - b[j], a[j + 1] - b[j + 1], a[j + 2] - b[j + 2]) / UNITS_PER_M / 1000,
    )
  return gap
}

let open: Session | null = null
// The test's own planner registry: the scenario goes through the validator the worker loads on
// demand (src/worker/scenario-reader.ts), loaded first here so the load is answered at once.
beforeAll(async () => {
  await loadScenarioReader()
}, 60_000)

afterEach(() => {
  open?.dispose()
  open = null
})

describe.each([1, 20])('a scripted %d m/s burn, from the engine to the drawn loop', (dvMS) => {
  const text = scenarioText(dvMS)
  const burnStep = BURN_S / 30

  it('redraws the loop on the engine’s new orbit with the first frame after the burn, and back after a step back', () => {
    const { session, posted, settle } = wired(text)
    open = session
    const app = session.app.getState()
    const scenario = app.scenario!
    const ids = app.satelliteIds
    const k = ids.indexOf(SATELLITE)
    // Whenever a frame reaches the session, the orbit book already holds the orbit of that moment.
    const epochsSeen: [number, number][] = []
    session.onFrame(() => {
      const f = session.frame().current as FrameMessage
      const fact = session.orbits()[0].orbits[k]
      epochsSeen.push([f.timeS, fact?.kind === 'kepler' ? fact.epochS : Number.NaN])
    })
    session.seek(BURN_S - 30)
    settle()
    const before = drawnLoop(session, 0, scenario, ids)
    session.step()
    settle()
    expect(session.app.getState().stepIndex).toBe(burnStep)

    // The loop drawn now is the engine's orbit after the burn, to the last bit.
    const ref = referenceAt(text, 'nudged', burnStep)
    const burned = ref.orbit(k)
    expect(burned.kind === 'kepler' && burned.epochS).toBe(BURN_S)
    const after = drawnLoop(session, 0, scenario, ids)
    expect(after.t).toBe(BURN_S)
    expect(Array.from(after.out)).toEqual(Array.from(loopOfFact(burned, BURN_S, scenario.j2)))
    // It moved (by kilometres even for 1 m/s), and the satellite sits on the model's orbit.
    expect(
      maxGapKm(after.out, loopOfFact(referenceAt(text, 'still', 0).orbit(k), BURN_S, scenario.j2)),
    ).toBeGreaterThan(1)
    expect(maxGapKm(after.out, before.out)).toBeGreaterThan(1)
    const p = new Float64Array(3)
    after.orbits.positionM(k, BURN_S, p, 0)
    const pos = ref.state().pos
    expect(Math.hypot(p[0] - pos[3 * k], p[1] - pos[3 * k + 1], p[2] - pos[3 * k + 2])).toBeLessThan(1e-6)
    // The strategy that did not burn keeps the scenario's orbit.
    const still = drawnLoop(session, 1, scenario, ids)
    expect(Array.from(still.out)).toEqual(
      Array.from(loopOfFact(referenceAt(text, 'still', 0).orbit(k), BURN_S, scenario.j2)),
    )

    // The orbits message came before the frame that first shows the burn.
    const firstAfter = posted.findIndex((m) => m.type === 'frame' && m.timeS >= BURN_S)
    const news = posted.findIndex(
      (m) => m.type === 'orbits' && m.strategy === 'nudged' && m.changed.some((c) => c.index === k),
    )
    expect(news).toBeGreaterThan(-1)
    expect(news).toBeLessThan(firstAfter)

    // Step back across the burn: the old orbit again, exactly.
    session.stepBack()
    settle()
    expect(session.app.getState().stepIndex).toBe(burnStep - 1)
    const back = drawnLoop(session, 0, scenario, ids)
    expect(back.t).toBe(BURN_S - 30)
    expect(Array.from(back.out)).toEqual(Array.from(before.out))
    expect(session.orbits()[0].version).toBe(3)

    // Every frame was drawn with the orbit of its own moment: before the burn epoch 0, after it the burn's.
    expect(epochsSeen.length).toBeGreaterThan(2)
    for (const [t, epochS] of epochsSeen) expect(epochS).toBe(t >= BURN_S ? BURN_S : 0)
  })
})
