// Slot recovery by the hohmann, bi-elliptic and phasing planners on a hand-built constellation:
// P1-S1 fails at 30 min; SPARE-1 waits 100 km lower in the same plane. Each planner's burns,
// executed by the engine, must put the spare on P1-S1's orbit and into its slot, at the cost
// the transfer math predicts; the planners must differ the way they claim (Hohmann cheapest,
// phasing fastest, bi-elliptic dearer than Hohmann at this small radius ratio).

import { describe, expect, it } from 'vitest'
import {
  createSimulation,
  type EnginePlanner,
  type ManeuverDecision,
  type MetricValues,
  MU_EARTH,
  type ScenarioSpec,
  type SimEvent,
  type Simulation,
  SLOT_TOLERANCE_M,
  type WorldView,
} from '../../src/core'
import { registry } from '../../src/planners'
import { biElliptic, hohmann, phasing } from '../../src/planners/trajectory/transfers'
import { walker } from '../support/spec-fixture'
import { FAIL_AT_S, recoverySpec, retireP1S1, SPARE_A, spare, TARGET_A } from './recovery-fixture'

function bind(trajectory: string, params: unknown = {}): EnginePlanner[] {
  const { planners, problems } = registry.bind({ name: 's', trajectory, params: { trajectory: params } })
  expect(problems).toEqual([])
  return planners
}

interface Outcome {
  sim: Simulation
  events: readonly SimEvent[]
  metrics: MetricValues
  burns: SimEvent[]
  decisions: SimEvent[]
  filled: SimEvent | undefined
}

function run(spec: ScenarioSpec, trajectory: string, params: unknown = {}): Outcome {
  const sim = createSimulation(spec, undefined, { planners: bind(trajectory, params) })
  sim.runUntil(spec.durationS)
  const events = sim.events()
  return {
    sim,
    events,
    metrics: sim.metrics(),
    burns: events.filter((e) => e.type === 'maneuverExecuted' && e.satellite === 'SPARE-1'),
    decisions: events.filter((e) => e.type === 'decision' && e.planner === `trajectory/${trajectory}`),
    filled: events.find((e) => e.type === 'slotFilled'),
  }
}

const PLANNERS = ['hohmann', 'bi-elliptic', 'phasing'] as const
const BURNS: Record<(typeof PLANNERS)[number], number> = { hohmann: 2, 'bi-elliptic': 3, phasing: 3 }
const outcomes = {} as Record<(typeof PLANNERS)[number], Outcome>
/**
 * Each planner's run, made by the first test that needs it and then shared. Not a beforeAll
 * hook: mutation testing (npm run mutate) credits code run in a hook to no test at all.
 */
const outcome = (name: (typeof PLANNERS)[number]): Outcome => (outcomes[name] ??= run(recoverySpec(), name))

const sat = (view: WorldView, id: string) => view.satellites.find((s) => s.id === id)!

