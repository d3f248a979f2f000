// The access report against an independent computation: satellite.js's own Earth rotation
// (gstime), frame change (eciToEcf) and look angles (ecfToLookAngles) applied to the engine's
// positions at every step, windows rebuilt from the elevation mask alone. Also: windows and the
// contacts count agree, clipping is marked, eclipse intervals follow the sunlit flags.

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ecfToLookAngles, eciToEcf, gstime, jday } from 'satellite.js'
import { describe, expect, it } from 'vitest'
import { type ContactWindow, createSimulation, formatAccessCsv } from '../../src/core'
import { loadScenarioText } from '../../src/scenario'
import { lazy } from '../support/lazy'

const FILE = join(import.meta.dirname, '..', '..', 'scenarios', 'open-data.json')
const loaded = loadScenarioText(readFileSync(FILE, 'utf8'), 'open-data.json')
if (!loaded.ok) throw new Error('open-data.json does not validate')
// Six hours keep the test short; the scenario has no outages or failures to complicate the mask.
const spec = { ...loaded.scenario, durationS: 6 * 3600 }

interface Rebuilt {
  satellite: string
  station: string
  startS: number
  endS: number
  maxEl: number
  maxT: number
}

function independentWindows(): {
  windows: Rebuilt[]
  report: ReturnType<ReturnType<typeof createSimulation>['report']>
  darkSteps: Map<string, number>
} {
  const sim = createSimulation(spec, spec.strategies[0].name)
  const open = new Map<string, Rebuilt>()
  const windows: Rebuilt[] = []
  const darkSteps = new Map<string, number>()
  const observe = () => {
    const t = sim.time()
    const gmst = gstime(jday(new Date(spec.epochMs + t * 1000)))
    const s = sim.state()
    sim.world.sats.forEach((sat, k) => {
      const eci = { x: s.pos[3 * k] / 1000, y: s.pos[3 * k + 1] / 1000, z: s.pos[3 * k + 2] / 1000 }
      const ecf = eciToEcf(eci, gmst)
      if (s.sunlit[k] === 0) darkSteps.set(sat.id, (darkSteps.get(sat.id) ?? 0) + 1)
      for (const st of spec.groundStations) {
        const el = ecfToLookAngles(
          { latitude: st.latRad, longitude: st.lonRad, height: st.altM / 1000 },
          ecf,
        ).elevation
        const key = `${sat.id}/${st.id}`
        const w = open.get(key)
        if (el >= st.minElevationRad) {
          if (!w) open.set(key, { satellite: sat.id, station: st.id, startS: t, endS: t, maxEl: el, maxT: t })
          else {
            w.endS = t
            if (el > w.maxEl) {
              w.maxEl = el
              w.maxT = t
            }
          }
        } else if (w) {
          windows.push(w)
          open.delete(key)
        }
      }
    })
  }
  observe()
  while (sim.step()) observe()
  windows.push(...open.values())
  return { windows, report: sim.report(), darkSteps }
}

/** The run and its independent rebuild, made by the first test that needs them (tests/support/lazy.ts). */
const independent = lazy(independentWindows)
const key = (w: { satellite: string; station: string; startS: number }) =>
  `${w.satellite}/${w.station}@${w.startS}`

