// Digests: the event log and the series arrive in pieces and survive a step back, the counts add
// up, the selected satellite's detail is there only for a satellite the scenario has, and the
// run's lockstep engines and their words come from buildRun.

import { describe, expect, it } from 'vitest'
import { createSimulation } from '../../src/core'
import { registry } from '../../src/planners'
import { EngineLog, loggedInteresting, strategyDigest } from '../../src/worker/digest'
import { buildRun } from '../../src/worker/run'
import { makeSpec } from '../support/spec-fixture'

/** The fixture with a station outage at 10 min: an event worth stopping for. */
function spec() {
  return makeSpec({ events: [{ type: 'stationOutage', atS: 600, station: 'svalbard', durationS: 1200 }] })
}

describe('EngineLog', () => {
  it('sends what is new once, and keeps the furthest history after the engine goes back', () => {
    const sim = createSimulation(spec())
    const log = new EngineLog()
    const start = sim.snapshot()
    sim.runUntil(1800)
    log.harvest(sim)
    const n = sim.events().length
    expect(n).toBeGreaterThan(0)
    const first = log.takeNew()
    expect(first.newEvents).toEqual({ from: 0, events: sim.events() })
    expect(first.newSeries.t.length).toBe(sim.series().t.length)
    expect(log.takeNew().newEvents).toEqual({ from: n, events: [] })
    sim.restore(start)
    log.harvest(sim)
    expect(log.history.length).toBe(n)
    // The history knows the outage lies ahead; the engine's own log does not yet.
    expect(log.nextKnownEvent(sim)).toBe(600)
    expect(loggedInteresting(sim, 0)).toBe(false)
    sim.runUntil(600)
    expect(loggedInteresting(sim, 0)).toBe(true)
  })
})

describe('strategyDigest', () => {
  it('counts the fleet and the tasks, and details a known satellite only', () => {
    const built = buildRun({ spec: spec(), file: 'f', source: { kind: 'file', name: 'f' } }, registry)
    if ('issues' in built) throw new Error('fixture does not build')
    const e = built.run.engines[0]
    for (let i = 0; i < 40; i++) built.run.step()
    const d = strategyDigest(e, 'P1-S2', new Map())
    const { total, ...byStatus } = d.fleet
    expect(total).toBe(12)
    expect(Object.values(byStatus).reduce((a, b) => a + b, 0)).toBe(12)
    expect(d.tasks.known).toBe(3)
    expect(d.eventCount).toBe(e.sim.events().length)
    expect(d.selected?.id).toBe('P1-S2')
    expect(d.selected?.components.length).toBe(3)
    expect(d.selected?.altKm).toBeGreaterThan(500)
    expect(strategyDigest(e, 'ghost', new Map()).selected).toBeNull()
    expect(strategyDigest(e, null, new Map()).selected).toBeNull()
  })
})

describe('buildRun', () => {
  const source = { kind: 'file' as const, name: 'f' }
  const five = makeSpec({ strategies: ['a', 'b', 'c', 'd', 'e'].map((name) => ({ name, params: {} })) })

  it('notes unknown strategies, too many strategies and a bad seed, and still builds', () => {
    const built = buildRun(
      { spec: five, file: 'f', source, strategies: ['ghost', 'e', 'd', 'c', 'b', 'a'], seed: -1 },
      registry,
    )
    if ('issues' in built) throw new Error('should build')
    expect(built.run.strategies).toEqual(['e', 'd', 'c', 'b'])
    expect(built.run.seed).toBe(five.seed)
    expect(built.notes).toHaveLength(3)
    expect(built.notes[0]).toContain('"ghost"')
    const run = built.run
    run.step()
    expect(run.engines.map((e) => e.sim.state().stepIndex)).toEqual([1, 1, 1, 1])
    expect(run.stepFor(Number.NaN)).toBe(0)
    expect(run.stepFor(95)).toBe(3)
    expect(run.stepFor(1e12)).toBe(run.totalSteps)
    const loaded = run.loadedMessage(registry, built.notes)
    expect(loaded.satelliteIds).toHaveLength(12)
    expect(loaded.snapshotEvery).toBe(run.snapshotEvery)
  })

  it('refuses a strategy whose planner is not installed, naming it', () => {
    const bad = makeSpec({ strategies: [{ name: 'x', trajectory: 'warp-drive', params: {} }] })
    const built = buildRun({ spec: bad, file: 'bad.json', source }, registry)
    expect('issues' in built && built.issues[0]).toMatchObject({ file: 'bad.json', path: 'strategies.x' })
  })
})