describe.each(PLANNERS)('trajectory/%s slot recovery', (name) => {
  it('puts the spare on the failed satellite’s orbit', () => {
    const view = outcome(name).sim.view()
    const el = sat(view, 'SPARE-1').elements
    expect(Math.abs(el.a - sat(view, 'P1-S1').elements.a)).toBeLessThan(1000)
    expect(el.e).toBeLessThan(0.001)
    // Promoted by the engine: the spare is now an active member of the constellation.
    expect(sat(view, 'SPARE-1').role).toBe('active')
  })

  it('fills the slot within the engine tolerance, as close as the planner predicted', () => {
    const { filled, decisions } = outcome(name)
    expect(filled?.satellite).toBe('SPARE-1')
    expect(filled?.message).toContain("P1-S1's slot")
    const gapKm = Number(filled?.data?.gapKm)
    expect(gapKm).toBeLessThan(SLOT_TOLERANCE_M / 1000)
    // The planner simulated the engine's model (J2 included) and said how close it would get.
    const predicted = Number(/predicted (\d+\.\d) km from the slot/i.exec(decisions[0].message)?.[1])
    expect(Math.abs(predicted - gapKm)).toBeLessThan(0.2)
  })

  it('plans the recovery once, with every burn explained, and no planner fault', () => {
    const { decisions, burns, metrics, events } = outcome(name)
    expect(decisions).toHaveLength(BURNS[name])
    expect(burns).toHaveLength(BURNS[name])
    for (const d of decisions) expect(d.message.trim().length).toBeGreaterThan(20)
    expect(metrics.plannerFaults).toBe(0)
    expect(events.some((e) => e.type === 'maneuverRefused')).toBe(false)
    // Burns land exactly on the 30 s step grid.
    for (const b of burns) expect(b.t % 30).toBe(0)
  })

  it('says why the other spares were not used', () => {
    const first = outcome(name).decisions[0].message
    expect(first).toMatch(/SPARE-2 flies in another plane \(\d+\.\d° away.*far too expensive/)
    expect(first).toContain('SPARE-3 has no working thruster')
    expect(outcome(name).events.some((e) => e.type === 'maneuverExecuted' && e.satellite !== 'SPARE-1')).toBe(
      false,
    )
  })
})

describe('what each slot-recovery strategy costs and gains', () => {
  it('Hohmann costs exactly its transfer math and the least Δv', () => {
    const dv = outcome('hohmann').metrics.deltaVSpent!
    const book = hohmann(SPARE_A, TARGET_A)
    if (!book.ok) throw new Error(book.reason)
    expect(Math.abs(dv - book.dvTotal) / book.dvTotal).toBeLessThan(0.01)
    expect(dv).toBeLessThan(outcome('phasing').metrics.deltaVSpent!)
    expect(dv).toBeLessThan(outcome('bi-elliptic').metrics.deltaVSpent!)
  })

  it('bi-elliptic costs its transfer math, more than Hohmann at a radius ratio of 1.015', () => {
    const dv = outcome('bi-elliptic').metrics.deltaVSpent!
    const book = biElliptic(SPARE_A, TARGET_A + 200e3, TARGET_A)
    if (!book.ok) throw new Error(book.reason)
    expect(Math.abs(dv - book.dvTotal) / book.dvTotal).toBeLessThan(0.01)
    expect(dv).toBeGreaterThan(outcome('hohmann').metrics.deltaVSpent! * 1.5)
    expect(outcome('bi-elliptic').decisions[0].message).toMatch(
      /m\/s MORE, as expected for a radius ratio of 1\.015/,
    )
  })

  it('phasing costs a Hohmann transfer plus a 3-revolution phasing orbit, and fills the slot sooner', () => {
    const o = outcome('phasing')
    // Where the transfer ended (the second burn), measure the phase gap the phasing orbit had to close.
    const t2 = o.burns[1].t
    const probe = createSimulation(recoverySpec(), undefined, { planners: bind('phasing') })
    probe.runUntil(t2)
    const view = probe.view()
    const target = sat(view, 'P1-S1')
    const { raan, i } = target.elements
    const node = [Math.cos(raan), Math.sin(raan), 0]
    const w = [-Math.sin(raan) * Math.cos(i), Math.cos(raan) * Math.cos(i), Math.sin(i)]
    const angle = (p: readonly number[]) =>
      Math.atan2(p[0] * w[0] + p[1] * w[1] + p[2] * w[2], p[0] * node[0] + p[1] * node[1])
    let theta = angle(target.positionEciM) - angle(sat(view, 'SPARE-1').positionEciM)
    theta = Math.atan2(Math.sin(theta), Math.cos(theta))
    const h = hohmann(SPARE_A, TARGET_A)
    const ph = phasing(TARGET_A, theta, 3)
    if (!h.ok || !ph.ok) throw new Error('transfer math failed')
    // The phasing orbit is entered by the burn that ends the transfer: one impulse, not two.
    const expected = Math.abs(h.dv1) + Math.abs(h.dv2 + ph.dv1) + Math.abs(ph.dv2)
    const dv = o.metrics.deltaVSpent!
    expect(Math.abs(dv - expected) / expected).toBeLessThan(0.01)
    expect(o.metrics.slotFillH!).toBeLessThan(outcome('hohmann').metrics.slotFillH!)
    expect(dv).toBeGreaterThan(outcome('hohmann').metrics.deltaVSpent!)
  })

  it('Hohmann waits in the parking orbit for the phase; phasing leaves at once', () => {
    const waitH = (o: Outcome) => (o.burns[0].t - FAIL_AT_S) / 3600
    expect(waitH(outcome('hohmann'))).toBeGreaterThan(2)
    expect(waitH(outcome('phasing'))).toBeLessThan(0.1)
  })
})

describe('J2 and the slot error', () => {
  it('without J2 the planes stay together and only the step grid separates spare and slot', () => {
    const withJ2 = Number(outcome('hohmann').filled?.data?.gapKm)
    const flat = run(recoverySpec({ j2: false }), 'hohmann')
    const gap = Number(flat.filled?.data?.gapKm)
    // Starting one 30 s step later shifts the arrival by Δn·30 s of phase: the best grid start is
    // within half of that of a perfect rendezvous.
    const n = (a: number) => Math.sqrt(MU_EARTH / a ** 3)
    const gridKm = (TARGET_A * (n(SPARE_A) - n(TARGET_A)) * 30) / 2 / 1000
    expect(gap).toBeLessThan(gridKm)
    // With J2 the lower parking orbit's node regresses faster, so the residual is mostly cross-track.
    expect(withJ2).toBeGreaterThan(gap + 1)
    const view = flat.sim.view()
    expect(Math.abs(sat(view, 'SPARE-1').elements.a - TARGET_A)).toBeLessThan(1000)
  })
})

describe('a long wait: J2 turns the planes apart, a plane trim ends the recovery', () => {
  it('lands the spare in the slot and keeps it there', () => {
    // SPARE-1 level with P1-S1: it must drift almost a full turn (~3 days) before the phase is right.
    const spec = recoverySpec({
      durationS: 100 * 3600,
      satellites: [...walker(8, 2, 1, 550, 53), spare('SPARE-1', 0, 0)],
      events: [{ type: 'failure', atS: FAIL_AT_S, satellite: 'P1-S1', component: 'reactionWheel' }],
    })
    const o = run(spec, 'hohmann')
    expect(o.metrics.plannerFaults).toBe(0)
    expect(o.burns).toHaveLength(3)
    const trimmed = /a swing of ±(\d+\.\d) km\), so a [\d.]+ m\/s plane trim/.exec(o.decisions[0].message)
    const swing = Number(trimmed?.[1])
    // Left alone, the spare would swing across the slot's track by more than the slot tolerance.
    expect(swing).toBeGreaterThan(SLOT_TOLERANCE_M / 1000)
    expect(Number(o.filled?.data?.gapKm)).toBeLessThan(5)
    // The trim turned the plane: the spare stays close for the rest of the run.
    const view = o.sim.view()
    const p = sat(view, 'SPARE-1').positionEciM
    const q = sat(view, 'P1-S1').positionEciM
    expect(Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2])).toBeLessThan(5000)
    // It costs a plane change: 2·v·sin(Δθ/2) with Δθ = swing / r, on top of the Hohmann transfer.
    const book = hohmann(SPARE_A, TARGET_A)
    if (!book.ok) throw new Error(book.reason)
    const trim = 2 * Math.sqrt(MU_EARTH / TARGET_A) * Math.sin((swing * 1000) / TARGET_A / 2)
    const dv = o.metrics.deltaVSpent!
    expect(Math.abs(dv - book.dvTotal - trim) / (book.dvTotal + trim)).toBeLessThan(0.01)
  })
})

