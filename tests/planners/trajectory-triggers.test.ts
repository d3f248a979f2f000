// When the slot-recovery planners act, and for whom. Each is called at once on a satellite
// failure, a maintenance alert and a conjunction warning (not only on the planner cadence), and
// a spare that must dodge debris in this call is not also sent to a slot.

import { describe, expect, it } from 'vitest'
import {
  createSimulation,
  type EnginePlanner,
  type ManeuverDecision,
  type ScenarioSpec,
} from '../../src/core'
import { registry } from '../../src/planners'
import { makeSpec } from '../support/spec-fixture'
import { FAIL_AT_S, recoverySpec, retireP1S1 } from './recovery-fixture'

const PLANNERS = ['hohmann', 'bi-elliptic', 'phasing'] as const
/** Longer than every run here: the cadence calls the planners once, at the start, and never again. */
const NO_CADENCE = { plannerCadenceS: 30 * 24 * 3600 }

function bind(trajectory: string, params: unknown = {}): EnginePlanner[] {
  const { planners, problems } = registry.bind({ name: 's', trajectory, params: { trajectory: params } })
  expect(problems).toEqual([])
  return planners
}

/** Times at which `trajectory/<name>` logged a decision, up to `untilS`. */
function decisionTimes(
  spec: ScenarioSpec,
  planners: EnginePlanner[],
  name: string,
  untilS: number,
): number[] {
  const sim = createSimulation(spec, undefined, { planners })
  sim.runUntil(untilS)
  return sim
    .events()
    .filter((e) => e.type === 'decision' && e.planner === `trajectory/${name}`)
    .map((e) => e.t)
}

const conjunction = (satellite: string, atS: number) =>
  ({
    type: 'conjunction',
    atS,
    satellite,
    tcaS: atS + 3 * 3600,
    missDistanceM: 5,
    hardBodyRadiusM: 20,
  }) as const

describe.each(PLANNERS)('trajectory/%s', (name) => {
  it('declares exactly the failure, alert and conjunction warning as its triggers', () => {
    expect(registry.find('trajectory', name)!.triggers).toEqual([
      'satelliteFailed',
      'alert',
      'conjunctionWarning',
    ])
  })

  it('plans a recovery at the moment a satellite fails, between cadence calls', () => {
    const spec = recoverySpec({
      ...NO_CADENCE,
      events: [{ type: 'failure', atS: FAIL_AT_S, satellite: 'P1-S1', component: 'reactionWheel' }],
    })
    const times = decisionTimes(spec, bind(name), name, FAIL_AT_S + 300)
    expect(times.length).toBeGreaterThan(0)
    expect(new Set(times)).toEqual(new Set([FAIL_AT_S]))
  })

  it('plans a recovery at the moment a maintenance planner retires a satellite', () => {
    // The maintenance planner acts on a station outage, which the trajectory planner ignores:
    // only the alert it raises can call the trajectory planner then.
    const retire: EnginePlanner = {
      id: 'maintenance/test-retire',
      kind: 'maintenance',
      triggers: ['stationOutageStart'],
      plan: (view) => (view.timeS >= FAIL_AT_S ? [retireP1S1] : []),
    }
    const spec = recoverySpec({
      ...NO_CADENCE,
      groundStations: makeSpec().groundStations.slice(0, 1),
      events: [
        { type: 'stationOutage', atS: FAIL_AT_S, station: makeSpec().groundStations[0].id, durationS: 600 },
      ],
    })
    const times = decisionTimes(spec, [retire, ...bind(name)], name, FAIL_AT_S + 300)
    expect(times.length).toBeGreaterThan(0)
    expect(new Set(times)).toEqual(new Set([FAIL_AT_S]))
  })

  it('dodges at the moment a conjunction warning arrives', () => {
    const spec = recoverySpec({ ...NO_CADENCE, events: [conjunction('P1-S2', 600)] })
    expect(decisionTimes(spec, bind(name), name, 900)).toEqual([600, 600])
  })
})

describe.each(PLANNERS)('trajectory/%s with an open slot and a spare under a conjunction warning', (name) => {
  const view = () => {
    const spec = recoverySpec({
      events: [
        conjunction('SPARE-1', FAIL_AT_S - 300),
        { type: 'failure', atS: FAIL_AT_S, satellite: 'P1-S1', component: 'reactionWheel' },
      ],
    })
    const sim = createSimulation(spec)
    sim.runUntil(FAIL_AT_S)
    return sim.view()
  }
  const plan = (params: unknown) => {
    const planner = registry.find('trajectory', name)!
    return planner.plan(view(), planner.params.parse(params)) as ManeuverDecision[]
  }

  it('dodges with the spare and does not also send it to the slot', () => {
    const out = plan({})
    expect(out.map((d) => [d.satellite, d.purpose])).toEqual([
      ['SPARE-1', 'collision-avoidance'],
      ['SPARE-1', 'return'],
    ])
  })

  it('with avoidCollisions false, sends the spare to the slot and plans nothing else', () => {
    const out = plan({ avoidCollisions: false })
    expect(out.length).toBeGreaterThan(1)
    for (const d of out)
      expect(d).toMatchObject({ kind: 'maneuver', satellite: 'SPARE-1', purpose: 'slot-recovery' })
  })
})
