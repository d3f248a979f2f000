// The edges of decision validation: each limit is accepted exactly at its value and refused one
// unit past it (a rationale of 2,000 characters, a burn at the end of the run, a predicted failure
// at ±100 run lengths, a booked contact from T+0 to the end and of exactly MAX_CONTACT_STEPS
// steps), the types that are refused with their own reason rather than by accident, and the
// order in which burns due at the same instant run. decision-refusals.test.ts has one test per
// refusal reason; these pin where each reason starts.

import { describe, expect, it } from 'vitest'
import {
  createSimulation,
  type PlannerKind,
  R_EARTH,
  type SatelliteSpec,
  type ScenarioSpec,
  type WorldView,
} from '../../src/core'
import { MAX_CONTACT_STEPS, MAX_RATIONALE_CHARS } from '../../src/core/engine/decision-check'
import { MAX_FAULTS_PER_CALL } from '../../src/core/engine/planning'
import { faults, probePlanner } from '../support/probe-planner'
import { makeSpec, TEST_BUS } from '../support/spec-fixture'

function run(kind: PlannerKind, decide: (view: WorldView) => unknown, spec = makeSpec({ durationS: 3600 })) {
  const sim = createSimulation(spec, undefined, { planners: [probePlanner(kind, decide, { atS: 30 })] })
  sim.runUntil(30)
  return { sim, messages: faults(sim).map((f) => f.message) }
}

const refused = (planner: string, reason: string) => `${planner}: rejected decision: ${reason}`

describe('the rationale', () => {
  it('must be a string: a number or none is refused for that reason', () => {
    const { messages } = run('maintenance', () => [
      { kind: 'note', satellite: 'P1-S1', rationale: 42 },
      { kind: 'note', satellite: 'P1-S1' },
    ])
    expect(messages).toEqual([
      refused('maintenance/probe', 'a decision must carry a rationale'),
      refused('maintenance/probe', 'a decision must carry a rationale'),
    ])
  })

  it(`may be ${MAX_RATIONALE_CHARS} characters long, not one more`, () => {
    const { sim, messages } = run('maintenance', () => [
      { kind: 'note', satellite: 'P1-S1', rationale: 'a'.repeat(MAX_RATIONALE_CHARS) },
      { kind: 'note', satellite: 'P1-S2', rationale: 'b'.repeat(MAX_RATIONALE_CHARS + 1) },
    ])
    expect(messages).toEqual([
      refused(
        'maintenance/probe',
        `a rationale is one line: ${MAX_RATIONALE_CHARS + 1} characters, the limit is ${MAX_RATIONALE_CHARS}`,
      ),
    ])
    expect(
      sim
        .events()
        .filter((e) => e.type === 'note')
        .map((e) => e.satellite),
    ).toEqual(['P1-S1'])
  })
})

describe('the satellite', () => {
  it('only a note may leave it out; any other decision without one names it unknown', () => {
    const { messages } = run('allocation', () => [
      { kind: 'note', rationale: 'fleet-wide' },
      { kind: 'assignTask', task: 'tokyo', rationale: 'who?' },
      { kind: 'setMode', mode: 'edge', rationale: 'who?' },
    ])
    expect(messages).toEqual([
      refused('allocation/probe', 'unknown satellite nothing'),
      refused('allocation/probe', 'unknown satellite nothing'),
    ])
  })
})

describe('a burn', () => {
  const burn = (atS: number) => ({
    kind: 'maneuver',
    satellite: 'P1-S1',
    atS,
    dv: { frame: 'rtn', r: 0, t: 0.5, n: 0 },
    purpose: 'other',
    rationale: 'edge',
  })

  it('may be planned for the last instant of the run, not one second later', () => {
    const { sim, messages } = run('trajectory', () => [burn(3600), burn(3601)])
    expect(messages).toEqual([
      refused(
        'trajectory/probe',
        'burn time 3601 must lie between now (T+30 s) and the end of the run (T+3600 s)',
      ),
    ])
    expect(sim.view().satellites[0].pending.map((p) => p.atS)).toEqual([3600])
  })

  it('due at the same instant on two satellites run in satellite order, whatever order they came in', () => {
    const at = (sat: string) => ({ ...burn(600), satellite: sat })
    const spec = makeSpec({ durationS: 3600 })
    const sim = createSimulation(spec, undefined, {
      planners: [probePlanner('trajectory', () => [at('P1-S3'), at('P1-S1'), at('P1-S2')], { atS: 30 })],
    })
    sim.runUntil(900)
    const executed = sim.events().filter((e) => e.type === 'maneuverExecuted')
    expect(executed.map((e) => [e.t, e.satellite])).toEqual([
      [600, 'P1-S1'],
      [600, 'P1-S2'],
      [600, 'P1-S3'],
    ])
  })

  it('due at the same instant on one satellite run in the order they were decided', () => {
    const sized = (t: number) => ({ ...burn(600), dv: { frame: 'rtn', r: 0, t, n: 0 } })
    const sim = createSimulation(makeSpec({ durationS: 3600 }), undefined, {
      planners: [probePlanner('trajectory', () => [sized(0.5), sized(0.2), sized(0.3)], { atS: 30 })],
    })
    sim.runUntil(900)
    const executed = sim.events().filter((e) => e.type === 'maneuverExecuted')
    expect(executed.map((e) => (e.data as { dvMS: number }).dvMS)).toEqual(
      [0.5, 0.2, 0.3].map((v) => expect.closeTo(v, 12)),
    )
  })
})

