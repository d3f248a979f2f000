// Every reason the engine refuses a planner's decision, one test each: the refusal is logged as
// a plannerFault of the planner that made it, with a stable key phrase of the reason, and the
// refused decision changes nothing. Each hostile case sits beside a control that differs only in
// the faulty field and is accepted, so a refusal cannot pass for the wrong reason.

import { describe, expect, it } from 'vitest'
import {
  createSimulation,
  G0,
  type PlannerKind,
  type SatelliteSpec,
  type ScenarioSpec,
  type Simulation,
  type WorldView,
} from '../../src/core'
import { faults, probePlanner } from '../support/probe-planner'
import { makeSpec, TEST_BUS } from '../support/spec-fixture'

/** Runs `spec` to `runS` with one probe planner that returns `decide(view)` at `atS`. */
function run(
  kind: PlannerKind,
  decide: (view: WorldView) => unknown,
  opts: { spec?: ScenarioSpec; atS?: number; runS?: number } = {},
) {
  const spec = opts.spec ?? makeSpec({ durationS: 3600 })
  const atS = opts.atS ?? 30
  const sim = createSimulation(spec, undefined, { planners: [probePlanner(kind, decide, { atS })] })
  sim.runUntil(opts.runS ?? atS)
  return { sim, faults: faults(sim) }
}

/** Asserts exactly one refusal, by `planner`, whose reason contains `phrase`. */
function expectRefusal(
  f: { planner: string | undefined; message: string }[],
  planner: string,
  phrase: string,
) {
  expect(f).toHaveLength(1)
  expect(f[0].planner).toBe(planner)
  expect(f[0].message).toContain(`${planner}: rejected decision:`)
  expect(f[0].message).toContain(phrase)
}

/** A decision factory: `base`, with some fields replaced. */
const like =
  (base: Record<string, unknown>) =>
  (over: Record<string, unknown> = {}) => ({ ...base, ...over })

const burn = like({
  kind: 'maneuver',
  satellite: 'P1-S1',
  atS: 1800,
  dv: { frame: 'rtn', r: 0, t: 1, n: 0 },
  purpose: 'other',
  rationale: 'probe burn',
})

describe('what a planner returns', () => {
  it('a return that is not a list is discarded with a fault naming what came back', () => {
    for (const [out, said] of [
      [null, 'returned null instead of a list of decisions'],
      [{ kind: 'note' }, 'returned object instead of a list of decisions'],
      ['go', 'returned string instead of a list of decisions'],
    ] as const) {
      const { faults: f } = run('allocation', () => out)
      expect(f).toEqual([{ planner: 'allocation/probe', message: `allocation/probe: ${said}` }])
    }
  })

  it('an element that is not an object is refused', () => {
    const { faults: f } = run('allocation', () => [42, null])
    expect(f.map((x) => x.message)).toEqual([
      'allocation/probe: rejected decision: expected a decision object, got 42',
      'allocation/probe: rejected decision: expected a decision object, got null',
    ])
  })

  it('an unknown decision kind is refused; a fleet-wide note needs no satellite', () => {
    const { sim, faults: f } = run('maintenance', () => [
      { kind: 'selfDestruct', satellite: 'P1-S1', rationale: 'why not' },
      { kind: 'note', rationale: 'all quiet' },
    ])
    expectRefusal(f, 'maintenance/probe', 'unknown decision kind "selfDestruct"')
    expect(sim.events().filter((e) => e.type === 'note')[0]?.message).toBe('all quiet')
  })

  it('a blank rationale is refused, and the fault names the satellite the decision was about', () => {
    const { sim, faults: f } = run('maintenance', () => [
      { kind: 'note', satellite: 'P1-S3', rationale: ' \t ' },
      { kind: 'note', satellite: 42, rationale: '' },
    ])
    expect(f.map((x) => x.message)).toEqual([
      'maintenance/probe: rejected decision: a decision must carry a rationale',
      'maintenance/probe: rejected decision: a decision must carry a rationale',
    ])
    const events = sim.events().filter((e) => e.type === 'plannerFault')
    expect(events.map((e) => e.satellite)).toEqual(['P1-S3', undefined])
  })

  it('a note about a known satellite is accepted from a planner of any kind', () => {
    for (const kind of ['trajectory', 'allocation', 'maintenance'] as const) {
      const { sim, faults: f } = run(kind, () => [
        { kind: 'note', satellite: 'P1-S2', rationale: `${kind} says hi` },
      ])
      expect(f).toEqual([])
      expect(
        sim
          .events()
          .filter((e) => e.type === 'note')
          .map((e) => [e.satellite, e.planner, e.message]),
      ).toEqual([['P1-S2', `${kind}/probe`, `${kind} says hi`]])
    }
  })

  it('a note about an unknown satellite is refused', () => {
    const { faults: f } = run('maintenance', () => [{ kind: 'note', satellite: 'P9-S9', rationale: 'hm' }])
    expectRefusal(f, 'maintenance/probe', 'unknown satellite "P9-S9"')
  })
})

