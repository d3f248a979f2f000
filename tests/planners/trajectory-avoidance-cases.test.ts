// Collision avoidance beyond the one-warning case of trajectory-avoidance.test.ts: how the burn
// is sized (the miss it gives), when it returns, which warnings it answers and in what order,
// its parameters' bounds, and that a warning calls it between its regular planning times.
//
// Four satellites in one 550 km plane (walker 4/1/0, no stations, no tasks); warnings come at
// 600 s for a closest approach (TCA) at 3 h unless a case says otherwise.

import { describe, expect, it } from 'vitest'
import { createSimulation, type ManeuverDecision, MU_EARTH, type ScenarioSpec } from '../../src/core'
import { registry } from '../../src/planners'
import { waitFields } from '../../src/planners/trajectory/avoidance'
import { at } from '../../src/planners/trajectory/timing'
import { makeSpec, walker } from '../support/spec-fixture'

const TCA_S = 3 * 3600
const WARN_S = 600
type Events = ScenarioSpec['events']

const warning = (satellite: string, tcaS = TCA_S, missDistanceM = 5) => ({
  type: 'conjunction' as const,
  atS: WARN_S,
  satellite,
  tcaS,
  missDistanceM,
  hardBodyRadiusM: 20,
})

const specWith = (events: Events, over: Partial<ScenarioSpec> = {}) =>
  makeSpec({ satellites: walker(4, 1, 0, 550, 53), groundStations: [], tasks: [], events, ...over })

const planner = registry.find('trajectory', 'collision-avoidance')!

/** The planner's decisions on the view just after the warnings came in. */
function planAtWarning(events: Events, params: object = {}): ManeuverDecision[] {
  const sim = createSimulation(specWith(events))
  sim.runUntil(WARN_S)
  return planner.plan(sim.view(), planner.params.parse(params)) as ManeuverDecision[]
}

const bound = (over: Partial<ScenarioSpec> = {}) => {
  const { planners, problems } = registry.bind({
    name: 's',
    trajectory: 'collision-avoidance',
    params: { trajectory: {} },
  })
  expect(problems).toEqual([])
  return (events: Events) => {
    const sim = createSimulation(specWith(events, over), undefined, { planners })
    sim.runUntil(sim.spec.durationS)
    return sim
  }
}

describe('the dodge, run in the engine', () => {
  it('gives the aimed miss: target 2 km plus the predicted 5 m, within the 5 m offset and 5 m more', () => {
    // The burn is sized so the satellite is 2005 m from where it would have been at TCA; the
    // debris passes 5 m from that point, so the miss is 2005 ± 5 m, and the planner's model of
    // the drift (J2 secular rates) agrees with the engine's propagation to metres. The textbook
    // rule alone (3·Δv·Δt, no correction) would be off by about a tenth.
    const sim = bound()([warning('P1-S2')])
    const miss = Number(sim.events().find((e) => e.type === 'conjunctionPassed')?.data?.missM)
    expect(Math.abs(miss - 2005)).toBeLessThan(10)
  })

  it('returns one whole number of orbits after the dodge, in the first orbit after the pass', () => {
    const sim = bound()([warning('P1-S2')])
    const burns = sim.events().filter((e) => e.type === 'maneuverExecuted')
    expect(burns.map((e) => e.data?.purpose)).toEqual(['collision-avoidance', 'return'])
    const [dodge, back] = burns.map((e) => e.t)
    // The drifting orbit's period, from its semi-major axis after the dodge.
    const a = Number(burns[0].data?.aKm) * 1000
    const period = 2 * Math.PI * Math.sqrt(a ** 3 / MU_EARTH)
    const orbits = (back - dodge) / period
    // On the 30 s step grid: within a step of a whole number of periods.
    expect(Math.abs(orbits - Math.round(orbits)) * period).toBeLessThanOrEqual(30)
    // The pass is judged at TCA (on the grid); the return is the first such time after it.
    expect(back).toBeGreaterThan(TCA_S)
    expect(back - period).toBeLessThanOrEqual(TCA_S + 30)
  })

  it('is called by the warning itself, not only at its planning cadence', () => {
    // Planning once a day: without the warning's call the planner would not run again before TCA.
    const sim = bound({ plannerCadenceS: 24 * 3600 })([warning('P1-S2')])
    expect(sim.events().some((e) => e.type === 'collision')).toBe(false)
    expect(sim.events().filter((e) => e.type === 'maneuverExecuted')).toHaveLength(2)
  })
})

