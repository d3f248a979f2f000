// The battery's energy each step and the safe mode it drives (src/core/engine/payload.ts,
// powerPass): energy moves by (solar input − loads) × step, is held between empty and the
// capacity, and a satellite whose state of charge falls below its minimum turns its payload off
// until the charge is back above the minimum plus a 10-point margin (hysteresis). Expected values
// come from the bus figures in each test, not from the engine.

import { describe, expect, it } from 'vitest'
import { type BusSpec, createSimulation, type Simulation } from '../../src/core'
import { makeSpec, TEST_BUS, walker } from '../support/spec-fixture'

const CAPACITY_J = TEST_BUS.batteryCapacityJ
const STEP_S = 30

/** One satellite with this bus, no stations and no tasks: only the base load and the sun. */
function oneSatellite(bus: Partial<BusSpec>, over: Parameters<typeof makeSpec>[0] = {}): Simulation {
  const [sat] = walker(1, 1, 0, 550, 53)
  return createSimulation(
    makeSpec({
      satellites: [{ ...sat, bus: { ...TEST_BUS, ...bus } }],
      groundStations: [],
      tasks: [],
      stepS: STEP_S,
      ...over,
    }),
  )
}

/** State of charge and status after each step up to `untilS`. */
function trace(sim: Simulation, untilS: number) {
  const out: { t: number; soc: number; status: string; sunlit: boolean }[] = []
  while (sim.view().timeS < untilS) {
    sim.step()
    const v = sim.view()
    const s = v.satellites[0]
    out.push({ t: v.timeS, soc: s.soc, status: s.status, sunlit: s.sunlit })
  }
  return out
}

describe('the battery each step', () => {
  it('without solar power loses exactly the base load × time', () => {
    const sim = oneSatellite({ solarPowerW: 0, initialSoc: 0.9, minSoc: 0 })
    for (const { t, soc } of trace(sim, 3600)) {
      expect(soc).toBeCloseTo(0.9 - (TEST_BUS.baseLoadW * t) / CAPACITY_J, 12)
    }
  })

  it('gains (solar − base) × step in sunlight, never beyond the capacity', () => {
    // 400 W of sun against 150 W of load: +250 W while sunlit, −150 W in eclipse.
    const sim = oneSatellite({ initialSoc: 0.5, minSoc: 0 })
    let previous = 0.5
    let full = 0
    for (const { soc, sunlit } of trace(sim, 6 * 3600)) {
      const net = sunlit ? TEST_BUS.solarPowerW - TEST_BUS.baseLoadW : -TEST_BUS.baseLoadW
      const expected = Math.min(1, previous + (net * STEP_S) / CAPACITY_J)
      expect(soc).toBeCloseTo(expected, 12)
      if (soc === 1) full++
      previous = soc
    }
    // The clamp was reached (six hours of orbits charge 0.5 → full), and held.
    expect(full).toBeGreaterThan(0)
  })

  it('never goes below empty', () => {
    const sim = oneSatellite({ solarPowerW: 0, initialSoc: 0.01, minSoc: 0 })
    const socs = trace(sim, 3600).map((x) => x.soc)
    expect(Math.min(...socs)).toBe(0)
    expect(socs.at(-1)).toBe(0)
  })
})

describe('safe mode', () => {
  it('starts in the first step the charge is below the minimum, with one lowPower event', () => {
    // 0.26 − 150 W × t / 1200 Wh < 0.2 first for t > 1728 s: the step ending at 1740 s.
    const sim = oneSatellite({ solarPowerW: 0, initialSoc: 0.26, minSoc: 0.2 })
    const steps = trace(sim, 2400)
    const firstSafe = steps.find((x) => x.status === 'safe')
    expect(firstSafe?.t).toBe(1740)
    expect(steps.filter((x) => x.t < 1740).every((x) => x.status !== 'safe')).toBe(true)
    expect(steps.filter((x) => x.t >= 1740).every((x) => x.status === 'safe')).toBe(true)
    const low = sim.events().filter((e) => e.type === 'lowPower')
    expect(low.map((e) => [e.t, e.satellite])).toEqual([[1740, 'P1-S1']])
  })

  it('does not start at exactly the minimum', () => {
    // Whole joules: 0.25 × 1200 Wh = 1,080,000 J, less 4,500 J a step, is 864,000 J = exactly the
    // 20 % minimum at 1440 s. "Below" is strict: safe from the next step on.
    const sim = oneSatellite({ solarPowerW: 0, initialSoc: 0.25, minSoc: 0.2 })
    const steps = trace(sim, 1800)
    const at = (t: number) => steps.find((x) => x.t === t)
    expect(at(1440)).toMatchObject({ soc: 0.2, status: 'nominal' })
    expect(at(1470)?.status).toBe('safe')
  })

  it('ends only once the charge is back at the minimum plus 10 points', () => {
    // A full storm takes all solar power for the first hour: the charge falls below 0.2 and the
    // satellite goes safe; after it, the sun charges the battery back up.
    const sim = oneSatellite(
      { initialSoc: 0.25, minSoc: 0.2 },
      { events: [{ type: 'solarStorm', atS: 0, durationS: 3600, powerLoss: 1, noiseFactor: 1 }] },
    )
    const steps = trace(sim, 6 * 3600)
    const entered = steps.findIndex((x) => x.status === 'safe')
    expect(entered).toBeGreaterThan(0)
    const left = steps.findIndex((x, i) => i > entered && x.status !== 'safe')
    expect(left).toBeGreaterThan(entered)
    // Safe in every step between, though the charge passed the minimum on its way up.
    const between = steps.slice(entered, left)
    expect(between.every((x) => x.status === 'safe' && x.soc < 0.3)).toBe(true)
    expect(between.some((x) => x.soc >= 0.2)).toBe(true)
    // It leaves in the first step at or above 0.3.
    expect(steps[left].soc).toBeGreaterThanOrEqual(0.3)
  })
})