describe('the access report', () => {
  it('has the windows an independent elevation computation finds, with the same maximum elevation', () => {
    const { windows, report } = independent()
    expect(report.access!.contacts.length).toBeGreaterThan(50)
    const ours = new Map(report.access!.contacts.map((c) => [key(c), c]))
    expect([...ours.keys()].sort()).toEqual(windows.map(key).sort())
    for (const w of windows) {
      const c = ours.get(key(w)) as ContactWindow
      expect(c.endS, key(w)).toBe(w.endS)
      expect(c.maxElevationS, key(w)).toBe(w.maxT)
      expect(Math.abs(c.maxElevationDeg - (w.maxEl * 180) / Math.PI), key(w)).toBeLessThan(0.01)
    }
  })

  it('has exactly as many windows as the contacts metric', () => {
    const { report } = independent()
    expect(report.access!.contacts.length).toBe(report.counts.contacts)
    expect(report.metrics.contacts?.value).toBe(report.counts.contacts)
  })

  it('marks windows in progress at the end (and only those) as clipped', () => {
    const { report } = independent()
    const end = spec.durationS
    for (const c of report.access!.contacts) expect(c.clippedEnd, key(c)).toBe(c.endS === end)
    expect(report.access!.contacts.some((c) => c.clippedEnd)).toBe(true)
  })

  it('marks a window in progress at the start as clipped, and counts it (it begins at the epoch)', () => {
    // Start the same run 12 minutes later: passes then under way begin at t = 0.
    const later = { ...spec, epochMs: spec.epochMs + 720_000, durationS: 3600 }
    const sim = createSimulation(later, later.strategies[0].name)
    sim.runUntil(later.durationS)
    const r = sim.report()
    const clipped = r.access!.contacts.filter((c) => c.clippedStart)
    expect(clipped.length).toBeGreaterThan(0)
    for (const c of clipped) expect(c.startS).toBe(0)
    expect(r.access!.contacts.length).toBe(r.counts.contacts)
  })

  it('has eclipse intervals per satellite that add up to the steps spent in shadow', () => {
    const { report, darkSteps } = independent()
    const step = spec.stepS
    for (const sat of spec.satellites) {
      const intervals = report.access!.eclipses.filter((e) => e.satellite === sat.id)
      // Each interval covers (end − start) / step + 1 sampled steps.
      const steps = intervals.reduce((n, e) => n + (e.endS - e.startS) / step + 1, 0)
      expect(steps, sat.id).toBe(darkSteps.get(sat.id) ?? 0)
      for (let i = 1; i < intervals.length; i++)
        expect(intervals[i].startS).toBeGreaterThan(intervals[i - 1].endS)
    }
  })

  it('lists contacts by start, then satellite, then station (scenario order), and eclipses by satellite', () => {
    // Started 12 minutes late, passes are under way at t = 0 and share their start. A wide-mask
    // twin of Svalbard listed first sees POLAR-1's pass from t = 0 too but closes it later, so
    // the window that closes first is not the one listed first.
    const svalbard = spec.groundStations.find((st) => st.id === 'svalbard')!
    const later = {
      ...spec,
      groundStations: [{ ...svalbard, id: 'svalbard-wide', minElevationRad: 0 }, ...spec.groundStations],
      epochMs: spec.epochMs + 720_000,
      durationS: 3 * 3600,
    }
    const sim = createSimulation(later, later.strategies[0].name)
    sim.runUntil(later.durationS)
    const access = sim.report().access!
    const sat = (id: string) => later.satellites.findIndex((x) => x.id === id)
    const station = (id: string) => later.groundStations.findIndex((x) => x.id === id)
    const rank = (c: ContactWindow) => [c.startS, sat(c.satellite), station(c.station)]
    const byRank = [...access.contacts].sort((x, y) => {
      const [a, b] = [rank(x), rank(y)]
      return a[0] - b[0] || a[1] - b[1] || a[2] - b[2]
    })
    expect(access.contacts.map(key)).toEqual(byRank.map(key))
    // The tie-breaks are exercised: some windows share a start with another satellite's or station's.
    const sameStart = (c: ContactWindow, i: number) =>
      access.contacts.filter((d, j) => j !== i && d.startS === c.startS)
    expect(access.contacts.some((c, i) => sameStart(c, i).some((d) => d.satellite === c.satellite))).toBe(
      true,
    )
    expect(access.contacts.some((c, i) => sameStart(c, i).some((d) => d.satellite !== c.satellite))).toBe(
      true,
    )
    const sats = access.eclipses.map((e) => sat(e.satellite))
    expect(sats).toEqual([...sats].sort((x, y) => x - y))
  })

  it('is left out when not asked for (the live engines of the app), changing nothing else', () => {
    const { report } = independent()
    const off = createSimulation(spec, spec.strategies[0].name, { accessLog: false })
    off.runUntil(spec.durationS)
    expect(off.state().access).toBeNull()
    const { access, ...rest } = report
    expect(access).toBeDefined()
    expect(JSON.stringify(off.report())).toBe(JSON.stringify(rest))
  })

  it('writes one CSV row per window and interval, units in the header', () => {
    const { report } = independent()
    const csv = formatAccessCsv(report).trimEnd().split('\n')
    expect(csv[0]).toBe(
      'kind,satellite,station,start_s,end_s,start_utc,end_utc,duration_s,max_elevation_deg,max_elevation_s,clipped_start,clipped_end',
    )
    expect(csv.filter((l) => l.startsWith('contact,'))).toHaveLength(report.access!.contacts.length)
    expect(csv.filter((l) => l.startsWith('eclipse,'))).toHaveLength(report.access!.eclipses.length)
    const first = report.access!.contacts[0]
    expect(csv[1]).toBe(
      `contact,${first.satellite},${first.station},${first.startS},${first.endS},` +
        `${new Date(spec.epochMs + first.startS * 1000).toISOString()},${new Date(spec.epochMs + first.endS * 1000).toISOString()},` +
        `${first.endS - first.startS},${first.maxElevationDeg},${first.maxElevationS},${first.clippedStart},${first.clippedEnd}`,
    )
  })
})
