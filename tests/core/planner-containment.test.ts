// A planner's output and its use of the view are untrusted: every hostile case here must end
// as a logged fault (or nothing at all) in a bounded number of operations, and never change
// the engine's state behind its back.

import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { createSimulation, type EnginePlanner, type PlanOutcome, type WorldView } from '../../src/core'
import { MAX_FAULTS_PER_CALL } from '../../src/core/engine/planning'
import { registry } from '../../src/planners'
import { loadScenarioText } from '../../src/scenario'
import { makeSpec } from '../support/spec-fixture'

const spec = makeSpec({ durationS: 1800 })

function planner(
  plan: (view: WorldView) => unknown,
  kind: EnginePlanner['kind'] = 'allocation',
): EnginePlanner {
  return { id: `${kind}/hostile`, kind, plan: plan as EnginePlanner['plan'] }
}

function faultsOf(plan: (view: WorldView) => unknown, kind?: EnginePlanner['kind'], until = 30): string[] {
  const sim = createSimulation(spec, undefined, { planners: [planner(plan, kind)] })
  sim.runUntil(until)
  return sim
    .events()
    .filter((e) => e.type === 'plannerFault')
    .map((e) => e.message)
}

const downlink = (startS: number, endS: number) => ({
  kind: 'downlink',
  satellite: 'P1-S1',
  station: 'svalbard',
  startS,
  endS,
  rationale: 'far future',
})

describe('decisions are checked with bounds', () => {
  it('a downlink at 1e20 s is refused at once instead of spinning', () => {
    expect(faultsOf(() => [downlink(1e20, 1e20)])).toEqual([
      'allocation/hostile: rejected decision: a contact must lie within the run (T+0 to T+1800 s), got 100000000000000000000 to 100000000000000000000',
    ])
  })

  it('a burn at 1e300 s is refused, not left pending forever', () => {
    const burn = {
      kind: 'maneuver',
      satellite: 'P1-S1',
      atS: 1e300,
      dv: { frame: 'rtn', r: 0, t: 0.1, n: 0 },
      purpose: 'other',
      rationale: 'some day',
    }
    const sim = createSimulation(spec, undefined, { planners: [planner(() => [burn], 'trajectory')] })
    sim.runUntil(30)
    const fault = sim.events().find((e) => e.type === 'plannerFault')?.message
    expect(fault).toContain('burn time 1e+300 must lie between now')
    expect(sim.view().satellites[0].pendingManeuvers).toBe(0)
  })

  it('visibilityWindows refuses a step of 0 with a fault', () => {
    expect(faultsOf((v) => v.visibilityWindows(0, 0, 0, 600, 0))).toEqual([
      'allocation/hostile: threw: RangeError: visibilityWindows: sampleS must be a number > 0, got 0; output discarded',
    ])
  })

  it('visibilityWindows far in the future still returns: its loop is counted', () => {
    let windows: [number, number][] | undefined
    faultsOf((v) => {
      windows = v.visibilityWindows(0, 0, 1e20, 1e20, 60)
      return []
    })
    expect(Array.isArray(windows)).toBe(true)
  })

  it('300,000 invalid decisions in a call log a bounded number of faults', () => {
    const flood = Array.from({ length: 300_000 }, () => ({
      kind: 'assignTask',
      satellite: 'NOPE',
      rationale: 'x',
    }))
    const sim = createSimulation(spec, undefined, { planners: [planner(() => flood)] })
    sim.runUntil(30)
    const faults = sim.events().filter((e) => e.type === 'plannerFault')
    expect(faults.length).toBe(MAX_FAULTS_PER_CALL + 2)
    expect(faults[MAX_FAULTS_PER_CALL].message).toBe(
      'allocation/hostile: 9990 more decisions rejected in this call (only the first 10 are logged one by one)',
    )
    expect(faults[MAX_FAULTS_PER_CALL + 1].message).toBe(
      'allocation/hostile: returned 300000 decisions; only the first 10000 were read',
    )
  })

  it('a decision with a throwing getter is a fault, and the run goes on', () => {
    const bad = {
      kind: 'assignTask',
      get satellite(): string {
        throw new Error('gotcha')
      },
      rationale: 'x',
    }
    const sim = createSimulation(spec, undefined, { planners: [planner(() => [bad])] })
    sim.runUntil(900)
    expect(sim.time()).toBe(900)
    expect(sim.events().find((e) => e.type === 'plannerFault')?.message).toBe(
      'allocation/hostile: rejected decision: reading the decision threw: Error: gotcha',
    )
  })

  it('a getter cannot answer one value to the check and another to the engine', () => {
    let reads = 0
    const sneaky = {
      kind: 'maneuver',
      satellite: 'P1-S1',
      get atS() {
        return reads++ === 0 ? 60 : 1e300
      },
      dv: { frame: 'rtn', r: 0, t: 0.1, n: 0 },
      purpose: 'other',
      rationale: 'now, then never',
    }
    const sim = createSimulation(spec, undefined, { planners: [planner(() => [sneaky], 'trajectory')] })
    sim.runUntil(120)
    expect(reads).toBe(1)
    expect(sim.events().some((e) => e.type === 'maneuverExecuted')).toBe(true)
  })
})

