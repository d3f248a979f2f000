// What losing a satellite does, and that it does it once (src/core/engine/health.ts,
// failSatellite, decaySatellite, loseSatellite): a second lost component logs no second loss; a
// failed satellite that then re-enters counts once among the lost; a delivered task keeps the
// satellite that delivered it while its undelivered assignments are freed.

import { describe, expect, it } from 'vitest'
import { createSimulation, DEG, type SimEvent, type Simulation, type TaskSpec } from '../../src/core'
import { decaySatellite } from '../../src/core/engine/health'
import { initialState } from '../../src/core/engine/state'
import { buildWorld } from '../../src/core/engine/world'
import { assign, passSpec } from '../support/pass-fixture'
import { probePlanner } from '../support/probe-planner'
import { SINKER } from '../support/sinking-tle'
import { makeSpec, walker } from '../support/spec-fixture'

const STEP = 30

const eventsOf = (sim: Simulation, type: SimEvent['type']) =>
  sim
    .events()
    .filter((e) => e.type === type)
    .map((e) => [e.satellite, e.t])

describe('a satellite is lost once', () => {
  it('when its wheel fails after its battery: one satelliteFailed event, at the first loss', () => {
    const sim = createSimulation(
      makeSpec({
        satellites: walker(2, 1, 0, 550, 53),
        groundStations: [],
        tasks: [],
        durationS: 1800,
        events: [
          { type: 'failure', atS: 600, satellite: 'P1-S1', component: 'battery' },
          { type: 'failure', atS: 1200, satellite: 'P1-S1', component: 'reactionWheel' },
        ],
      }),
    )
    sim.runUntil(1800)
    expect(eventsOf(sim, 'componentFailed')).toEqual([
      ['P1-S1', 600],
      ['P1-S1', 1200],
    ])
    expect(eventsOf(sim, 'satelliteFailed')).toEqual([['P1-S1', 600]])
    expect(sim.metrics().failures).toBe(1)
  })

  it('when a satellite whose battery failed later re-enters: still one of the working fleet lost', () => {
    // SINKER's battery fails at T+1 h; SGP4 finds its orbit decayed about 12 h after the epoch.
    // A step counts the satellites still working at its end: two in the steps up to T+3570 s,
    // one from the step ending at T+3600 s on, decay or not. Working satellite-seconds
    // (the eclipse fraction's denominator): 2·3570 + 1·(T − 3570).
    const durationS = 13 * 3600
    const sim = createSimulation(
      makeSpec({
        satellites: [...walker(1, 1, 0, 550, 53), SINKER],
        groundStations: [],
        tasks: [],
        durationS,
        events: [{ type: 'failure', atS: 3600, satellite: 'SINKER', component: 'battery' }],
      }),
    )
    sim.runUntil(durationS)
    expect(eventsOf(sim, 'satelliteFailed')).toEqual([['SINKER', 3600]])
    const decays = eventsOf(sim, 'satelliteDecayed')
    expect(decays).toHaveLength(1)
    expect(decays[0][1]).toBeGreaterThan(12 * 3600)
    expect(sim.state().acc.satellitesFailed).toBe(1)
    expect(sim.state().acc.satS).toBe(2 * 3570 + 1 * (durationS - 3570))
    expect(sim.metrics().failures).toBe(1)
  })

  it('when decaySatellite is called twice: one event, and the first decay time is kept', () => {
    // The engine only calls it for a satellite not yet marked decayed; the function itself
    // must not log or re-time a second re-entry either.
    const spec = makeSpec({ satellites: walker(2, 1, 0, 550, 53), groundStations: [], tasks: [] })
    const world = buildWorld(spec, 4)
    const s = initialState(world)
    const log: SimEvent[] = []
    s.t = 600
    decaySatellite(world, s, 1, (e) => log.push(e))
    s.t = 1200
    decaySatellite(world, s, 1, (e) => log.push(e))
    expect(log.map((e) => [e.type, e.satellite, e.t])).toEqual([['satelliteDecayed', 'P1-S2', 600]])
    expect(Array.from(s.decayedAtS)).toEqual([Number.NaN, 600])
    expect(s.acc.satellitesFailed).toBe(1)
  })
})

describe("a failed satellite's tasks", () => {
  it('lose it as assignee unless they were delivered', () => {
    // P1-S1 images 'img' at about T+600 s and sends it down over the stations at about
    // T+1500 s (20 Mb: less than one 30 s step of its 1 Mbit/s link). 'polar' (80° N) is out
    // of reach of its 53° orbit: assigned, never captured. Its battery fails at T+2400 s.
    const lostAt = 2400
    const image = (id: string, target: TaskSpec['target']): TaskSpec => ({
      id,
      kind: 'image',
      target,
      windowStartS: 0,
      windowEndS: 3 * 3600,
      priority: 1,
      dataBits: 20e6,
    })
    const tasks = (target: TaskSpec['target']) => [
      image('img', target),
      image('polar', { latRad: 80 * DEG, lonRad: 0 }),
    ]
    const spec = passSpec({
      tasks,
      events: [{ type: 'failure', atS: lostAt, satellite: 'P1-S1', component: 'battery' }],
    })
    const planner = probePlanner('allocation', () => [assign('img'), assign('polar')])
    const sim = createSimulation(spec, undefined, { planners: [planner] })
    sim.runUntil(lostAt - STEP)
    const before = sim.view().tasks.map((t) => [t.id, t.state, t.assignedTo])
    expect(before).toEqual([
      ['img', 'delivered', 'P1-S1'],
      ['polar', 'open', 'P1-S1'],
    ])
    sim.runUntil(lostAt)
    expect(eventsOf(sim, 'satelliteFailed')).toEqual([['P1-S1', lostAt]])
    const after = sim.view().tasks.map((t) => [t.id, t.state, t.assignedTo])
    expect(after).toEqual([
      ['img', 'delivered', 'P1-S1'],
      ['polar', 'open', null],
    ])
  })
})
