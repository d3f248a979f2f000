import { describe, expect, it } from 'vitest'
import {
  createSimulation,
  type Decision,
  type EnginePlanner,
  G0,
  MU_EARTH,
  R_EARTH,
  type ScenarioSpec,
} from '../../src/core'
import { inCylindricalShadow } from '../../src/core/eclipse'
import { isVisible } from '../../src/core/engine/geometry-pass'
import { sunDirectionEci } from '../../src/core/sun'
import { makeSpec, TEST_BUS, walker } from '../support/spec-fixture'

const bytes = (spec: ScenarioSpec, seed?: number) => {
  const sim = createSimulation(spec, undefined, { seed })
  sim.runUntil(spec.durationS)
  return JSON.stringify(sim.report())
}

const degrading = makeSpec({
  events: [
    {
      type: 'degradation',
      atS: 600,
      satellite: 'P1-S2',
      component: 'reactionWheel',
      profile: { kind: 'linear', ratePerS: 0.7 / (3 * 3600) },
    },
    { type: 'stationOutage', atS: 3600, station: 'hartebeesthoek', durationS: 3600 },
    { type: 'solarStorm', atS: 1800, durationS: 3600, powerLoss: 0.5, noiseFactor: 3 },
  ],
})

describe('determinism', () => {
  it('the same scenario and seed give a byte-identical report', () => {
    const a = bytes(degrading)
    expect(a.length).toBeGreaterThan(1000)
    expect(bytes(degrading)).toBe(a)
  })

  it('a different seed changes the telemetry noise', () => {
    const noise = (seed: number) => {
      const sim = createSimulation(degrading, undefined, { seed })
      sim.runUntil(3600)
      return Array.from(sim.view().telemetry(0, 'battery').v)
    }
    expect(noise(1)).toEqual(noise(1))
    expect(noise(1)).not.toEqual(noise(2))
  })

  it('snapshot at t, run on, restore, run on again gives identical results', () => {
    const sim = createSimulation(degrading)
    sim.runUntil(5000)
    const snap = sim.snapshot()
    sim.runUntil(degrading.durationS)
    const first = JSON.stringify(sim.report())
    const firstTelemetry = Array.from(sim.view().telemetry(3, 'reactionWheel').v)
    sim.restore(snap)
    expect(sim.time()).toBe(snap.state.t)
    sim.runUntil(degrading.durationS)
    expect(JSON.stringify(sim.report())).toBe(first)
    expect(Array.from(sim.view().telemetry(3, 'reactionWheel').v)).toEqual(firstTelemetry)
  })

  it('a snapshot leaves out what the restore recomputes from the positions, and gets it back exactly', () => {
    const sim = createSimulation(degrading)
    sim.runUntil(2400)
    const derived = () => {
      const s = sim.state()
      return [s.ecef, s.sunlit, s.visible, sim.geodetic()].map((a) => Array.from(a as Float64Array))
    }
    const at = derived()
    const snap = sim.snapshot()
    for (const key of ['ecef', 'geo', 'sunlit', 'visible'] as const) expect(snap.state[key].length).toBe(0)
    expect(snap.state.pos.length).toBe(3 * sim.world.satCount)
    sim.runUntil(4800)
    sim.restore(snap)
    expect(derived()).toEqual(at)
    expect(sim.state().ecef.length).toBe(3 * sim.world.satCount)
  })

  it('a snapshot is a copy: running on does not change it', () => {
    const sim = createSimulation(degrading)
    sim.runUntil(1200)
    const snap = sim.snapshot()
    const pos = Array.from(snap.state.pos)
    sim.runUntil(2400)
    expect(Array.from(snap.state.pos)).toEqual(pos)
  })
})

