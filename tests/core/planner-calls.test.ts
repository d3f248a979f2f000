// When the engine calls a planner: on the cadence, and between cadence steps at once when an
// event it subscribed to (`triggers`) was logged in this step — including events logged by a
// planner that ran earlier in the same step. And the restore guard: a snapshot only restores the
// scenario and strategy it was taken from.

import { describe, expect, it } from 'vitest'
import { createSimulation, type EnginePlanner, type SimEventType, SimulationError } from '../../src/core'
import { makeSpec, namedStrategies } from '../support/spec-fixture'

/** A planner that records (time, trigger) of every call and returns `reply` (default nothing). */
function recorder(
  id: string,
  kind: EnginePlanner['kind'],
  triggers?: SimEventType[],
  reply: EnginePlanner['plan'] = () => [],
) {
  const calls: [number, string][] = []
  const planner: EnginePlanner = {
    id,
    kind,
    triggers,
    plan: (view) => {
      calls.push([view.timeS, view.trigger])
      return reply(view)
    },
  }
  return { planner, calls }
}

// A battery failure at T+750 s (between the T+600 and T+1200 s cadence calls) logs
// componentFailed, then satelliteFailed, in that order.
const spec = () =>
  makeSpec({
    durationS: 1500,
    events: [{ type: 'failure', atS: 750, satellite: 'P1-S2', component: 'battery' }],
  })

describe('event-triggered planner calls', () => {
  it('a planner subscribed to an event is called in the step it happens, once, besides the cadence', () => {
    const sub = recorder('trajectory/sub', 'trajectory', ['satelliteFailed'])
    const deaf = recorder('trajectory/deaf', 'trajectory')
    const other = recorder('trajectory/other', 'trajectory', ['conjunctionWarning'])
    const sim = createSimulation(spec(), undefined, { planners: [sub.planner, deaf.planner, other.planner] })
    sim.runUntil(1500)
    const cadence: [number, string][] = [
      [30, 'cadence'],
      [600, 'cadence'],
      [1200, 'cadence'],
    ]
    expect(sub.calls).toEqual([...cadence.slice(0, 2), [750, 'satelliteFailed'], cadence[2]])
    expect(deaf.calls).toEqual(cadence)
    expect(other.calls).toEqual(cadence)
  })

  it('the trigger named is the first subscribed event logged in the step', () => {
    const both = recorder('trajectory/both', 'trajectory', ['satelliteFailed', 'componentFailed'])
    createSimulation(spec(), undefined, { planners: [both.planner] }).runUntil(900)
    expect(both.calls.filter(([t]) => t === 750)).toEqual([[750, 'componentFailed']])
  })

  it('an event logged by an earlier planner in the same step triggers a later one', () => {
    // Maintenance runs before allocation; its alert at T+750 s calls the allocation planner
    // subscribed to alerts in that very step.
    const alerting = recorder('maintenance/alerting', 'maintenance', ['satelliteFailed'], (view) =>
      view.trigger === 'satelliteFailed'
        ? [
            {
              kind: 'alert',
              satellite: 'P1-S3',
              component: 'battery',
              severity: 'warning',
              rationale: 'its neighbour just failed',
            },
          ]
        : [],
    )
    const listening = recorder('allocation/listening', 'allocation', ['alert'])
    const sim = createSimulation(spec(), undefined, { planners: [listening.planner, alerting.planner] })
    sim.runUntil(900)
    expect(alerting.calls.filter(([t]) => t === 750)).toEqual([[750, 'satelliteFailed']])
    expect(listening.calls.filter(([t]) => t === 750)).toEqual([[750, 'alert']])
    expect(sim.view().alerts.map((a) => [a.satellite, a.atS])).toEqual([['P1-S3', 750]])
  })

  it('a trigger sees the triggering event among its recent events', () => {
    const seen: string[][] = []
    const times: [number, number][] = []
    const p: EnginePlanner = {
      id: 'trajectory/look',
      kind: 'trajectory',
      triggers: ['satelliteFailed'],
      plan: (view) => {
        seen.push(view.recentEvents.map((e) => `${e.type}@${e.t}`))
        for (const e of view.recentEvents) times.push([view.timeS, e.t])
        return []
      },
    }
    createSimulation(spec(), undefined, { planners: [p] }).runUntil(900)
    // Calls at T+30, 600 and 750 s: the third sees what happened since the second, ending with
    // the failure that triggered it.
    expect(seen[2].slice(-2)).toEqual(['componentFailed@750', 'satelliteFailed@750'])
    for (const [call, t] of times.filter(([c]) => c === 750)) expect(t > 600 && t <= call).toBe(true)
  })
})

describe('the order of planner calls in a step', () => {
  it('is maintenance, trajectory, allocation, and by id within a kind, whatever order they were given in', () => {
    const order: string[] = []
    const planner = (id: string, kind: EnginePlanner['kind']): EnginePlanner => ({
      id,
      kind,
      plan: (view) => {
        if (view.timeS === 30) order.push(id)
        return []
      },
    })
    const given = [
      planner('allocation/zulu', 'allocation'),
      planner('trajectory/mike', 'trajectory'),
      planner('allocation/alpha', 'allocation'),
      planner('maintenance/kilo', 'maintenance'),
      planner('allocation/lima', 'allocation'),
    ]
    const expected = [
      'maintenance/kilo',
      'trajectory/mike',
      'allocation/alpha',
      'allocation/lima',
      'allocation/zulu',
    ]
    for (const planners of [given, [...given].reverse()]) {
      order.length = 0
      createSimulation(spec(), undefined, { planners }).runUntil(30)
      expect(order).toEqual(expected)
    }
  })
})

describe('the restore guard', () => {
  const twoStrategies = () =>
    makeSpec({
      durationS: 1200,
      strategies: namedStrategies('a', 'b'),
    })

  it("refuses a snapshot of another strategy or another scenario, and keeps the engine's state", () => {
    const a = createSimulation(twoStrategies(), 'a')
    const b = createSimulation(twoStrategies(), 'b')
    const other = createSimulation({ ...twoStrategies(), id: 'other' }, 'a')
    a.runUntil(300)
    b.runUntil(600)
    other.runUntil(900)
    expect(() => a.restore(b.snapshot())).toThrow(SimulationError)
    expect(() => a.restore(b.snapshot())).toThrow('snapshot of fixture/b cannot restore fixture/a')
    expect(() => a.restore(other.snapshot())).toThrow('snapshot of other/a cannot restore fixture/a')
    expect(a.time()).toBe(300)
    // The same scenario and strategy restore fine.
    const again = createSimulation(twoStrategies(), 'a')
    again.runUntil(900)
    a.restore(again.snapshot())
    expect(a.time()).toBe(900)
  })
})
