// The run report against the engine it summarises: identity and time fields, counts recounted
// from the event log, metrics with their definitions (wall-clock ones only on request), and each
// satellite's figures from the engine state in the report's units and rounding.

import { describe, expect, it } from 'vitest'
import { createSimulation, type EnginePlanner, METRICS, NONDETERMINISTIC_METRICS } from '../../src/core'
import { makeSpec, TEST_BUS } from '../support/spec-fixture'

const noter: EnginePlanner = {
  id: 'maintenance/noter',
  kind: 'maintenance',
  plan: (view) =>
    view.timeS === 600
      ? [
          { kind: 'alert', satellite: 'P1-S4', component: 'battery', severity: 'warning', rationale: 'hm' },
          { kind: 'setMode', satellite: 'P1-S4', mode: 'edge', rationale: 'not mine to make' },
        ]
      : [],
}

function finished() {
  const spec = makeSpec({
    durationS: 2 * 3600,
    events: [{ type: 'failure', atS: 900, satellite: 'P1-S2', component: 'battery' }],
    strategies: [{ name: 'watch', maintenance: 'noter', params: {} }],
  })
  const sim = createSimulation(spec, 'watch', { planners: [noter], seed: 99 })
  sim.runUntil(5000)
  return { spec, sim }
}

describe('the run report', () => {
  it('names the run and its time', () => {
    const { spec, sim } = finished()
    const r = sim.report()
    expect([r.scenario, r.title, r.strategy, r.seed, r.stepS, r.elapsedS]).toEqual([
      spec.id,
      spec.title,
      'watch',
      99,
      30,
      5010,
    ])
    expect(r.planners).toEqual({ trajectory: null, allocation: null, maintenance: 'noter' })
    expect(r.epoch).toBe('2026-03-20T00:00:00.000Z')
    expect(r.simTimeUtc).toBe('2026-03-20T01:23:30.000Z')
  })

  it('counts what the event log holds', () => {
    const { sim } = finished()
    const r = sim.report()
    const ev = sim.events()
    const n = (type: string) => ev.filter((e) => e.type === type).length
    expect(r.events).toEqual(ev)
    expect(r.events).not.toBe(ev)
    expect(r.counts).toEqual({
      satellites: 12,
      stations: 3,
      tasks: 3,
      contacts: sim.state().acc.contacts,
      eclipseEntries: sim.state().acc.eclipseEntries,
      events: ev.length,
      failures: 1,
      decisions: n('decision'),
      alerts: 1,
      plannerFaults: 1,
    })
    expect(r.counts.contacts).toBeGreaterThan(0)
    expect(r.counts.eclipseEntries).toBeGreaterThan(0)
  })

  it('lists every metric with its definition; wall-clock ones only when asked', () => {
    const { sim } = finished()
    const values = sim.metrics()
    const plain = sim.report()
    const timed = sim.report({ includeTiming: true })
    for (const def of METRICS) {
      const wallClock = NONDETERMINISTIC_METRICS.includes(def.key)
      const want = { label: def.label, value: values[def.key], unit: def.unit, better: def.better }
      expect(plain.metrics[def.key]).toEqual(wallClock ? undefined : want)
      expect(timed.metrics[def.key]).toEqual(want)
    }
    expect(NONDETERMINISTIC_METRICS.length).toBeGreaterThan(0)
  })

  it("gives each satellite's figures from the engine state, in km, degrees and Mb", () => {
    const { sim } = finished()
    const s = sim.state()
    const view = sim.view()
    for (const [k, sat] of sim.report().satellites.entries()) {
      const o = 3 * k
      expect(sat.id).toBe(view.satellites[k].id)
      expect(sat.status).toBe(view.satellites[k].status)
      expect(sat.role).toBe('active')
      for (let j = 0; j < 3; j++) {
        expect(Math.abs(sat.positionEciKm![j] - s.pos[o + j] / 1000)).toBeLessThanOrEqual(0.0005)
        expect(Math.abs(sat.velocityEciKmS![j] - s.vel[o + j] / 1000)).toBeLessThanOrEqual(0.0000005)
      }
      expect(Math.abs(sat.latDeg! - (s.geo[o] * 180) / Math.PI)).toBeLessThanOrEqual(0.00005)
      expect(Math.abs(sat.lonDeg! - (s.geo[o + 1] * 180) / Math.PI)).toBeLessThanOrEqual(0.00005)
      expect(Math.abs(sat.altKm! - s.geo[o + 2] / 1000)).toBeLessThanOrEqual(0.0005)
      expect(Math.abs(sat.batterySoc - view.satellites[k].soc)).toBeLessThanOrEqual(0.00005)
      expect(sat.propellantKg).toBe(TEST_BUS.propellantKg)
      expect(Math.abs(sat.storageMb - s.storageBits[k] / 1e6)).toBeLessThanOrEqual(0.0005)
    }
    expect(sim.report().satellites[1].status).toBe('failed')
  })
})