describe('component health', () => {
  it('a linear degradation fails the component when health crosses the limit', () => {
    const sim = createSimulation(degrading)
    sim.runUntil(degrading.durationS)
    const failed = sim.events().find((e) => e.type === 'componentFailed')
    // 1 − rate·τ = 0.3 at τ = 3 h after the 600 s onset; detected at the first step after.
    expect(failed?.satellite).toBe('P1-S2')
    expect(failed!.t).toBeGreaterThanOrEqual(600 + 3 * 3600 - 1e-6)
    expect(failed!.t).toBeLessThanOrEqual(600 + 3 * 3600 + 30)
    expect(sim.events().some((e) => e.type === 'satelliteFailed' && e.satellite === 'P1-S2')).toBe(true)
    expect(sim.report().satellites.find((s) => s.id === 'P1-S2')?.status).toBe('failed')
  })

  it('telemetry follows the true health with noise of the configured size', () => {
    const sim = createSimulation(degrading)
    sim.runUntil(600 + 2 * 3600)
    const truth = (k: number, c: string, ti: number) =>
      k === 1 && c === 'reactionWheel' && ti > 600 ? 1 - (0.7 / (3 * 3600)) * (ti - 600) : 1
    // Every channel of every satellite outside the storm (T+1800 to 5400 s, noise ×3).
    const residuals: number[] = []
    for (let k = 0; k < sim.world.satCount; k++)
      for (const c of ['reactionWheel', 'battery', 'thruster'] as const) {
        const { t, v } = sim.view().telemetry(k, c)
        for (let j = 0; j < t.length; j++)
          if (t[j] < 1800 || t[j] > 5400) residuals.push(v[j] - truth(k, c, t[j]))
      }
    const n = residuals.length
    const rms = Math.sqrt(residuals.reduce((a, r) => a + r * r, 0) / n)
    // The RMS of n normal residuals estimates σ with a relative standard error of 1/√(2n)
    // (≈ 3 % for the ~500 samples here); 4 standard errors is the tolerance.
    const sigma = degrading.components.noiseSigma
    expect(n).toBeGreaterThan(400)
    expect(Math.abs(rms / sigma - 1)).toBeLessThan(4 / Math.sqrt(2 * n))
  })
})

describe('ground stations and outages', () => {
  it('a station in an outage has no contacts', () => {
    const sim = createSimulation(degrading)
    let contactsDuringOutage = 0
    let contactsOtherwise = 0
    const sv = 1 // hartebeesthoek (Svalbard at 78°N never sees a 53° shell)
    while (sim.step()) {
      const t = sim.time()
      const vis = sim.state().visible
      let any = 0
      for (let k = 0; k < sim.world.satCount; k++)
        any += isVisible(vis, sim.world.stations.length, k, sv) ? 1 : 0
      if (t > 3600 && t < 7200) contactsDuringOutage += any
      else contactsOtherwise += any
    }
    expect(contactsOtherwise).toBeGreaterThan(0)
    expect(contactsDuringOutage).toBe(0)
  })
})

describe('power and eclipse', () => {
  it('the sunlit flag matches the cylindrical shadow and the battery follows the power balance', () => {
    const spec = makeSpec({ tasks: [], groundStations: [] })
    const sim = createSimulation(spec)
    const sun = new Float64Array(3)
    let checkedShadow = 0
    for (let n = 0; n < 200; n++) {
      const before = Float64Array.from(sim.state().energyJ)
      sim.step()
      const s = sim.state()
      sunDirectionEci(spec.epochMs + sim.time() * 1000, sun, 0)
      for (let k = 0; k < sim.world.satCount; k++) {
        const o = 3 * k
        const shadow = inCylindricalShadow(s.pos[o], s.pos[o + 1], s.pos[o + 2], sun[0], sun[1], sun[2])
        expect(s.sunlit[k]).toBe(shadow ? 0 : 1)
        if (shadow) checkedShadow++
        const net = (shadow ? 0 : TEST_BUS.solarPowerW) - TEST_BUS.baseLoadW
        const expected = Math.min(TEST_BUS.batteryCapacityJ, Math.max(0, before[k] + net * spec.stepS))
        expect(s.energyJ[k]).toBeCloseTo(expected, 6)
      }
    }
    expect(checkedShadow).toBeGreaterThan(100)
  })
})

describe('imaging and downlink', () => {
  it('captured data is stored, then downlinked at the link rate and delivered', () => {
    const sim = createSimulation(makeSpec())
    sim.runUntil(6 * 3600)
    const events = sim.events()
    const captured = events.filter((e) => e.type === 'taskCaptured')
    expect(captured.length).toBeGreaterThan(0)
    const delivered = events.filter((e) => e.type === 'taskDelivered')
    for (const d of delivered) {
      const c = captured.find((e) => e.task === d.task)!
      // 800 Mb at 150 Mb/s takes at least ⌈5.3⌉ s: one 30 s step at the earliest.
      expect(d.t).toBeGreaterThan(c.t)
    }
    const m = sim.metrics()
    expect(m.tasksCaptured).toBe(captured.length)
    expect(m.tasksCompleted).toBe(delivered.length)
    // Every captured bit is either still on board or on the ground.
    const storedMb = sim.report().satellites.reduce((a, s) => a + s.storageMb, 0)
    const sizes: Record<string, number> = { tokyo: 800, paris: 500, lima: 400 }
    const capturedMb = captured.reduce((a, e) => a + sizes[e.task!], 0)
    expect(storedMb + (m.dataDeliveredGb ?? 0) * 1000).toBeCloseTo(capturedMb, 3)
  })
})

