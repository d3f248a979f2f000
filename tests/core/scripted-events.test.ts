// The scripted timeline as the engine plays it: a solar storm's power loss and noisier telemetry
// for exactly its duration, a task burst that planners only see once it arrives, a conjunction
// whose debris passes at the announced miss, and a station outage that ends on time.

import { describe, expect, it } from 'vitest'
import { createSimulation, type ScenarioSpec } from '../../src/core'
import { makeSpec, TEST_BUS, walker } from '../support/spec-fixture'

/** One satellite, nothing else, 3 h, with these scripted events. */
const lone = (events: ScenarioSpec['events']) =>
  makeSpec({
    satellites: walker(1, 1, 0, 550, 53),
    groundStations: [],
    tasks: [],
    durationS: 3 * 3600,
    events,
  })

describe('scripted events', () => {
  it('a solar storm cuts array power and multiplies telemetry noise, for its duration only', () => {
    const spec = makeSpec({
      durationS: 4 * 3600,
      tasks: [],
      groundStations: [],
      events: [{ type: 'solarStorm', atS: 3600, durationS: 3600, powerLoss: 0.5, noiseFactor: 4 }],
    })
    const sim = createSimulation(spec)
    const n = sim.world.satCount
    let checked = 0
    while (sim.time() < 3 * 3600) {
      const before = Float64Array.from(sim.state().energyJ)
      sim.step()
      const t = sim.time()
      const s = sim.state()
      const loss = t >= 3600 && t < 7200 ? 0.5 : 0
      for (let k = 0; k < n; k++) {
        const input = s.sunlit[k] ? TEST_BUS.solarPowerW * (1 - loss) : 0
        const want = Math.min(
          TEST_BUS.batteryCapacityJ,
          Math.max(0, before[k] + (input - TEST_BUS.baseLoadW) * 30),
        )
        expect(s.energyJ[k]).toBeCloseTo(want, 6)
        if (loss > 0 && s.sunlit[k]) checked++
      }
    }
    expect(checked).toBeGreaterThan(100)
    expect(
      sim
        .events()
        .filter((e) => e.type.startsWith('solarStorm'))
        .map((e) => [e.type, e.t]),
    ).toEqual([
      ['solarStormStart', 3600],
      ['solarStormEnd', 7200],
    ])
    // Healthy channels read 1 + noise: RMS ≈ 4σ inside the storm, σ outside. The RMS of n normal
    // samples estimates the σ with a relative standard error 1/√(2n); 4 of those is the tolerance.
    const rms = (inStorm: boolean) => {
      const r: number[] = []
      for (let k = 0; k < n; k++)
        for (const c of ['reactionWheel', 'battery', 'thruster'] as const) {
          const { t, v } = sim.view().telemetry(k, c)
          for (let j = 0; j < t.length; j++) if ((t[j] >= 3600 && t[j] < 7200) === inStorm) r.push(v[j] - 1)
        }
      return { value: Math.sqrt(r.reduce((a, x) => a + x * x, 0) / r.length), n: r.length }
    }
    const sigma = spec.components.noiseSigma
    for (const [inStorm, factor] of [
      [true, 4],
      [false, 1],
    ] as const) {
      const { value, n: count } = rms(inStorm)
      expect(Math.abs(value / (factor * sigma) - 1)).toBeLessThan(4 / Math.sqrt(2 * count))
    }
  })

  it('a task burst is unknown to planners until it arrives, then listed and announced', () => {
    const extra = { ...makeSpec().tasks[0], id: 'late-1', windowStartS: 1800, windowEndS: 3600 }
    const spec = makeSpec({
      durationS: 3600,
      events: [{ type: 'taskBurst', atS: 1800, tasks: [extra, { ...extra, id: 'late-2' }] }],
    })
    const sim = createSimulation(spec)
    sim.runUntil(1770)
    expect(sim.view().tasks.map((t) => t.id)).toEqual(['tokyo', 'paris', 'lima'])
    sim.runUntil(1800)
    expect(sim.view().tasks.map((t) => t.id)).toEqual(['tokyo', 'paris', 'lima', 'late-1', 'late-2'])
    const burst = sim.events().filter((e) => e.type === 'taskBurst')
    expect(burst.map((e) => [e.t, e.data?.count])).toEqual([[1800, 2]])
    expect(sim.report().counts.tasks).toBe(5)
  })

  it('conjunction debris passes at the announced miss when nothing manoeuvres', () => {
    const spec = lone([
      {
        type: 'conjunction',
        atS: 600,
        satellite: 'P1-S1',
        tcaS: 7200,
        missDistanceM: 400,
        hardBodyRadiusM: 20,
      },
    ])
    const sim = createSimulation(spec)
    sim.runUntil(spec.durationS)
    const warn = sim.events().find((e) => e.type === 'conjunctionWarning')
    expect([warn?.t, warn?.data]).toEqual([600, { tcaS: 7200, missM: 400 }])
    const passed = sim.events().filter((e) => e.type === 'conjunctionPassed')
    expect(passed.map((e) => e.t)).toEqual([7200])
    expect(Number(passed[0].data?.missM)).toBeCloseTo(400, 3)
    expect(sim.view().conjunctions).toEqual([])
    expect(sim.metrics().failures).toBe(0)
  })

  it('a conjunction with a satellite that has already failed passes without a collision', () => {
    const spec = lone([
      {
        type: 'conjunction',
        atS: 600,
        satellite: 'P1-S1',
        tcaS: 7200,
        missDistanceM: 1,
        hardBodyRadiusM: 20,
      },
      { type: 'failure', atS: 3600, satellite: 'P1-S1', component: 'battery' },
    ])
    const sim = createSimulation(spec)
    sim.runUntil(spec.durationS)
    expect(sim.events().some((e) => e.type === 'collision' || e.type === 'conjunctionPassed')).toBe(false)
    expect(sim.view().conjunctions).toEqual([])
  })

  it('a station outage ends on time and is announced at both ends', () => {
    const spec = makeSpec({
      durationS: 3600,
      events: [{ type: 'stationOutage', atS: 600, station: 'svalbard', durationS: 900 }],
    })
    const sim = createSimulation(spec)
    sim.runUntil(3600)
    expect(
      sim
        .events()
        .filter((e) => e.type.startsWith('stationOutage'))
        .map((e) => [e.type, e.t, e.station]),
    ).toEqual([
      ['stationOutageStart', 600, 'svalbard'],
      ['stationOutageEnd', 1500, 'svalbard'],
    ])
  })

  it('an outage message names the station as people know it; the id stays in the field', () => {
    const base = makeSpec({ durationS: 1800 })
    const spec = {
      ...base,
      groundStations: base.groundStations.map((g) =>
        g.id === 'svalbard' ? { ...g, name: 'Svalbard (SvalSat)' } : g,
      ),
      events: [{ type: 'stationOutage' as const, atS: 600, station: 'svalbard', durationS: 600 }],
    }
    const sim = createSimulation(spec)
    sim.runUntil(1800)
    const outage = sim.events().filter((e) => e.type.startsWith('stationOutage'))
    expect(outage.map((e) => [e.station, e.message])).toEqual([
      ['svalbard', 'Ground station Svalbard (SvalSat) goes dark for 0.2 h.'],
      ['svalbard', 'Ground station Svalbard (SvalSat) is back in service.'],
    ])
  })
})
