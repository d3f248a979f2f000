// What accepted decisions do to the world, and how planner calls are ordered and accounted:
// burns queue in time order, alerts mark (and on request retire) a satellite, modes switch both
// ways, planners of one kind run in id order, a planner's own output and what came before a
// failed call stay out of its next recentEvents, and the planner clock sums every call.

import { describe, expect, it } from 'vitest'
import { createSimulation, type EnginePlanner, type WorldView } from '../../src/core'
import { burnDecision as burn } from '../support/burn-decision'
import { makeSpec } from '../support/spec-fixture'

const at = (timeS: number, decisions: unknown[]) => (view: WorldView) =>
  (view.timeS === timeS ? decisions : []) as never

describe('accepted decisions', () => {
  it('burns asked out of time order still fire each at its own time, ties by satellite id', () => {
    const p: EnginePlanner = {
      id: 'trajectory/t',
      kind: 'trajectory',
      plan: at(30, [burn('P1-S2', 900), burn('P1-S3', 600), burn('P1-S1', 900)]),
    }
    const sim = createSimulation(makeSpec({ durationS: 1200 }), undefined, { planners: [p] })
    sim.runUntil(1200)
    const fired = sim
      .events()
      .filter((e) => e.type === 'maneuverExecuted')
      .map((e) => `${e.satellite}@${e.t}`)
    expect(fired).toEqual(['P1-S3@600', 'P1-S1@900', 'P1-S2@900'])
  })

  it('an alert marks the satellite, retires it only when asked, and logs severity and prediction', () => {
    const alert = (satellite: string, extra: Record<string, unknown>) => ({
      kind: 'alert',
      satellite,
      component: 'battery',
      severity: 'critical',
      rationale: `look at ${satellite}`,
      ...extra,
    })
    const p: EnginePlanner = {
      id: 'maintenance/m',
      kind: 'maintenance',
      plan: at(600, [
        alert('P1-S1', { retire: true, predictedFailureS: 5000 }),
        alert('P1-S2', {}),
        alert('P1-S3', {}),
      ]),
    }
    const spec = makeSpec({
      durationS: 1200,
      events: [{ type: 'failure', atS: 300, satellite: 'P1-S3', component: 'battery' }],
    })
    const sim = createSimulation(spec, undefined, { planners: [p] })
    // Right after the planner call, and one step later: alerted unless failed.
    sim.runUntil(600)
    expect(
      sim
        .view()
        .satellites.slice(0, 3)
        .map((s) => s.status),
    ).toEqual(['alert', 'alert', 'failed'])
    sim.runUntil(630)
    const sats = sim.view().satellites
    expect(sats.slice(0, 3).map((s) => [s.status, s.retired])).toEqual([
      ['alert', true],
      ['alert', false],
      ['failed', false],
    ])
    const logged = sim.events().filter((e) => e.type === 'alert')
    expect(logged.map((e) => [e.satellite, e.component, e.planner, e.message])).toEqual([
      ['P1-S1', 'battery', 'maintenance/m', 'look at P1-S1'],
      ['P1-S2', 'battery', 'maintenance/m', 'look at P1-S2'],
      ['P1-S3', 'battery', 'maintenance/m', 'look at P1-S3'],
    ])
    // Strict: no predictedFailureS key at all when there is no prediction.
    expect(logged.map((e) => e.data)).toStrictEqual([
      { severity: 'critical', predictedFailureS: 5000 },
      { severity: 'critical' },
      { severity: 'critical' },
    ])
    expect(sim.view().alerts.map((a) => [a.satellite, a.atS, a.predictedFailureS, a.planner])).toEqual([
      ['P1-S1', 600, 5000, 'maintenance/m'],
      ['P1-S2', 600, null, 'maintenance/m'],
      ['P1-S3', 600, null, 'maintenance/m'],
    ])
  })

  it('a mode switches to edge and back to raw, each logged as a decision', () => {
    const mode = (m: string) => ({ kind: 'setMode', satellite: 'P1-S1', mode: m, rationale: `go ${m}` })
    const p: EnginePlanner = {
      id: 'allocation/a',
      kind: 'allocation',
      plan: (view) => (view.timeS === 30 ? [mode('edge')] : view.timeS === 600 ? [mode('raw')] : []) as never,
    }
    const sim = createSimulation(makeSpec({ durationS: 1200 }), undefined, { planners: [p] })
    sim.runUntil(30)
    expect(sim.view().satellites[0].mode).toBe('edge')
    sim.runUntil(600)
    expect(sim.view().satellites[0].mode).toBe('raw')
    const decisions = sim.events().filter((e) => e.type === 'decision')
    expect(decisions.map((e) => [e.t, e.satellite, e.planner, e.message, e.data?.kind])).toEqual([
      [30, 'P1-S1', 'allocation/a', 'go edge', 'setMode'],
      [600, 'P1-S1', 'allocation/a', 'go raw', 'setMode'],
    ])
  })
})

