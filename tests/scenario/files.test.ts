import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { R_EARTH } from '../../src/core/constants'
import { formatIssues, loadScenarioText } from '../../src/scenario'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const SCENARIOS = join(ROOT, 'scenarios')
const files = readdirSync(SCENARIOS).filter((name) => name.endsWith('.json'))

function loadFile(name: string) {
  const result = loadScenarioText(readFileSync(join(SCENARIOS, name), 'utf8'), `scenarios/${name}`)
  if (!result.ok) throw new Error(`scenarios/${name} does not load:\n${formatIssues(result.issues)}`)
  return result.scenario
}

describe('the scenario files', () => {
  it('include the default', () => {
    expect(files).toContain('default.json')
  })

  it.each(files)('%s loads without problems and points editors at the schema', (name) => {
    const spec = loadFile(name)
    expect(spec.id).toBe(name.replace(/\.json$/, ''))
    const raw = JSON.parse(readFileSync(join(SCENARIOS, name), 'utf8'))
    expect(raw.$schema).toBe('../public/scenario.schema.json')
    expect(existsSync(resolve(SCENARIOS, raw.$schema))).toBe(true)
  })
})

describe('the default scenario', () => {
  const spec = loadFile('default.json')

  it('flies a Walker delta 24/3/1 at 550 km plus one spare', () => {
    expect(spec.satellites).toHaveLength(25)
    const active = spec.satellites.filter((s) => s.role === 'active')
    expect(active).toHaveLength(24)
    expect(active.map((s) => s.plane)).toEqual([...Array(24)].map((_, n) => Math.floor(n / 8)))
    for (const s of active) {
      expect(s.orbit.kind === 'kepler' && s.orbit.elements.a).toBe(R_EARTH + 550_000)
    }
  })

  it('parks the spare at 400 km in the plane of P1', () => {
    const spare = spec.satellites.find((s) => s.id === 'SPARE-1')
    const p1 = spec.satellites.find((s) => s.id === 'P1-S1')
    if (spare?.orbit.kind !== 'kepler' || p1?.orbit.kind !== 'kepler')
      throw new Error('missing Keplerian satellites')
    expect(spare.role).toBe('spare')
    expect(spare.orbit.elements.a).toBe(R_EARTH + 400_000)
    expect(spare.orbit.elements.raan).toBeCloseTo(p1.orbit.elements.raan, 12)
    expect(spare.orbit.elements.i).toBeCloseTo(p1.orbit.elements.i, 12)
  })

  it('has a day of 30 s steps, real stations and a fair number of tasks', () => {
    expect(spec.durationS).toBe(86_400)
    expect(spec.stepS).toBe(30)
    expect(spec.groundStations.length).toBeGreaterThanOrEqual(4)
    expect(spec.groundStations.length).toBeLessThanOrEqual(5)
    expect(spec.tasks.length).toBeGreaterThanOrEqual(8)
    expect(spec.tasks.length).toBeLessThanOrEqual(12)
    expect(spec.description.length).toBeGreaterThan(200)
  })

  it("wears P1-S3's reaction wheel out between 16 h and 20 h", () => {
    const wear = spec.events.find((e) => e.type === 'degradation')
    if (wear?.type !== 'degradation' || wear.profile.kind !== 'exponential')
      throw new Error('no exponential wear')
    expect(wear).toMatchObject({ satellite: 'P1-S3', component: 'reactionWheel', atS: 2 * 3600 })
    // health = 1 − scale·(e^{τ/tauS} − 1) reaches failureHealth
    // at τ = tauS·ln(1 + (1 − failureHealth)/scale).
    const { tauS, scale } = wear.profile
    const crossingH = (wear.atS + tauS * Math.log(1 + (1 - spec.components.failureHealth) / scale)) / 3600
    expect(crossingH).toBeGreaterThan(16)
    expect(crossingH).toBeLessThan(20)
  })

  it('compares a baseline and a predictive strategy, baseline first', () => {
    expect(spec.strategies).toEqual([
      {
        name: 'baseline',
        trajectory: 'hohmann',
        allocation: 'greedy-priority',
        maintenance: 'threshold',
        params: {},
      },
      { name: 'predictive', trajectory: 'phasing', allocation: 'optimal', maintenance: 'trend', params: {} },
    ])
  })
})