describe('burns', () => {
  /** The pending burns of P1-S1 and P1-S2: a refused burn adds none. */
  const pendingBurns = (sim: Simulation) =>
    sim
      .view()
      .satellites.slice(0, 2)
      .map((s) => s.pendingManeuvers)

  it('a Δv without a known frame is refused', () => {
    const { sim, faults: f } = run('trajectory', () => [
      burn({ dv: { frame: 'lvlh', r: 0, t: 1, n: 0 } }),
      burn({ dv: undefined }),
    ])
    expect(f).toHaveLength(2)
    for (const x of f) expect(x.message).toContain('Δv must have frame "rtn" or "eci"')
    expect(sim.view().satellites[0].pendingManeuvers).toBe(0)
  })

  it('Δv components must be finite numbers, in the frame named', () => {
    const { sim, faults: f } = run('trajectory', () => [
      burn({ dv: { frame: 'rtn', r: 0, t: Number.NaN, n: 0 } }),
      // ECI components under an RTN frame are missing components.
      burn({ dv: { frame: 'rtn', x: 0, y: 1, z: 0 } }),
      burn({ dv: { frame: 'eci', x: 0, y: '1', z: 0 } }),
      burn({ dv: { frame: 'eci', x: 0, y: 1, z: 0 }, satellite: 'P1-S2' }),
    ])
    expect(f).toHaveLength(3)
    for (const x of f) expect(x.message).toContain('Δv components must be finite numbers')
    expect(pendingBurns(sim)).toEqual([0, 1])
  })

  it('a burn in the past is refused; one step back counts as now', () => {
    // Planner call at T+600 s with 30 s steps: 540 s is two steps back, 570 s one.
    const { sim, faults: f } = run(
      'trajectory',
      () => [burn({ atS: 540 }), burn({ atS: 570, satellite: 'P1-S2' }), burn({ atS: '600' })],
      { atS: 600 },
    )
    expect(f).toHaveLength(2)
    expect(f[0].message).toContain('burn time 540 must lie between now (T+600 s)')
    expect(f[1].message).toContain('burn time "600" must lie between now (T+600 s)')
    expect(pendingBurns(sim)).toEqual([0, 1])
  })

  it.each([
    ['battery', 'P1-S1 has failed'],
    ['thruster', 'P1-S1 has no working thruster'],
  ] as const)('a burn of a satellite whose %s failed is refused: %s', (component, phrase) => {
    const spec = makeSpec({
      durationS: 3600,
      events: [{ type: 'failure', atS: 0, satellite: 'P1-S1', component }],
    })
    const { faults: f } = run('trajectory', () => [burn(), burn({ satellite: 'P1-S2' })], { spec })
    expectRefusal(f, 'trajectory/probe', phrase)
  })

  it('a burn of a TLE satellite is refused: it follows its published elements', () => {
    const iss: SatelliteSpec = {
      id: 'ISS',
      role: 'active',
      bus: TEST_BUS,
      orbit: {
        kind: 'tle',
        name: 'ISS (ZARYA)',
        line1: '1 25544U 98067A   19156.50900463  .00003075  00000-0  59442-4 0  9992',
        line2: '2 25544  51.6433  59.2583 0008217  16.4489 347.6017 15.51174618173442',
      },
    }
    const base = makeSpec()
    const spec = makeSpec({
      durationS: 3600,
      epochMs: Date.UTC(2019, 5, 5),
      satellites: [...base.satellites, iss],
    })
    const { faults: f } = run('trajectory', () => [burn({ satellite: 'ISS' }), burn()], { spec })
    expectRefusal(f, 'trajectory/probe', 'ISS is a TLE satellite')
  })

  it('an impulse of exactly the 5 km/s limit is accepted; a hair over it is refused as a planner bug', () => {
    // Propellant for 5 km/s (mass ratio exp(5000 / (220 s · g0)) ≈ 10), so only the limit can refuse.
    const bus = { ...TEST_BUS, propellantKg: 2000 }
    const spec = makeSpec({ durationS: 3600, satellites: makeSpec().satellites.map((s) => ({ ...s, bus })) })
    // 3-4-5: |(3000, 4000, 0)| is 5000 exactly. Adding 1 mm/s to t takes the magnitude over the
    // limit while every component stays below it: the limit is on the magnitude.
    const over = Math.sqrt(3000 ** 2 + 4000.001 ** 2)
    expect(over).toBeGreaterThan(5000)
    const { sim, faults: f } = run(
      'trajectory',
      () => [
        burn({ dv: { frame: 'rtn', r: 3000, t: 4000, n: 0 } }),
        burn({ dv: { frame: 'rtn', r: 3000, t: 4000.001, n: 0 }, satellite: 'P1-S2' }),
      ],
      { spec },
    )
    expectRefusal(f, 'trajectory/probe', `Δv of ${over.toFixed(4)}`)
    expect(f[0].message).toContain('is not a valid impulse (limit 5000 m/s)')
    expect(pendingBurns(sim)).toEqual([1, 0])
  })

  it('a Δv of finite components whose magnitude overflows to Infinity is refused as no valid impulse', () => {
    // 1.5e308 is a finite double, but √2 · 1.5e308 ≈ 2.1e308 exceeds the largest (≈ 1.8e308).
    const huge = 1.5e308
    expect(Number.isFinite(huge)).toBe(true)
    expect(Math.SQRT2 * huge).toBe(Number.POSITIVE_INFINITY)
    const { sim, faults: f } = run('trajectory', () => [
      burn({ dv: { frame: 'eci', x: huge, y: huge, z: 0 } }),
      burn({ dv: { frame: 'eci', x: 1, y: 1, z: 0 }, satellite: 'P1-S2' }),
    ])
    expectRefusal(f, 'trajectory/probe', 'Δv of Infinity m/s is not a valid impulse (limit 5000 m/s)')
    expect(pendingBurns(sim)).toEqual([0, 1])
  })

  it("propellant already promised to the satellite's pending burns counts against a new one", () => {
    // Independent: by the rocket equation, burns of Σ Δv leave a wet mass m0·exp(−ΣΔv/(Isp·g0)).
    const c = TEST_BUS.ispS * G0
    const m0 = TEST_BUS.dryMassKg + TEST_BUS.propellantKg
    const leftAfter = (dv: number) => m0 * Math.exp(-dv / c) - TEST_BUS.dryMassKg
    const left = leftAfter(200)
    // Preconditions: 100 m/s more needs more than two 100 m/s burns leave; 50 m/s needs less.
    expect(leftAfter(300)).toBeLessThan(0)
    expect(leftAfter(250)).toBeGreaterThan(0)
    const tBurn = (t: number, at: number, satellite = 'P1-S1') =>
      burn({ satellite, atS: at, dv: { frame: 'rtn', r: 0, t, n: 0 } })
    const { sim, faults: f } = run('trajectory', () => [
      tBurn(100, 1800),
      tBurn(100, 2400),
      tBurn(100, 3000),
      tBurn(50, 3000),
      // Another satellite's promises do not count against this one.
      tBurn(250, 1800, 'P1-S2'),
    ])
    expectRefusal(f, 'trajectory/probe', `P1-S1 needs`)
    expect(f[0].message).toContain(`for 100.0 m/s but has ${left.toFixed(2)} kg`)
    expect(pendingBurns(sim)).toEqual([3, 1])
  })
})

