// Collision avoidance: a scripted conjunction that, unanswered, destroys the satellite must become
// a safe pass once a trajectory planner dodges it, and the return burn must restore the orbit.

import { describe, expect, it } from 'vitest'
import {
  createSimulation,
  type EnginePlanner,
  type ManeuverDecision,
  MU_EARTH,
  type ScenarioSpec,
  type Simulation,
} from '../../src/core'
import { registry } from '../../src/planners'
import { makeSpec, walker } from '../support/spec-fixture'

const TCA_S = 3 * 3600
const WARN_S = 600

function conjunctionSpec(missDistanceM = 5): ScenarioSpec {
  return makeSpec({
    satellites: walker(4, 1, 0, 550, 53),
    groundStations: [],
    tasks: [],
    events: [
      {
        type: 'conjunction',
        atS: WARN_S,
        satellite: 'P1-S2',
        tcaS: TCA_S,
        missDistanceM,
        hardBodyRadiusM: 20,
      },
    ],
  })
}

function bind(trajectory: string | undefined, params: unknown = {}): EnginePlanner[] {
  if (!trajectory) return []
  const { planners, problems } = registry.bind({ name: 's', trajectory, params: { trajectory: params } })
  expect(problems).toEqual([])
  return planners
}

function run(spec: ScenarioSpec, trajectory?: string, params: unknown = {}): { sim: Simulation; a0: number } {
  const sim = createSimulation(spec, undefined, { planners: bind(trajectory, params) })
  const a0 = sim.view().satellites.find((s) => s.id === 'P1-S2')!.elements.a
  sim.runUntil(spec.durationS)
  return { sim, a0 }
}

const passMiss = (sim: Simulation) =>
  Number(sim.events().find((e) => e.type === 'conjunctionPassed')?.data?.missM)

describe('an unanswered conjunction', () => {
  it('is a collision that destroys the satellite', () => {
    const { sim } = run(conjunctionSpec())
    expect(sim.events().find((e) => e.type === 'collision')?.satellite).toBe('P1-S2')
    expect(sim.metrics().failures).toBe(1)
  })
})

describe('trajectory/collision-avoidance', () => {
  // Each test makes its own run (a fraction of a second): mutation testing credits code run in a
  // beforeAll hook to no test at all.
  const avoided = () => {
    const { sim, a0 } = run(conjunctionSpec(), 'collision-avoidance')
    return { sim, a0, burns: sim.events().filter((e) => e.type === 'maneuverExecuted') }
  }

  it('turns the collision into a pass beyond the threshold, near the aimed miss', () => {
    const { sim } = avoided()
    expect(sim.events().some((e) => e.type === 'collision')).toBe(false)
    expect(sim.metrics().failures).toBe(0)
    const miss = passMiss(sim)
    expect(miss).toBeGreaterThan(1000) // thresholdKm default
    expect(miss).toBeGreaterThan(0.9 * 2000) // targetMissKm default
    expect(miss).toBeLessThan(3000)
  })

  it('burns along-track at least half an orbit before TCA, and returns after it', () => {
    const { burns, a0 } = avoided()
    expect(burns.map((e) => e.message.match(/\((collision-avoidance|return)\)/)?.[1])).toEqual([
      'collision-avoidance',
      'return',
    ])
    const period = 2 * Math.PI * Math.sqrt(a0 ** 3 / MU_EARTH)
    expect(burns[0].t).toBeLessThanOrEqual(TCA_S - period / 2)
    expect(burns[1].t).toBeGreaterThan(TCA_S)
    // Small: the drift rule 3·Δv·Δt says ≈ 2 km / (3 · 2.8 h) ≈ 6.6 cm/s.
    const dv = Number(burns[0].data?.dvMS)
    const rule = 2005 / (3 * (TCA_S - burns[0].t))
    expect(Math.abs(dv - rule) / rule).toBeLessThan(0.2)
  })

  it('restores the semi-major axis with the return burn', () => {
    const { sim, a0 } = avoided()
    const el = sim.view().satellites.find((s) => s.id === 'P1-S2')!.elements
    expect(Math.abs(el.a - a0)).toBeLessThan(100)
    expect(el.e).toBeLessThan(1e-4)
    expect(sim.metrics().plannerFaults).toBe(0)
  })

  it('is deterministic, explains itself and does not plan twice', () => {
    const { sim } = avoided()
    const probe = createSimulation(conjunctionSpec())
    probe.runUntil(WARN_S)
    const planner = registry.find('trajectory', 'collision-avoidance')!
    const params = planner.params.parse({})
    const a = planner.plan(probe.view(), params) as ManeuverDecision[]
    expect(a).toHaveLength(2)
    expect(planner.plan(probe.view(), params)).toEqual(a)
    for (const d of a) expect(d.rationale).toMatch(/P1-S2/)
    expect(a[0].rationale).toMatch(/3·Δv·Δt/)
    // Only two decisions in the whole run although the planner ran every 10 minutes.
    expect(sim.events().filter((e) => e.type === 'decision')).toHaveLength(2)
  })

  it('leaves a conjunction alone when the predicted miss is already safe', () => {
    const { sim: calm } = run(conjunctionSpec(1500), 'collision-avoidance')
    expect(calm.events().some((e) => e.type === 'maneuverExecuted')).toBe(false)
    expect(passMiss(calm)).toBeCloseTo(1500, 0)
    // A stricter threshold acts on the same warning.
    const { sim: strict } = run(conjunctionSpec(1500), 'collision-avoidance', {
      thresholdKm: 2,
      targetMissKm: 4,
    })
    expect(strict.events().filter((e) => e.type === 'maneuverExecuted')).toHaveLength(2)
    expect(passMiss(strict)).toBeGreaterThan(2000)
  })
})

describe('slot-recovery planners carry the same avoidance', () => {
  it.each(['hohmann', 'bi-elliptic', 'phasing'])('%s dodges by default and not when told not to', (name) => {
    const on = run(conjunctionSpec(), name).sim
    expect(on.metrics().failures).toBe(0)
    expect(passMiss(on)).toBeGreaterThan(1000)
    const off = run(conjunctionSpec(), name, { avoidCollisions: false }).sim
    expect(off.events().some((e) => e.type === 'collision')).toBe(true)
    expect(off.metrics().failures).toBe(1)
  })
})
