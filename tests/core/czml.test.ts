// The CZML document: the structure CesiumJS needs (document packet first with a clock; unique
// ids; sampled positions with interpolation settings; intervals well formed and inside the run;
// links that reference existing packets), positions equal to the report's at the same instants,
// and a colour that follows a satellite's status.

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildCzml, type CzmlPacket, createSimulation, recordTrajectories } from '../../src/core'
import { loadScenarioValue } from '../../src/scenario'

const FILE = join(import.meta.dirname, '..', '..', 'scenarios', 'open-data.json')
const raw = JSON.parse(readFileSync(FILE, 'utf8'))
// Three hours, and POLAR-2's reaction wheel fails at 1 h, so one colour must change.
raw.duration = '3h'
raw.tasks = []
raw.events = [{ at: '1h', type: 'failure', satellite: 'POLAR-2', component: 'reactionWheel' }]
const loaded = loadScenarioValue(raw, 'open-data.json')
if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues))
const spec = loaded.scenario
const strategy = spec.strategies[0].name

// The run is made by the first test that needs it, then shared. Not at module level: mutation
// testing credits code run outside a test to no test at all, and must then rerun every test of
// the file for each mutant in the engine it reaches.
let made: ReturnType<typeof makeRun> | undefined
function makeRun() {
  const sim = createSimulation(spec, strategy)
  const tracks = recordTrajectories(sim)
  const report = sim.report()
  const czml = buildCzml(report, spec.groundStations, tracks)
  return { tracks, report, czml, byId: new Map(czml.map((p) => [p.id, p])) }
}
const run = () => (made ??= makeRun())
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/

function interval(text: unknown): [number, number] {
  expect(typeof text).toBe('string')
  const [a, b] = String(text).split('/')
  expect(a).toMatch(ISO)
  expect(b).toMatch(ISO)
  const out: [number, number] = [Date.parse(a), Date.parse(b)]
  expect(out[0]).toBeLessThanOrEqual(out[1])
  return out
}

const runStart = spec.epochMs
const runEnd = spec.epochMs + spec.durationS * 1000

describe('the CZML document', () => {
  it('starts with a document packet holding the version and the run as its clock', () => {
    const { czml } = run()
    const doc = czml[0] as CzmlPacket & { clock: { interval: string; currentTime: string } }
    expect(doc.id).toBe('document')
    expect(doc.version).toBe('1.0')
    expect(interval(doc.clock.interval)).toEqual([runStart, runEnd])
    expect(Date.parse(doc.clock.currentTime)).toBe(runStart)
    expect(czml.filter((p) => p.id === 'document')).toHaveLength(1)
  })

  it('has unique ids: one packet per satellite and per station, one per contact window', () => {
    const { report, czml, byId } = run()
    expect(byId.size).toBe(czml.length)
    for (const s of spec.satellites) expect(byId.has(`satellite/${s.id}`), s.id).toBe(true)
    for (const st of spec.groundStations) expect(byId.has(`station/${st.id}`), st.id).toBe(true)
    expect(czml.filter((p) => p.id.startsWith('contact/'))).toHaveLength(report.access!.contacts.length)
    expect(report.access!.contacts.length).toBeGreaterThan(10)
  })

  it('gives each satellite sampled inertial positions with interpolation settings', () => {
    const { byId } = run()
    for (const s of spec.satellites) {
      const p = byId.get(`satellite/${s.id}`) as CzmlPacket & {
        position: Record<string, unknown> & { cartesian: number[] }
        availability: string
      }
      expect(p.position.referenceFrame).toBe('INERTIAL')
      expect(p.position.interpolationAlgorithm).toBe('LAGRANGE')
      expect(p.position.interpolationDegree).toBe(5)
      expect(Date.parse(String(p.position.epoch))).toBe(runStart)
      expect(interval(p.availability)).toEqual([runStart, runEnd])
      const c = p.position.cartesian
      expect(c.length).toBe(4 * (3 * 12 + 1))
      for (let i = 4; i < c.length; i += 4) expect(c[i]).toBeGreaterThan(c[i - 4])
      expect(c.every(Number.isFinite)).toBe(true)
    }
  })

  it("holds the report's positions at the same instants", () => {
    const { tracks, byId } = run()
    const check = [0, 3, 17, 36]
    for (const i of check) {
      const t = tracks.tS[i]
      const other = createSimulation(spec, strategy)
      other.runUntil(t)
      const positions = other.report().satellites
      for (const s of positions) {
        const c = (byId.get(`satellite/${s.id}`) as CzmlPacket & { position: { cartesian: number[] } })
          .position.cartesian
        expect(c[4 * i]).toBe(t)
        expect([c[4 * i + 1], c[4 * i + 2], c[4 * i + 3]].map((m) => m / 1000)).toEqual(s.positionEciKm)
      }
    }
  })

  it('colours a satellite by its status over time, intervals covering the run without gaps', () => {
    const { report, byId } = run()
    for (const s of spec.satellites) {
      const colours = (
        byId.get(`satellite/${s.id}`) as CzmlPacket & {
          point: { color: { interval: string; rgba: number[] }[] }
        }
      ).point.color
      const spans = colours.map((c) => interval(c.interval))
      expect(spans[0][0]).toBe(runStart)
      expect(spans.at(-1)?.[1]).toBe(runEnd)
      for (let i = 1; i < spans.length; i++) expect(spans[i][0]).toBe(spans[i - 1][1])
      for (const c of colours) expect(c.rgba).toHaveLength(4)
    }
    const polar = (byId.get('satellite/POLAR-2') as CzmlPacket & { point: { color: { rgba: number[] }[] } })
      .point.color
    const failedAt = report.events.find((e) => e.type === 'satelliteFailed' && e.satellite === 'POLAR-2')
    expect(failedAt).toBeDefined()
    expect(polar.length).toBeGreaterThan(1)
    expect(polar[0].rgba).not.toEqual(polar.at(-1)?.rgba)
  })

  it('draws each contact as a polyline between existing packets, shown during its window only', () => {
    const { report, byId } = run()
    report.access!.contacts.forEach((c, n) => {
      const p = byId.get(`contact/${n + 1}`) as CzmlPacket & {
        availability: string
        polyline: { show: { interval: string; boolean: boolean }[]; positions: { references: string[] } }
      }
      const [a, b] = interval(p.availability)
      expect([a, b]).toEqual([runStart + c.startS * 1000, runStart + c.endS * 1000])
      expect(a).toBeGreaterThanOrEqual(runStart)
      expect(b).toBeLessThanOrEqual(runEnd)
      expect(p.polyline.show).toEqual([{ interval: p.availability, boolean: true }])
      for (const ref of p.polyline.positions.references) {
        const [id, property] = ref.split('#')
        expect(property).toBe('position')
        expect(byId.has(id), ref).toBe(true)
      }
    })
  })

  it('places stations by geodetic degrees', () => {
    const { byId } = run()
    const svalbard = byId.get('station/svalbard') as CzmlPacket & {
      position: { cartographicDegrees: number[] }
    }
    expect(svalbard.position.cartographicDegrees).toEqual([15.41, 78.23, 500])
  })
})