describe('task assignments', () => {
  it('an unknown task, or a burst task not yet announced, is refused', () => {
    const spec = makeSpec({
      durationS: 3600,
      events: [
        {
          type: 'taskBurst',
          atS: 1800,
          tasks: [{ ...makeSpec().tasks[0], id: 'later', windowStartS: 1800, windowEndS: 3600 }],
        },
      ],
    })
    const { sim, faults: f } = run(
      'allocation',
      () => [
        { kind: 'assignTask', satellite: 'P1-S1', task: 'atlantis', rationale: 'x' },
        { kind: 'assignTask', satellite: 'P1-S1', task: 'later', rationale: 'x' },
        { kind: 'assignTask', satellite: 'P1-S1', task: 'paris', rationale: 'x' },
        // lima's window opens at T+1 h: a pending task may be assigned ahead of time.
        { kind: 'assignTask', satellite: 'P1-S2', task: 'lima', rationale: 'x' },
      ],
      { spec },
    )
    expect(f.map((x) => x.message)).toEqual([
      'allocation/probe: rejected decision: unknown task "atlantis"',
      'allocation/probe: rejected decision: unknown task "later"',
    ])
    expect(sim.view().tasks.find((t) => t.id === 'paris')?.assignedTo).toBe('P1-S1')
    expect(sim.view().tasks.find((t) => t.id === 'lima')).toMatchObject({
      state: 'pending',
      assignedTo: 'P1-S2',
    })
  })

  it('a task already captured is refused', () => {
    // First call: assign each task to the satellite that can image it first. Later calls:
    // assign every captured task again, to another satellite.
    let tried = 0
    const spec = makeSpec({ durationS: 6 * 3600 })
    const plan = (view: WorldView) => {
      const out: unknown[] = []
      for (const task of view.tasks) {
        if (task.state === 'captured' && tried++ < 1)
          out.push({ kind: 'assignTask', satellite: 'P3-S4', task: task.id, rationale: 'again' })
        if (task.state !== 'open' || task.assignedTo) continue
        for (let t = view.timeS; t < view.durationS && !out.length; t += 60) {
          const k = view.satellites.findIndex((s) => view.canImage(s.index, task.index, t))
          if (k >= 0)
            out.push({
              kind: 'assignTask',
              satellite: view.satellites[k].id,
              task: task.id,
              rationale: 'first pass',
            })
        }
      }
      return out
    }
    const sim = createSimulation(spec, undefined, {
      planners: [{ id: 'allocation/probe', kind: 'allocation', plan: plan as never }],
    })
    sim.runUntil(spec.durationS)
    const f = faults(sim)
    expect(sim.events().some((e) => e.type === 'taskCaptured')).toBe(true)
    expect(tried).toBeGreaterThan(0)
    expect(f[0].planner).toBe('allocation/probe')
    expect(f[0].message).toMatch(/rejected decision: task \w+ is already captured$/)
  })

  it('an assignment to a failed satellite is refused', () => {
    const spec = makeSpec({
      durationS: 3600,
      events: [{ type: 'failure', atS: 0, satellite: 'P1-S1', component: 'reactionWheel' }],
    })
    const { sim, faults: f } = run(
      'allocation',
      () => [
        { kind: 'assignTask', satellite: 'P1-S1', task: 'tokyo', rationale: 'x' },
        { kind: 'assignTask', satellite: 'P1-S2', task: 'paris', rationale: 'x' },
      ],
      { spec },
    )
    expectRefusal(f, 'allocation/probe', 'P1-S1 has failed')
    const tasks = sim.view().tasks
    expect(tasks.find((t) => t.id === 'tokyo')?.assignedTo).toBeNull()
    expect(tasks.find((t) => t.id === 'paris')?.assignedTo).toBe('P1-S2')
  })
})

