// The order inside one engine step is part of its contract (simulation.ts: script → propagate →
// burns → geometry → payload → power → health → conjunctions → sampling → planners). Each test
// sets up two things due in the same step and checks which one saw the other, so moving burns,
// health, sampling or the planners to another place in the step fails a test here.

import { describe, expect, it } from 'vitest'
import { createSimulation, type EnginePlanner, type ScenarioSpec } from '../../src/core'
import { makeSpec, walker } from '../support/spec-fixture'

/** One satellite, no stations or tasks, noise-free telemetry: every number is exact. */
const lone = (over: Partial<ScenarioSpec> = {}): ScenarioSpec =>
  makeSpec({
    satellites: walker(1, 1, 0, 550, 53),
    groundStations: [],
    tasks: [],
    durationS: 2 * 3600,
    components: { failureHealth: 0.3, noiseSigma: 0 },
    ...over,
  })

const burnAt = (atS: number) => ({
  kind: 'maneuver' as const,
  satellite: 'P1-S1',
  atS,
  dv: { frame: 'rtn' as const, r: 0, t: 1, n: 0 },
  purpose: 'other' as const,
  rationale: `burn at ${atS}`,
})

// Linear wear from T+0 at 0.7/1790 per second: health is 1 − 0.7·1770/1790 ≈ 0.308 at T+1770 s
// and 1 − 0.7·1800/1790 ≈ 0.298 at T+1800 s, so it crosses the 0.3 limit in the T+1800 s step.
const RATE = 0.7 / 1790
const wear = (component: 'thruster' | 'reactionWheel') => ({
  type: 'degradation' as const,
  atS: 0,
  satellite: 'P1-S1',
  component,
  profile: { kind: 'linear' as const, ratePerS: RATE },
})

describe('one engine step, in order', () => {
  it('burns come before health: a burn due in the step its thruster fails still fires', () => {
    const sim = createSimulation(lone({ events: [wear('thruster')] }))
    expect(sim.scheduleManeuver(burnAt(1800))).toBeNull()
    expect(sim.scheduleManeuver({ ...burnAt(1830), rationale: 'one step too late' })).toBeNull()
    sim.runUntil(1860)
    const at = (type: string) =>
      sim
        .events()
        .filter((e) => e.type === type)
        .map((e) => e.t)
    expect(at('componentFailed')).toEqual([1800])
    expect(at('maneuverExecuted')).toEqual([1800])
    expect(at('maneuverRefused')).toEqual([1830])
  })

  it('burns come before sampling: the sample of a step counts the burn of that step', () => {
    const sim = createSimulation(lone())
    sim.scheduleManeuver(burnAt(600))
    sim.runUntil(900)
    const { t, values } = sim.series()
    const dv = (time: number) => values.deltaVSpent[t.indexOf(time)]
    expect(dv(300)).toBe(0)
    expect(dv(600)).toBeCloseTo(1, 12)
  })

  it('health comes before sampling: a sample shows the health of its own instant', () => {
    const sim = createSimulation(lone({ events: [wear('reactionWheel')] }))
    sim.runUntil(1800)
    const { t, v } = sim.view().telemetry(0, 'reactionWheel')
    expect(Array.from(t)).toEqual([0, 300, 600, 900, 1200, 1500, 1800])
    // Noise-free, the sampled value is the true health at the sample time; at T+1800 s the
    // wheel fails, the satellite is lost and its telemetry is blank (NaN) from that sample on.
    // Telemetry is stored as float32 (relative precision 6e-8), so 6 decimals; one step of lag
    // would be off by RATE·30 s ≈ 0.012.
    for (let j = 0; j < 6; j++) expect(v[j]).toBeCloseTo(1 - RATE * t[j], 6)
    expect(v[6]).toBeNaN()
    const series = sim.series()
    expect(series.values.failures[series.t.indexOf(1800)]).toBe(1)
  })

  it('planners come after sampling, health and burns: they see this step, not the last one', () => {
    const seen: { t: number; lastSample: number; failed: boolean; pending: number; propellant: number }[] = []
    const watcher: EnginePlanner = {
      id: 'maintenance/watch',
      kind: 'maintenance',
      plan: (view) => {
        const tel = view.telemetry(0, 'battery')
        const sat = view.satellites[0]
        seen.push({
          t: view.timeS,
          lastSample: tel.t[tel.t.length - 1],
          failed: sat.failed,
          pending: sat.pendingManeuvers,
          propellant: sat.propellantKg,
        })
        return []
      },
    }
    const spec = lone({ events: [wear('reactionWheel')] })
    const sim = createSimulation(spec, undefined, { planners: [watcher] })
    sim.scheduleManeuver(burnAt(600))
    const full = spec.satellites[0].bus.propellantKg
    sim.runUntil(1800)
    expect(seen.map((x) => x.t)).toEqual([30, 600, 1200, 1800])
    // Sampling: at T+600 s and later, the planner's newest sample is from its own instant.
    expect(seen.map((x) => x.lastSample)).toEqual([0, 600, 1200, 1800])
    // Burns: the burn due at T+600 s has fired before the planner at T+600 s looks.
    expect(seen.map((x) => x.pending)).toEqual([1, 0, 0, 0])
    expect(seen[0].propellant).toBe(full)
    expect(seen[1].propellant).toBeLessThan(full)
    // Health: the wheel that fails in the T+1800 s step is already failed when it looks.
    expect(seen.map((x) => x.failed)).toEqual([false, false, false, true])
  })

  it('planners come last: a burn they ask for "now" fires in the next step', () => {
    const planner: EnginePlanner = {
      id: 'trajectory/now',
      kind: 'trajectory',
      plan: (view) => (view.timeS === 600 ? [burnAt(600)] : []),
    }
    const sim = createSimulation(lone(), undefined, { planners: [planner] })
    sim.runUntil(900)
    expect(
      sim
        .events()
        .filter((e) => e.type === 'maneuverExecuted')
        .map((e) => e.t),
    ).toEqual([630])
  })
})