describe('an alert', () => {
  const alert = (over: Record<string, unknown>) => ({
    kind: 'alert',
    satellite: 'P1-S1',
    component: 'reactionWheel',
    severity: 'warning',
    rationale: 'edge',
    ...over,
  })

  it('may predict a failure up to 100 run lengths away either side, not further', () => {
    const limit = 3600 * 100
    const { sim, messages } = run('maintenance', () => [
      alert({ predictedFailureS: limit }),
      alert({ predictedFailureS: -limit, satellite: 'P1-S2' }),
      alert({ predictedFailureS: limit + 1, satellite: 'P1-S3' }),
    ])
    expect(messages).toEqual([
      refused('maintenance/probe', `predictedFailureS must be a number within ±${limit} s, got ${limit + 1}`),
    ])
    expect(sim.view().alerts.map((a) => a.predictedFailureS)).toEqual([limit, -limit])
  })

  it('retires only with a boolean', () => {
    const { sim, messages } = run('maintenance', () => [
      alert({ retire: 'yes' }),
      alert({ retire: true, satellite: 'P1-S2' }),
    ])
    expect(messages).toEqual([refused('maintenance/probe', 'retire must be true or false')])
    expect(sim.view().alerts.map((a) => a.satellite)).toEqual(['P1-S2'])
  })
})

/**
 * One geostationary satellite and a station right under it: the satellite is in view at every
 * instant, so a booked contact is refused only for its bounds, never for visibility.
 */
function stareSpec(durationS: number): ScenarioSpec {
  const geo: SatelliteSpec = {
    id: 'GEO-1',
    role: 'active',
    plane: 0,
    slot: 0,
    bus: TEST_BUS,
    orbit: { kind: 'kepler', elements: { a: 42_164_170, e: 0, i: 0, raan: 0, argp: 0, m0: 0 } },
  }
  const base = makeSpec({ satellites: [geo], groundStations: [], tasks: [], durationS, j2: false })
  const probe = createSimulation(base)
  const { lonRad } = probe.view().satellites[0]
  const station = {
    id: 'below',
    name: 'below',
    latRad: 0,
    lonRad,
    altM: 0,
    minElevationRad: (5 * Math.PI) / 180,
  }
  return { ...base, groundStations: [station] }
}

describe('a booked contact', () => {
  const contact = (startS: number, endS: number) => ({
    kind: 'downlink',
    satellite: 'GEO-1',
    station: 'below',
    startS,
    endS,
    rationale: 'edge',
  })

  it('may run from T+0 to the end of the run, not a step before or past', () => {
    const spec = stareSpec(3600)
    expect(spec.satellites[0].orbit.kind === 'kepler' && spec.satellites[0].orbit.elements.a).toBeGreaterThan(
      6 * R_EARTH,
    )
    const { sim, messages } = run(
      'allocation',
      () => [contact(0, 3600), contact(-30, 600), contact(600, 3630)],
      spec,
    )
    const outside = (a: number, b: number) =>
      refused('allocation/probe', `a contact must lie within the run (T+0 to T+3600 s), got ${a} to ${b}`)
    expect(messages).toEqual([outside(-30, 600), outside(600, 3630)])
    expect(sim.view().bookings).toEqual([{ satellite: 'GEO-1', station: 'below', startS: 0, endS: 3600 }])
  })

  it(`may span ${MAX_CONTACT_STEPS} steps, not one more`, () => {
    const stepS = 30
    const longest = MAX_CONTACT_STEPS * stepS
    const spec = stareSpec(longest + 10 * stepS)
    const { sim, messages } = run(
      'allocation',
      () => [contact(0, longest), contact(0, longest + stepS)],
      spec,
    )
    expect(messages).toEqual([
      refused(
        'allocation/probe',
        `a contact may span at most ${MAX_CONTACT_STEPS} steps, this one spans ${MAX_CONTACT_STEPS + 1}`,
      ),
    ])
    expect(sim.view().bookings.map((b) => b.endS)).toEqual([longest])
  })
})

describe('many refusals in one call', () => {
  const nope = (n: number) =>
    Array.from({ length: n }, () => ({ kind: 'setMode', satellite: 'NOPE', rationale: 'x' }))
  const runWith = (n: number) => run('allocation', () => nope(n))

  it(`logs ${MAX_FAULTS_PER_CALL} one by one and no summary when there are exactly that many`, () => {
    const { sim, messages } = runWith(MAX_FAULTS_PER_CALL)
    expect(messages).toHaveLength(MAX_FAULTS_PER_CALL)
    expect(messages.every((m) => m === refused('allocation/probe', 'unknown satellite "NOPE"'))).toBe(true)
    expect(sim.metrics().plannerFaults).toBe(MAX_FAULTS_PER_CALL)
  })

  it('sums up the rest in one line, and counts every refusal in the planner-fault metric', () => {
    const { sim, messages } = runWith(MAX_FAULTS_PER_CALL + 7)
    expect(messages).toHaveLength(MAX_FAULTS_PER_CALL + 1)
    expect(messages.at(-1)).toBe(
      `allocation/probe: 7 more decisions rejected in this call (only the first ${MAX_FAULTS_PER_CALL} are logged one by one)`,
    )
    expect(sim.metrics().plannerFaults).toBe(MAX_FAULTS_PER_CALL + 7)
  })
})