describe('downlink bookings', () => {
  const contact = like({
    kind: 'downlink',
    satellite: 'P1-S1',
    station: 'hartebeesthoek',
    startS: 600,
    endS: 660,
    rationale: 'x',
  })

  it('an unknown station is refused', () => {
    const { sim, faults: f } = run('allocation', () => [contact({ station: 'atlantis' })])
    expectRefusal(f, 'allocation/probe', 'unknown station "atlantis"')
    expect(sim.view().bookings).toEqual([])
  })

  it('a contact must have finite startS ≤ endS', () => {
    const { faults: f } = run('allocation', () => [
      contact({ startS: 660, endS: 600 }),
      contact({ startS: Number.NaN }),
      contact({ endS: '660' }),
    ])
    expect(f).toHaveLength(3)
    for (const x of f) expect(x.message).toContain('a contact needs startS ≤ endS')
  })

  it('a contact outside a visibility window is refused, naming the first instant not visible', () => {
    let pass: [number, number] = [0, 0]
    const spec = makeSpec({ durationS: 6 * 3600 })
    const { sim, faults: f } = run(
      'allocation',
      (view) => {
        pass = view.visibilityWindows(0, 1, view.timeS, view.durationS)[0]
        return [
          // The predicted pass itself is fine; one step longer or earlier is not.
          contact({ startS: pass[0], endS: pass[1] }),
          // A contact of one instant (startS = endS) inside the pass is fine too.
          contact({ startS: pass[0] + view.stepS, endS: pass[0] + view.stepS }),
          contact({ startS: pass[0], endS: pass[1] + view.stepS }),
          contact({ startS: pass[0] - view.stepS, endS: pass[1] }),
        ]
      },
      { spec },
    )
    expect(pass[1]).toBeGreaterThan(pass[0])
    expect(f.map((x) => x.message)).toEqual([
      `allocation/probe: rejected decision: P1-S1 is not visible from hartebeesthoek at T+${((pass[1] + 30) / 60).toFixed(1)} min: outside a visibility window`,
      `allocation/probe: rejected decision: P1-S1 is not visible from hartebeesthoek at T+${((pass[0] - 30) / 60).toFixed(1)} min: outside a visibility window`,
    ])
    expect(sim.view().bookings).toEqual([
      { satellite: 'P1-S1', station: 'hartebeesthoek', startS: pass[0], endS: pass[1] },
      { satellite: 'P1-S1', station: 'hartebeesthoek', startS: pass[0] + 30, endS: pass[0] + 30 },
    ])
  })
})