describe('stateless planning', () => {
  const viewAfterFailure = () => {
    const sim = createSimulation(recoverySpec())
    sim.runUntil(FAIL_AT_S)
    return sim.view()
  }

  it.each(PLANNERS)('%s: the same view gives the same decisions, each with a rationale', (name) => {
    const planner = registry.find('trajectory', name)!
    const params = planner.params.parse({})
    const view = viewAfterFailure()
    const before = JSON.stringify(view.satellites)
    const a = planner.plan(view, params) as ManeuverDecision[]
    const b = planner.plan(view, params)
    expect(a.length).toBe(BURNS[name])
    expect(b).toEqual(a)
    expect(JSON.stringify(view.satellites)).toBe(before)
    for (const d of a) {
      expect(d.rationale.length).toBeGreaterThan(20)
      expect(d).toMatchObject({
        kind: 'maneuver',
        satellite: 'SPARE-1',
        purpose: 'slot-recovery',
        replaces: 'P1-S1',
      })
    }
  })

  it.each(PLANNERS)('%s: does not plan again while the recovery is under way', (name) => {
    const spec = recoverySpec()
    const sim = createSimulation(spec, undefined, { planners: bind(name) })
    sim.runUntil(FAIL_AT_S + 3600)
    expect(sim.view().satellites.find((s) => s.id === 'SPARE-1')!.pendingManeuvers).toBeGreaterThan(0)
    const planner = registry.find('trajectory', name)!
    expect(planner.plan(sim.view(), planner.params.parse({}))).toEqual([])
  })

  it('does nothing while no slot is empty', () => {
    const sim = createSimulation(recoverySpec())
    sim.runUntil(FAIL_AT_S - 300)
    for (const name of PLANNERS) {
      const planner = registry.find('trajectory', name)!
      expect(planner.plan(sim.view(), planner.params.parse({}))).toEqual([])
    }
  })
})