describe('planner calls', () => {
  it('planners run maintenance, trajectory, allocation, and by id within a kind', () => {
    const order: string[] = []
    const mk = (id: string, kind: EnginePlanner['kind']): EnginePlanner => ({
      id,
      kind,
      plan: (view) => {
        if (view.timeS === 30) order.push(id)
        return []
      },
    })
    const planners = [
      mk('allocation/b', 'allocation'),
      mk('trajectory/z', 'trajectory'),
      mk('allocation/a', 'allocation'),
      mk('maintenance/m', 'maintenance'),
      mk('trajectory/y', 'trajectory'),
    ]
    createSimulation(makeSpec({ durationS: 600 }), undefined, { planners }).runUntil(30)
    expect(order).toEqual(['maintenance/m', 'trajectory/y', 'trajectory/z', 'allocation/a', 'allocation/b'])
  })

  it("a planner's next recentEvents leave out its own output and what came before a call that threw", () => {
    const seen: string[][] = []
    const p: EnginePlanner = {
      id: 'allocation/r',
      kind: 'allocation',
      plan: (view) => {
        seen.push(view.recentEvents.map((e) => `${e.type}@${e.t}`))
        if (view.timeS === 30) throw new Error('first call fails')
        return view.timeS === 600 ? [{ kind: 'note', rationale: 'said at 600' }] : []
      },
    }
    const spec = makeSpec({
      durationS: 1800,
      tasks: [],
      events: [{ type: 'stationOutage', atS: 0, station: 'svalbard', durationS: 60 }],
    })
    createSimulation(spec, undefined, { planners: [p] }).runUntil(1200)
    expect(seen[0]).toContain('stationOutageStart@0')
    // After the call that threw: its fault, and what happened since; not the outage before it.
    expect(seen[1]).toContain('plannerFault@30')
    expect(seen[1]).toContain('stationOutageEnd@60')
    expect(seen[1]).not.toContain('stationOutageStart@0')
    // After the call that spoke: not its own note.
    expect(seen[2]).not.toContain('note@600')
  })

  it('the planner clock sums the time of every call, a call that threw included; time decides nothing', () => {
    let now = 0
    const p: EnginePlanner = {
      id: 'allocation/c',
      kind: 'allocation',
      plan: (view) => {
        now += 50
        if (view.timeS === 600) throw new Error('no')
        return [{ kind: 'note', rationale: `50 ms of thought at ${view.timeS}` }]
      },
    }
    const sim = createSimulation(makeSpec({ durationS: 1200 }), undefined, {
      planners: [p],
      clock: () => now,
    })
    sim.runUntil(1200)
    // Calls at T+30, 600 and 1200 s, 50 ms each.
    expect(sim.metrics().plannerTimeMs).toBe(150)
    expect(
      sim
        .events()
        .filter((e) => e.type === 'note')
        .map((e) => e.t),
    ).toEqual([30, 1200])
    expect(
      sim
        .events()
        .filter((e) => e.type === 'plannerFault')
        .map((e) => e.t),
    ).toEqual([600])
  })
})