describe('downlink bookings in the past', () => {
  it('a contact that has ended is refused; one ending now, or ahead, is booked', () => {
    let passes: [number, number][] = []
    const spec = makeSpec({ durationS: 6 * 3600 })
    // At 4 h, book all of P1-S1's passes over Fairbanks: two already over, one ahead.
    const { sim, faults: f } = run(
      'allocation',
      (view) => {
        passes = view.visibilityWindows(0, 2, 0, view.durationS)
        return passes.map(([a, b]) => ({
          kind: 'downlink',
          satellite: 'P1-S1',
          station: 'fairbanks',
          startS: a,
          endS: b,
          rationale: 'x',
        }))
      },
      { spec, atS: 4 * 3600 },
    )
    const now = 4 * 3600
    const over = passes.filter(([, b]) => b < now)
    const kept = passes.filter(([, b]) => b >= now)
    expect(over.length).toBeGreaterThan(0)
    expect(kept.length).toBeGreaterThan(0)
    expect(f.map((x) => x.message)).toEqual(
      over.map(
        ([, b]) =>
          `allocation/probe: rejected decision: the contact ended at T+${b} s, before now (T+${now} s)`,
      ),
    )
    expect(sim.view().bookings).toEqual(
      kept.map(([a, b]) => ({ satellite: 'P1-S1', station: 'fairbanks', startS: a, endS: b })),
    )
  })

  it('a contact whose last instant is now is still booked; one a step shorter is not', () => {
    // Planners called every step, so the probe can be called at the last instant of a pass.
    const spec = makeSpec({ durationS: 6 * 3600, plannerCadenceS: 30 })
    const [a, b] = createSimulation(spec).view().visibilityWindows(0, 2, 0, spec.durationS)[0]
    const contact = (endS: number) => ({
      kind: 'downlink',
      satellite: 'P1-S1',
      station: 'fairbanks',
      startS: a,
      endS,
      rationale: 'x',
    })
    // Called at the pass's last instant b.
    const { sim, faults: f } = run('allocation', () => [contact(b), contact(b - spec.stepS)], {
      spec,
      atS: b,
    })
    expect(b - spec.stepS).toBeGreaterThanOrEqual(a)
    expect(f.map((x) => x.message)).toEqual([
      `allocation/probe: rejected decision: the contact ended at T+${b - spec.stepS} s, before now (T+${b} s)`,
    ])
    expect(sim.view().bookings).toEqual([{ satellite: 'P1-S1', station: 'fairbanks', startS: a, endS: b }])
  })
})