describe('a satellite retired by a maintenance planner', () => {
  it('gets its slot filled too, once, although it has not failed', () => {
    const retire: EnginePlanner = {
      id: 'maintenance/test-retire',
      kind: 'maintenance',
      plan: (view) =>
        view.timeS >= FAIL_AT_S && !view.satellites.find((s) => s.id === 'P1-S1')!.retired
          ? [retireP1S1]
          : [],
    }
    const spec = recoverySpec({ events: [] })
    const sim = createSimulation(spec, undefined, { planners: [retire, ...bind('hohmann')] })
    sim.runUntil(spec.durationS)
    const burns = sim.events().filter((e) => e.type === 'maneuverExecuted')
    expect(burns.map((e) => e.satellite)).toEqual(['SPARE-1', 'SPARE-1'])
    const view = sim.view()
    const p = sat(view, 'SPARE-1').positionEciM
    const q = sat(view, 'P1-S1').positionEciM
    expect(Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2])).toBeLessThan(SLOT_TOLERANCE_M)
    expect(sim.metrics().plannerFaults).toBe(0)
  })
})

describe('parameters', () => {
  it('fill defaults and refuse nonsense', () => {
    const p = registry.find('trajectory', 'phasing')!.params
    expect(p.parse({})).toMatchObject({
      revolutions: 3,
      avoidCollisions: true,
      thresholdKm: 1,
      targetMissKm: 2,
    })
    expect(p.safeParse({ revolutions: 0 }).success).toBe(false)
    expect(p.safeParse({ revolution: 3 }).success).toBe(false)
    expect(p.safeParse({ thresholdKm: 3, targetMissKm: 2 }).success).toBe(false)
    const b = registry.find('trajectory', 'bi-elliptic')!.params
    expect(b.parse({ intermediateRadiusKm: 8000 })).toMatchObject({
      intermediateRadiusKm: 8000,
      maxWaitH: 96,
    })
    expect(b.safeParse({ intermediateRadiusKm: -1 }).success).toBe(false)
  })

  it('bi-elliptic goes through the asked intermediate radius and pays more for a higher one', () => {
    const high = run(recoverySpec(), 'bi-elliptic', { intermediateRadiusKm: 7300 })
    expect(high.filled?.satellite).toBe('SPARE-1')
    const book = biElliptic(SPARE_A, 7300e3, TARGET_A)
    if (!book.ok) throw new Error(book.reason)
    expect(Math.abs(high.metrics.deltaVSpent! - book.dvTotal) / book.dvTotal).toBeLessThan(0.01)
    expect(high.metrics.deltaVSpent!).toBeGreaterThan(outcome('bi-elliptic').metrics.deltaVSpent!)
  })
})