describe('impulsive manoeuvres', () => {
  const one = () =>
    makeSpec({
      satellites: walker(1, 1, 0, 550, 53),
      groundStations: [],
      tasks: [],
      j2: false,
    })

  it('a prograde burn raises the orbit as vis-viva says and costs what the rocket equation says', () => {
    const spec = one()
    const sim = createSimulation(spec)
    sim.runUntil(600)
    const dv = 10
    expect(
      sim.scheduleManeuver({
        kind: 'maneuver',
        satellite: 'P1-S1',
        atS: 630,
        dv: { frame: 'rtn', r: 0, t: dv, n: 0 },
        purpose: 'orbit-raise',
        rationale: 'test burn',
      }),
    ).toBeNull()
    sim.runUntil(660)
    const r = R_EARTH + 550e3
    const v = Math.sqrt(MU_EARTH / r) + dv
    const aExpected = 1 / (2 / r - (v * v) / MU_EARTH)
    const el = sim.view().satellites[0].elements
    expect(el.a).toBeCloseTo(aExpected, 0)
    // Apogee opposite the burn point: a(1+e) = 2a − r.
    expect(el.a * (1 + el.e)).toBeCloseTo(2 * aExpected - r, 0)
    const m0 = TEST_BUS.dryMassKg + TEST_BUS.propellantKg
    const used = m0 * (1 - Math.exp(-dv / (TEST_BUS.ispS * G0)))
    expect(sim.view().satellites[0].propellantKg).toBeCloseTo(TEST_BUS.propellantKg - used, 9)
    expect(sim.metrics().deltaVSpent).toBeCloseTo(dv, 3)
    expect(sim.events().some((e) => e.type === 'maneuverExecuted')).toBe(true)
  })

  it('refuses a burn beyond the remaining propellant, with the reason, and changes nothing', () => {
    const sim = createSimulation(one())
    sim.runUntil(300)
    const before = sim.view().satellites[0]
    const why = sim.scheduleManeuver({
      kind: 'maneuver',
      satellite: 'P1-S1',
      atS: 330,
      dv: { frame: 'eci', x: 0, y: 0, z: 1000 },
      purpose: 'other',
      rationale: 'far too much',
    })
    expect(why).toMatch(/P1-S1 needs \d+\.\d+ kg of propellant for 1000\.0 m\/s but has 20\.00 kg/)
    sim.runUntil(400)
    const after = sim.view().satellites[0]
    expect(after.propellantKg).toBe(before.propellantKg)
    expect(after.elements.a).toBeCloseTo(before.elements.a, 3)
  })

  it('refuses at execution time a burn that became impossible, and logs why', () => {
    const spec = one()
    spec.events = [{ type: 'failure', atS: 500, satellite: 'P1-S1', component: 'thruster' }]
    const sim = createSimulation(spec)
    expect(
      sim.scheduleManeuver({
        kind: 'maneuver',
        satellite: 'P1-S1',
        atS: 900,
        dv: { frame: 'rtn', r: 0, t: 1, n: 0 },
        purpose: 'other',
        rationale: 'late burn',
      }),
    ).toBeNull()
    sim.runUntil(1000)
    const refused = sim.events().find((e) => e.type === 'maneuverRefused')
    expect(refused?.message).toBe('Burn refused: P1-S1 has no working thruster.')
  })
})

describe('conjunctions', () => {
  const spec = () =>
    makeSpec({
      satellites: walker(1, 1, 0, 550, 53),
      groundStations: [],
      tasks: [],
      events: [
        {
          type: 'conjunction',
          atS: 600,
          satellite: 'P1-S1',
          tcaS: 3 * 3600,
          missDistanceM: 5,
          hardBodyRadiusM: 20,
        },
      ],
    })

  it('an unavoided close approach is a collision', () => {
    const sim = createSimulation(spec())
    sim.runUntil(4 * 3600)
    expect(sim.events().find((e) => e.type === 'collision')?.data?.missM).toBeCloseTo(5, 3)
    expect(sim.metrics().failures).toBe(1)
  })

  it('a small along-track burn well before TCA opens the miss distance', () => {
    const sim = createSimulation(spec())
    sim.runUntil(900)
    sim.scheduleManeuver({
      kind: 'maneuver',
      satellite: 'P1-S1',
      atS: 930,
      dv: { frame: 'rtn', r: 0, t: 0.05, n: 0 },
      purpose: 'collision-avoidance',
      rationale: 'raise the miss distance',
    })
    sim.runUntil(4 * 3600)
    const passed = sim.events().find((e) => e.type === 'conjunctionPassed')
    // Along-track drift ≈ 3·Δv·Δt ≈ 3 · 0.05 · 9870 s ≈ 1.5 km.
    expect(Number(passed?.data?.missM)).toBeGreaterThan(1000)
    expect(sim.metrics().failures).toBe(0)
  })
})