describe('the view cannot be written', () => {
  it('writing into the view throws in strict code, and the engine keeps its own values', () => {
    let threw = ''
    faultsOf((v) => {
      try {
        ;(v.satellites[0].bus as { downlinkRateBps: number }).downlinkRateBps = 1
      } catch (err) {
        threw = (err as Error).name
      }
      return []
    })
    expect(threw).toBe('TypeError')
  })

  it('a planner writing everywhere it can gives the same report as one that does nothing', () => {
    const writer = (v: WorldView) => {
      for (const sat of v.satellites) {
        Reflect.set(sat.bus, 'downlinkRateBps', 1)
        Reflect.set(sat.bus, 'storageBits', 0)
        Reflect.set(sat.positionEciM, 0, 0)
        Reflect.set(sat, 'failed', true)
      }
      for (const t of v.tasks) Reflect.set(t.target, 'latRad', 0)
      for (const e of v.recentEvents) Reflect.set(e, 'message', 'overwritten')
      Reflect.set(v.satellites, 'length', 0)
      return []
    }
    const report = (plan: (v: WorldView) => unknown) => {
      // The case: the default scenario, whose downlinks a bus write used to cut to zero.
      const loaded = loadScenarioText(readFileSync('scenarios/default.json', 'utf8'), 'default.json', {
        knownPlanners: registry.names(),
      })
      if (!loaded.ok) throw new Error('default.json does not load')
      const base = registry.bind(loaded.scenario.strategies[0]).planners
      const sim = createSimulation(loaded.scenario, undefined, {
        planners: [...base, { ...planner(plan, 'maintenance'), id: 'maintenance/zz-writer' }],
      })
      sim.runUntil(loaded.scenario.durationS)
      return JSON.stringify(sim.report())
    }
    const quiet = report(() => [])
    expect(report(writer)).toBe(quiet)
    // The comparison means something: the untouched run did deliver data over its downlinks.
    expect(JSON.parse(quiet).metrics.dataDeliveredGb.value).toBeGreaterThan(0)
  })
})

describe('the async path', () => {
  it('runUntilAsync computes exactly what runUntil does', async () => {
    const make = () =>
      createSimulation(makeSpec(), undefined, {
        planners: [planner((v) => (v.timeS < 3600 ? [] : [{ kind: 'note', rationale: `at ${v.timeS}` }]))],
      })
    const a = make()
    a.runUntil(2 * 3600)
    const b = make()
    await b.runUntilAsync(2 * 3600)
    expect(JSON.stringify(b.report())).toBe(JSON.stringify(a.report()))
  })

  it('an isolated planner whose thread is lost is disabled with one fault; the run goes on', async () => {
    let calls = 0
    const lost: EnginePlanner = {
      id: 'allocation/lost',
      kind: 'allocation',
      isolated: {
        telemetryKnown: () => 0,
        call: async (): Promise<PlanOutcome> => {
          calls++
          return { ok: false, fault: 'did not return within 5 s', disable: true }
        },
      },
    }
    const sim = createSimulation(spec, undefined, { planners: [lost] })
    expect(() => sim.step()).toThrow('use stepAsync()')
    await sim.runUntilAsync(spec.durationS)
    expect(sim.time()).toBe(spec.durationS)
    expect(calls).toBe(1)
    const faults = sim.events().filter((e) => e.type === 'plannerFault')
    expect(faults.map((e) => [e.t, e.message])).toEqual([
      [30, 'allocation/lost: did not return within 5 s; disabled for the rest of the run'],
    ])
  })
})
