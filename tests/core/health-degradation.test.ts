// How a scripted degradation moves a component's true health (src/core/engine/health.ts,
// healthPass and failComponent): health follows the profile down, floors at 0, never rises
// again, and the component fails in the first step its health is at or below the failure limit;
// a component fails once. The thruster is used throughout: its failure does not lose the
// satellite, so its health stays readable after it failed. Expected values come from each
// test's rates and the step, not from the engine.

import { describe, expect, it } from 'vitest'
import { createSimulation, type ScenarioSpec, type Simulation } from '../../src/core'
import { makeSpec, walker } from '../support/spec-fixture'

const STEP = 30
/** P1-S1's thruster: satellite 0, component 2 of COMPONENT_NAMES. */
const THRUSTER = 2

function oneSatellite(over: Partial<ScenarioSpec>): ScenarioSpec {
  return makeSpec({
    satellites: walker(1, 1, 0, 550, 53),
    groundStations: [],
    tasks: [],
    stepS: STEP,
    components: { failureHealth: 0.3, noiseSigma: 0 },
    ...over,
  })
}

const linear = (atS: number, ratePerS: number) => ({
  type: 'degradation' as const,
  atS,
  satellite: 'P1-S1',
  component: 'thruster' as const,
  profile: { kind: 'linear' as const, ratePerS },
})

/** The thruster's true health after every step up to `untilS`. */
function healthTrace(sim: Simulation, untilS: number): { t: number; h: number }[] {
  const out: { t: number; h: number }[] = []
  while (sim.time() < untilS && sim.step()) out.push({ t: sim.time(), h: sim.state().health[THRUSTER] })
  return out
}

const failures = (sim: Simulation) =>
  sim
    .events()
    .filter((e) => e.type === 'componentFailed')
    .map((e) => [e.satellite, e.component, e.t])

describe('a degrading component', () => {
  it('floors at 0 when one step takes it past zero', () => {
    // 1 − 0.02·30 = 0.4 after the first step (above the 0.3 limit), 1 − 0.02·60 = −0.2 after the
    // second: the part fails at T+60 s with health 0, not a negative health.
    const sim = createSimulation(oneSatellite({ durationS: 600, events: [linear(0, 0.02)] }))
    const steps = healthTrace(sim, 600)
    expect(steps[0]).toEqual({ t: 30, h: expect.closeTo(0.4, 12) })
    expect(steps[1]).toEqual({ t: 60, h: 0 })
    expect(steps.slice(1).every((x) => x.h === 0)).toBe(true)
    expect(failures(sim)).toEqual([['P1-S1', 'thruster', 60]])
  })

  it('fails in the step its health is exactly the limit, and keeps that health', () => {
    // Binary-exact numbers: 2⁻¹¹ per second for 960 s is 0.46875, so health is exactly
    // 1 − 0.46875 = 0.53125 = the limit at T+960 s ("at or below" fails it), and was
    // 1 − 930/2048 ≈ 0.546 one step before. A part that wore out to its limit keeps the health
    // it wore out to (only a sudden failure of a healthier part drops it to 0).
    const limit = 0.53125
    const sim = createSimulation(
      oneSatellite({
        durationS: 1200,
        components: { failureHealth: limit, noiseSigma: 0 },
        events: [linear(0, 2 ** -11)],
      }),
    )
    const steps = healthTrace(sim, 1200)
    expect(steps.find((x) => x.t === 930)?.h).toBeGreaterThan(limit)
    expect(failures(sim)).toEqual([['P1-S1', 'thruster', 960]])
    expect(steps.filter((x) => x.t >= 960).every((x) => x.h === limit)).toBe(true)
    // The thruster's own telemetry (the satellite still works) reads the same, noise-free.
    const { t, v } = sim.view().telemetry(0, 'thruster')
    expect(t.at(-1)).toBe(1200)
    expect(v.at(-1)).toBe(limit)
  })

  it('never rises again when a second, slower wear starts over from 1', () => {
    // First wear: 1e-4 per s from T+0, so 1 − 1e-4·2970 = 0.703 after the step at T+2970 s.
    // Second wear on the same part from T+3000 s: 1 − 5e-5·τ is above 0.703 until τ = 5940 s
    // (T+8940 s); until then health holds at 0.703, after it follows the second wear down.
    const held = 1 - 1e-4 * 2970
    const second = (t: number) => 1 - 5e-5 * (t - 3000)
    const sim = createSimulation(
      oneSatellite({ durationS: 4 * 3600, events: [linear(0, 1e-4), linear(3000, 5e-5)] }),
    )
    const steps = healthTrace(sim, 4 * 3600)
    for (const { t, h } of steps) {
      if (t <= 2970) expect(h).toBeCloseTo(1 - 1e-4 * t, 12)
      else if (t <= 8910) expect(h).toBeCloseTo(held, 12)
      else if (t >= 8970) expect(h).toBeCloseTo(second(t), 12)
    }
    for (let i = 1; i < steps.length; i++) expect(steps[i].h).toBeLessThanOrEqual(steps[i - 1].h)
    // 1 − 5e-5·(14400 − 3000) = 0.43: still above the limit at the end.
    expect(failures(sim)).toEqual([])
  })
})

describe('a failed component', () => {
  it('is not failed again: one event, and its failure time is the first', () => {
    // Two sudden failures of the same thruster; the second finds it failed already.
    const sim = createSimulation(
      oneSatellite({
        durationS: 2400,
        events: [
          { type: 'failure', atS: 600, satellite: 'P1-S1', component: 'thruster' },
          { type: 'failure', atS: 1800, satellite: 'P1-S1', component: 'thruster' },
        ],
      }),
    )
    sim.runUntil(2400)
    expect(failures(sim)).toEqual([['P1-S1', 'thruster', 600]])
    expect(sim.state().componentFailedAtS[THRUSTER]).toBe(600)
    // A sudden failure of a healthy part drops its health to 0.
    expect(sim.state().health[THRUSTER]).toBe(0)
  })
})