describe('planner containment', () => {
  const planner = (
    plan: EnginePlanner['plan'],
    kind: EnginePlanner['kind'] = 'allocation',
  ): EnginePlanner => ({
    id: `${kind}/test`,
    kind,
    plan,
  })

  it('a planner that throws is logged as a fault and the run goes on', () => {
    const spec = makeSpec({ durationS: 3600 })
    const sim = createSimulation(spec, undefined, {
      planners: [
        planner(() => {
          throw new Error('boom')
        }),
      ],
    })
    sim.runUntil(3600)
    expect(sim.time()).toBe(3600)
    const faults = sim.events().filter((e) => e.type === 'plannerFault')
    // At the first step, then every 10 minutes: T+30 s, 10, 20, 30, 40, 50 and 60 min.
    expect(faults.length).toBe(7)
    expect(faults[0].message).toBe('allocation/test: threw: Error: boom; output discarded')
    expect(sim.metrics().plannerFaults).toBe(7)
  })

  it('invalid decisions are rejected one by one with a reason; valid ones apply', () => {
    const spec = makeSpec({ durationS: 600 })
    const decisions = [
      { kind: 'assignTask', satellite: 'NOPE', task: 'tokyo', rationale: 'x' },
      { kind: 'assignTask', satellite: 'P1-S1', task: 'tokyo', rationale: '' },
      {
        kind: 'maneuver',
        satellite: 'P1-S1',
        atS: 900,
        dv: { frame: 'rtn', r: 0, t: 1, n: 0 },
        purpose: 'other',
        rationale: 'not mine',
      },
      { kind: 'assignTask', satellite: 'P1-S1', task: 'tokyo', rationale: 'P1-S1 passes first' },
    ] as unknown as Decision[]
    const sim = createSimulation(spec, undefined, { planners: [planner(() => decisions)] })
    sim.runUntil(30)
    const faults = sim
      .events()
      .filter((e) => e.type === 'plannerFault')
      .map((e) => e.message)
    expect(faults).toEqual([
      'allocation/test: rejected decision: unknown satellite "NOPE"',
      'allocation/test: rejected decision: a decision must carry a rationale',
      'allocation/test: rejected decision: a allocation planner may not make maneuver decisions',
    ])
    expect(sim.view().tasks.find((t) => t.id === 'tokyo')?.assignedTo).toBe('P1-S1')
  })

  it('a slow call is measured, never judged: its output applies and its time is in the timing section', () => {
    let now = 0
    const sim = createSimulation(makeSpec({ durationS: 600 }), undefined, {
      clock: () => now,
      planners: [
        planner(() => {
          now += 2500
          return [{ kind: 'assignTask', satellite: 'P1-S1', task: 'tokyo', rationale: 'slow but sure' }]
        }),
      ],
    })
    sim.runUntil(30)
    expect(sim.events().some((e) => e.type === 'plannerFault')).toBe(false)
    expect(sim.view().tasks.find((t) => t.id === 'tokyo')?.assignedTo).toBe('P1-S1')
    expect(sim.report().timing?.planners).toEqual([
      { planner: 'allocation/test', calls: 1, medianMs: 2500, maxMs: 2500 },
    ])
  })

  it('a planner sees noisy telemetry but not the ground-truth degradation events', () => {
    const seen: string[] = []
    const sim = createSimulation(degrading, undefined, {
      planners: [
        planner((view) => {
          for (const e of view.recentEvents) seen.push(e.type)
          return []
        }, 'maintenance'),
      ],
    })
    sim.runUntil(3 * 3600)
    expect(sim.events().some((e) => e.type === 'degradationOnset')).toBe(true)
    expect(seen).toContain('solarStormStart')
    expect(seen).not.toContain('degradationOnset')
  })
})

describe('what planners see of their own plans', () => {
  it('a note is logged with its rationale and changes nothing; pending burns are listed with their purpose', () => {
    const spec = makeSpec({ durationS: 3600, tasks: [] })
    const sim = createSimulation(spec, undefined, {
      planners: [
        {
          id: 'trajectory/test',
          kind: 'trajectory',
          plan: (view) =>
            view.timeS < 60
              ? [
                  { kind: 'note', rationale: 'No spare shares a plane with the gap: nothing to do.' },
                  {
                    kind: 'maneuver',
                    satellite: 'P1-S1',
                    atS: 1800,
                    dv: { frame: 'rtn', r: 0, t: 1, n: 0 },
                    purpose: 'orbit-raise',
                    rationale: 'raise a little',
                  },
                ]
              : [],
        },
      ],
    })
    sim.runUntil(120)
    const note = sim.events().find((e) => e.type === 'note')
    expect(note?.message).toBe('No spare shares a plane with the gap: nothing to do.')
    expect(sim.view().satellites[0].pending).toEqual([{ atS: 1800, purpose: 'orbit-raise', replaces: null }])
    expect(sim.view().j2).toBe(true)
    sim.runUntil(1900)
    expect(sim.view().satellites[0].pending).toEqual([])
  })
})