describe('modes and alerts', () => {
  it('a mode other than edge or raw is refused', () => {
    const { sim, faults: f } = run('allocation', () => [
      { kind: 'setMode', satellite: 'P1-S1', mode: 'turbo', rationale: 'x' },
      { kind: 'setMode', satellite: 'P1-S2', mode: 'edge', rationale: 'x' },
      { kind: 'setMode', satellite: 'P1-S3', mode: 'raw', rationale: 'x' },
    ])
    expectRefusal(f, 'allocation/probe', 'mode must be "edge" or "raw", got "turbo"')
    expect(
      sim
        .view()
        .satellites.map((s) => s.mode)
        .slice(0, 2),
    ).toEqual(['raw', 'edge'])
  })

  const alert = like({
    kind: 'alert',
    satellite: 'P1-S1',
    component: 'reactionWheel',
    severity: 'warning',
    rationale: 'x',
  })

  it('an alert on an unknown component is refused', () => {
    const { sim, faults: f } = run('maintenance', () => [alert({ component: 'warpCore' })])
    expectRefusal(f, 'maintenance/probe', 'unknown component "warpCore"')
    expect(sim.view().alerts).toEqual([])
  })

  it('an alert severity other than warning or critical is refused', () => {
    const { sim, faults: f } = run('maintenance', () => [
      alert({ severity: 'mild' }),
      alert({ severity: 'critical' }),
    ])
    expectRefusal(f, 'maintenance/probe', 'severity must be "warning" or "critical"')
    expect(sim.view().alerts.map((a) => a.severity)).toEqual(['critical'])
  })

  it('a predicted failure time that is not a finite number is refused', () => {
    const { sim, faults: f } = run('maintenance', () => [
      alert({ predictedFailureS: 'soon' }),
      alert({ predictedFailureS: Number.POSITIVE_INFINITY }),
      alert({ predictedFailureS: 7200, satellite: 'P1-S2' }),
    ])
    expect(f).toHaveLength(2)
    for (const x of f) expect(x.message).toContain('predictedFailureS must be a number')
    expect(sim.view().alerts.map((a) => [a.satellite, a.predictedFailureS])).toEqual([['P1-S2', 7200]])
  })
})
