// The time series in the report and as CSV: each sample holds what the engine's state held at
// that instant, sampling changes nothing else, and it costs nothing unless asked for.

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createSimulation, formatSeriesCsv, STATUS_NAMES } from '../../src/core'
import { loadScenarioText } from '../../src/scenario'

const FILE = join(import.meta.dirname, '..', '..', 'scenarios', 'open-data.json')
const loaded = loadScenarioText(readFileSync(FILE, 'utf8'), 'open-data.json')
if (!loaded.ok) throw new Error('open-data.json does not validate')
const spec = { ...loaded.scenario, durationS: 4 * 3600 }
const strategy = spec.strategies[0].name

describe('the time series', () => {
  it('holds, at each sample, the state of charge, propellant and status the engine had then', () => {
    const sim = createSimulation(spec, strategy, { satelliteSeries: true })
    const expected: { soc: number; propellantKg: number; status: string }[][] = []
    const read = () => {
      const s = sim.state()
      expected.push(
        sim.world.sats.map((sat, k) => ({
          soc: Math.round((s.energyJ[k] / (sat.bus.batteryCapacityJ * s.health[3 * k + 1])) * 1e4) / 1e4,
          propellantKg: Math.round(s.propellantKg[k] * 1e4) / 1e4,
          status: STATUS_NAMES[s.status[k]],
        })),
      )
    }
    read()
    let samples = 1
    while (sim.step()) {
      // No planners run in this strategy without the registry: the state after a step is the
      // state at its sample.
      if (sim.series().t.length > samples) {
        samples++
        read()
      }
    }
    const series = sim.report({ withSeries: true }).series!
    expect(series.tS).toEqual(sim.series().t)
    expect(series.tS.length).toBe(expected.length)
    expect(series.tS.length).toBe(4 * 12 + 1)
    series.satellites.forEach((sat, k) => {
      expect(sat.id).toBe(sim.world.sats[k].id)
      expect(sat.soc).toEqual(expected.map((e) => e[k].soc))
      expect(sat.propellantKg).toEqual(expected.map((e) => e[k].propellantKg))
      expect(sat.status).toEqual(expected.map((e) => e[k].status))
    })
    // The charge moves (sunlight, eclipse, loads): the comparison is not of constants.
    expect(new Set(series.satellites[0].soc).size).toBeGreaterThan(5)
  })

  it('carries each metric with its unit, as sampled', () => {
    const sim = createSimulation(spec, strategy)
    sim.runUntil(spec.durationS)
    const series = sim.report({ withSeries: true }).series!
    const contacts = series.metrics.find((m) => m.key === 'contacts')!
    expect(contacts.unit).toBe('passes')
    expect(contacts.values).toEqual(sim.series().values.contacts)
    // Without satellite sampling asked for, none is kept.
    expect(series.satellites).toEqual([])
    expect(sim.state().satSeries).toBeNull()
  })

  it('changes nothing else in the report', () => {
    const a = createSimulation(spec, strategy, { satelliteSeries: true })
    const b = createSimulation(spec, strategy)
    a.runUntil(spec.durationS)
    b.runUntil(spec.durationS)
    const { series, ...rest } = a.report({ withSeries: true })
    expect(series).toBeDefined()
    expect(JSON.stringify(rest)).toBe(JSON.stringify(b.report()))
  })

  it('is one CSV row per sample with units in the header', () => {
    const sim = createSimulation(spec, strategy, { satelliteSeries: true })
    sim.runUntil(spec.durationS)
    const report = sim.report({ withSeries: true })
    const lines = formatSeriesCsv(report).trimEnd().split('\n')
    const header = lines[0].split(',')
    expect(header.slice(0, 2)).toEqual(['t [s]', 'utc'])
    expect(header).toContain('contacts [passes]')
    expect(header).toContain('POLAR-1 soc [0-1]')
    expect(header).toContain('POLAR-1 propellant [kg]')
    expect(lines).toHaveLength(report.series!.tS.length + 1)
    const col = header.indexOf('POLAR-1 soc [0-1]')
    const polar = report.series!.satellites.find((s) => s.id === 'POLAR-1')!
    lines.slice(1).forEach((line, i) => {
      const cells = line.split(',')
      expect(Number(cells[0])).toBe(report.series!.tS[i])
      expect(Number(cells[col])).toBe(polar.soc[i])
      expect(cells).toHaveLength(header.length)
    })
  })
})
