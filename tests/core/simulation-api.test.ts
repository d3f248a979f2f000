// The engine's driver API (strategy and seed checks, stepping to the end, runUntil's progress,
// sampling), the displayed statuses, and its running accounts (contacts, eclipses, coverage)
// recounted step by step from the state it exposes.

import { describe, expect, it } from 'vitest'
import { createSimulation, SimulationError } from '../../src/core'
import { isVisible } from '../../src/core/engine/geometry-pass'
import { makeSpec, TEST_BUS } from '../support/spec-fixture'

describe('creating and driving a simulation', () => {
  it('refuses an unknown strategy and a seed outside 0…2³²−1; a valid seed overrides the scenario’s', () => {
    const spec = makeSpec({ durationS: 600 })
    expect(() => createSimulation(spec, 'nope')).toThrow(SimulationError)
    for (const seed of [-1, 1.5, 2 ** 32, Number.NaN])
      expect(() => createSimulation(spec, undefined, { seed })).toThrow(SimulationError)
    expect(createSimulation(spec, undefined, { seed: 0 }).seed).toBe(0)
    expect(createSimulation(spec, undefined, { seed: 2 ** 32 - 1 }).seed).toBe(2 ** 32 - 1)
    expect(createSimulation(spec).seed).toBe(spec.seed)
    expect(createSimulation(spec, 'none').strategy.name).toBe('none')
  })

  it('steps to the exact end even when the duration is not a whole number of steps', () => {
    const sim = createSimulation(makeSpec({ durationS: 100 }))
    const times: number[] = []
    expect(sim.done()).toBe(false)
    while (sim.step()) times.push(sim.time())
    expect(times).toEqual([30, 60, 90, 100])
    expect(sim.done()).toBe(true)
    expect(sim.step()).toBe(false)
    expect(sim.time()).toBe(100)
    // The last step is sampled although it is off the 300 s sampling grid.
    expect(sim.series().t).toEqual([0, 100])
  })

  it('runUntil stops at the first step at or after the time, within the duration, reporting progress', () => {
    const spec = makeSpec({ durationS: 9000, sampleEveryS: 300 })
    const sim = createSimulation(spec)
    const fractions: number[] = []
    sim.runUntil(6015, (f) => fractions.push(f))
    expect(sim.time()).toBe(6030)
    // Every 200 steps, then 1 at the end.
    expect(fractions).toEqual([30 / 6015, (201 * 30) / 6015, 1])
    sim.runUntil(1e9)
    expect(sim.time()).toBe(9000)
    expect(sim.series().t).toEqual(Array.from({ length: 31 }, (_, i) => 300 * i))
    const again: number[] = []
    sim.runUntil(1e9, (f) => again.push(f))
    expect(again).toEqual([1])
  })

  it('shows a satellite manoeuvring while a burn is pending and for 10 minutes after it, then nominal', () => {
    const sim = createSimulation(makeSpec({ durationS: 3600 }))
    sim.scheduleManeuver({
      kind: 'maneuver',
      satellite: 'P1-S1',
      atS: 900,
      dv: { frame: 'rtn', r: 0, t: 0.1, n: 0 },
      purpose: 'other',
      rationale: 'status check',
    })
    const status = () => sim.view().satellites[0].status
    sim.runUntil(30)
    expect(status()).toBe('maneuvering')
    sim.runUntil(900 + 570)
    expect(status()).toBe('maneuvering')
    sim.runUntil(900 + 600)
    expect(status()).toBe('nominal')
    expect(sim.view().satellites[1].status).toBe('nominal')
  })

  it('shows a satellite below its minimum charge as safe, and logs it once', () => {
    const low = { ...TEST_BUS, initialSoc: 0.1 }
    const base = makeSpec({ durationS: 600 })
    const spec = { ...base, satellites: base.satellites.map((s, k) => (k === 0 ? { ...s, bus: low } : s)) }
    const sim = createSimulation(spec)
    sim.runUntil(600)
    expect(
      sim
        .view()
        .satellites.slice(0, 2)
        .map((s) => s.status),
    ).toEqual(['safe', 'nominal'])
    expect(
      sim
        .events()
        .filter((e) => e.type === 'lowPower')
        .map((e) => [e.satellite, e.t]),
    ).toEqual([['P1-S1', 30]])
  })
})

describe('running accounts, recounted', () => {
  it('contacts, eclipse entries, eclipse fraction and station-visible time follow the state, step by step', () => {
    const spec = makeSpec({
      durationS: 4 * 3600,
      events: [{ type: 'failure', atS: 3600, satellite: 'P2-S1', component: 'battery' }],
    })
    const sim = createSimulation(spec)
    const ns = sim.world.stations.length
    const n = sim.world.satCount
    const prevVis = new Uint8Array(n * ns)
    const prevSunlit = Uint8Array.from(sim.state().sunlit)
    let contacts = 0
    let entries = 0
    let eclipsedS = 0
    let workingS = 0
    let visibleS = 0
    for (let k = 0; k < n; k++)
      for (let j = 0; j < ns; j++) prevVis[k * ns + j] = isVisible(sim.state().visible, ns, k, j) ? 1 : 0
    // A contact or a shadow already under way at the start counts at t = 0.
    contacts += prevVis.reduce((a, v) => a + v, 0)
    entries += prevSunlit.reduce((a, v) => a + (v === 0 ? 1 : 0), 0)
    while (sim.step()) {
      const s = sim.state()
      let stationsSeeing = 0
      for (let j = 0; j < ns; j++) {
        let any = false
        for (let k = 0; k < n; k++) {
          const v = isVisible(s.visible, ns, k, j) ? 1 : 0
          if (v && !prevVis[k * ns + j]) contacts++
          prevVis[k * ns + j] = v
          any ||= v === 1
        }
        if (any) stationsSeeing++
      }
      visibleS += stationsSeeing * spec.stepS
      for (let k = 0; k < n; k++) {
        if (s.failed[k] !== 0) continue
        workingS += spec.stepS
        if (s.sunlit[k] === 0) {
          eclipsedS += spec.stepS
          if (prevSunlit[k] === 1) entries++
        }
      }
      prevSunlit.set(s.sunlit)
    }
    const acc = sim.state().acc
    expect(contacts).toBeGreaterThan(10)
    expect(entries).toBeGreaterThan(10)
    expect([acc.contacts, acc.eclipseEntries, acc.visibleS]).toEqual([contacts, entries, visibleS])
    expect(sim.metrics().contacts).toBe(contacts)
    expect(sim.metrics().eclipseFractionPct).toBeCloseTo((100 * eclipsedS) / workingS, 3)
  })

  it('coverage is the share of known tasks under a working satellite’s footprint, averaged over samples', () => {
    const spec = makeSpec({
      durationS: 6 * 3600,
      events: [{ type: 'failure', atS: 3000, satellite: 'P1-S1', component: 'battery' }],
    })
    const sim = createSimulation(spec)
    const view = sim.view()
    sim.runUntil(spec.durationS)
    const times = sim.series().t
    let sum = 0
    for (const t of times) {
      let covered = 0
      for (let q = 0; q < spec.tasks.length; q++) {
        const under = sim.world.sats.some(
          (sat, k) => !(sat.id === 'P1-S1' && t >= 3000) && view.canImage(k, q, t),
        )
        if (under) covered++
      }
      sum += covered / spec.tasks.length
    }
    expect(sum).toBeGreaterThan(0)
    expect(sim.metrics().coveragePct).toBeCloseTo((100 * sum) / times.length, 3)
  })
})