describe('the dodge explains its timing', () => {
  // 550 km circular: a ≈ 6928 km, period 2π·√(a³/μ) ≈ 5739 s. The earliest burn is at 630 s.
  const period = 2 * Math.PI * Math.sqrt((6378.137e3 + 550e3) ** 3 / MU_EARTH)

  it.each([
    ['early enough', TCA_S, ''],
    ['late', 630 + 1800, 'only '],
  ])('says how long before closest approach it burns, in hours and orbits (%s)', (_, tcaS, only) => {
    const [dodge] = planAtWarning([warning('P1-S2', tcaS)])
    const lead = tcaS - 630
    const orbits = lead / period
    const ahead = only ? `only ${orbits.toFixed(2)} orbits ahead, late` : `${orbits.toFixed(1)} orbits ahead`
    expect(dodge.rationale).toContain(`burn ${(lead / 3600).toFixed(1)} h (${ahead})`)
  })
})

describe('which warnings get a dodge', () => {
  const dodged = (ds: ManeuverDecision[]) =>
    ds.filter((d) => d.purpose === 'collision-avoidance').map((d) => d.satellite)

  it('answers the earliest closest approach first, and equal ones in satellite order', () => {
    const ds = planAtWarning([warning('P1-S3'), warning('P1-S2'), warning('P1-S4', TCA_S - 1800)])
    expect(dodged(ds)).toEqual(['P1-S4', 'P1-S2', 'P1-S3'])
    // Each dodge is followed by its own return.
    expect(ds.map((d) => d.satellite)).toEqual(['P1-S4', 'P1-S4', 'P1-S2', 'P1-S2', 'P1-S3', 'P1-S3'])
  })

  it("dodges once per satellite, for that satellite's earliest warning", () => {
    const ds = planAtWarning([warning('P1-S2', TCA_S + 1800), warning('P1-S2', TCA_S)])
    expect(dodged(ds)).toEqual(['P1-S2'])
    expect(ds).toHaveLength(2)
    expect(ds[0].rationale).toContain(`at ${at(TCA_S)}`)
  })

  it('leaves a predicted miss exactly at the threshold alone (it is already safe)', () => {
    expect(planAtWarning([warning('P1-S2', TCA_S, 1000)])).toEqual([])
    expect(dodged(planAtWarning([warning('P1-S2', TCA_S, 999)]))).toEqual(['P1-S2'])
  })

  it('cannot act when the pass is judged no later than its earliest burn', () => {
    // At 600 s the earliest burn is the next step, 630 s; a TCA at 630 s is judged at 630 s.
    expect(planAtWarning([warning('P1-S2', 630)])).toEqual([])
    // A TCA at 650 s is judged at 660 s: a burn at 630 s still comes first.
    expect(dodged(planAtWarning([warning('P1-S2', 650)]))).toEqual(['P1-S2'])
  })

  it('skips a satellite whose thruster has failed', () => {
    const thrusterDown = {
      type: 'failure' as const,
      atS: 300,
      satellite: 'P1-S2',
      component: 'thruster' as const,
    }
    expect(planAtWarning([thrusterDown, warning('P1-S2')])).toEqual([])
  })

  it('skips a satellite that has failed, although its thruster still works', () => {
    // A battery failure loses the satellite; only a thruster failure clears thrusterOk.
    const batteryDown = {
      type: 'failure' as const,
      atS: 300,
      satellite: 'P1-S2',
      component: 'battery' as const,
    }
    expect(planAtWarning([batteryDown, warning('P1-S2'), warning('P1-S3')]).map((d) => d.satellite)).toEqual([
      'P1-S3',
      'P1-S3',
    ])
  })
})

describe('avoidance parameters', () => {
  it('must aim beyond the threshold, and says so on targetMissKm', () => {
    const same = planner.params.safeParse({ thresholdKm: 2, targetMissKm: 2 })
    expect(same.success).toBe(false)
    expect(same.error?.issues.map((i) => i.path)).toEqual([['targetMissKm']])
    expect(planner.params.safeParse({ thresholdKm: 2, targetMissKm: 2.001 }).success).toBe(true)
  })

  it('lets the slot-recovery planners wait up to 30 days for the phase', () => {
    expect(waitFields.maxWaitH.parse(24 * 30)).toBe(720)
    expect(waitFields.maxWaitH.safeParse(24 * 30 + 0.5).success).toBe(false)
    expect(waitFields.maxWaitH.safeParse(0).success).toBe(false)
    expect(waitFields.maxWaitH.parse(undefined)).toBe(96)
  })
})
