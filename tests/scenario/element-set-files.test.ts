// Element-set files (3LE text, OMM JSON, OMM CSV) through the one scenario entry point: they
// become scenarios whose satellites fly exactly the states satellite.js gives for the same
// element sets at the same instants; bad records are named by record number and line.

import { json2satrec, propagate, twoline2satrec } from 'satellite.js'
import { describe, expect, it } from 'vitest'
import { createSimulation } from '../../src/core'
import type { ScenarioSpec } from '../../src/core/spec'
import { formatIssues, loadScenarioText } from '../../src/scenario'
import {
  type GeneratedSet,
  generateSets,
  ommCsvText,
  ommRecord,
  threeLineText,
  tleLines,
} from '../support/element-sets'

const SETS = generateSets(7)

function load(text: string, file: string): { spec: ScenarioSpec; notices: string[] } {
  const result = loadScenarioText(text, file)
  if (!result.ok) throw new Error(formatIssues(result.issues))
  return { spec: result.scenario, notices: result.notices ?? [] }
}

function problems(text: string, file: string): string[] {
  const result = loadScenarioText(text, file)
  if (result.ok) throw new Error('expected problems, got a scenario')
  return formatIssues(result.issues).split('\n')
}

/** Engine positions (m) of every satellite at each instant, keyed by id. */
function engineStates(spec: ScenarioSpec, instantsS: number[]): Map<string, number[][]> {
  const sim = createSimulation(spec, spec.strategies[0].name)
  const out = new Map<string, number[][]>()
  for (const t of instantsS) {
    sim.runUntil(t)
    expect(sim.time()).toBe(t)
    const pos = sim.state().pos
    sim.world.sats.forEach((sat, k) => {
      const list = out.get(sat.id) ?? []
      list.push([pos[3 * k], pos[3 * k + 1], pos[3 * k + 2]])
      out.set(sat.id, list)
    })
  }
  return out
}

type SatRecOf = (s: GeneratedSet) => ReturnType<typeof twoline2satrec>

function expectSameAsSatelliteJs(spec: ScenarioSpec, satrecOf: SatRecOf) {
  const instants = [0, 3600, 6 * 3600 + 30, 86400]
  const states = engineStates(spec, instants)
  expect([...states.keys()].sort()).toEqual(SETS.map((s) => s.name).sort())
  for (const set of SETS) {
    const satrec = satrecOf(set)
    instants.forEach((t, i) => {
      const ref = propagate(satrec, new Date(spec.epochMs + t * 1000))
      if (ref === null) throw new Error('satellite.js returned no state')
      const ours = states.get(set.name)?.[i]
      expect(ours).toEqual([ref.position.x * 1000, ref.position.y * 1000, ref.position.z * 1000])
    })
  }
}

describe('a 3LE file', () => {
  const text = `\r\n${threeLineText(SETS.slice(0, 3), '\r\n')}\r\n\r\n${threeLineText(SETS.slice(3), '\r\n')}`

  it('becomes a scenario with the stated defaults and a notice saying so', () => {
    const { spec, notices } = load(text, 'fleet.tle')
    expect(spec.satellites).toHaveLength(7)
    expect(spec.groundStations).toEqual([])
    expect(spec.tasks).toEqual([])
    expect(spec.durationS).toBe(86400)
    // The newest epoch is the first set's, 2026-03-20T00:00:00Z, a whole minute already.
    expect(spec.epochMs).toBe(Date.UTC(2026, 2, 20))
    expect(notices).toHaveLength(1)
    expect(notices[0]).toMatch(/^fleet\.tle: read 7 two-line element sets .*default bus.*no ground stations/)
  })

  it('rounds the newest epoch to the nearest minute', () => {
    const late = { ...SETS[0], epochMs: Date.UTC(2026, 2, 20, 5, 7, 31) }
    expect(load(threeLineText([late]), 'one.3le').spec.epochMs).toBe(Date.UTC(2026, 2, 20, 5, 8))
  })

  it('flies the same states as satellite.js at the same instants', () => {
    expectSameAsSatelliteJs(load(text, 'fleet.tle').spec, (s) => twoline2satrec(...tleLines(s)))
  })

  it('is read from a .txt file and from content alone, two-line records too', () => {
    const twoLine = SETS.map((s) => tleLines(s).join('\n')).join('\n')
    expect(load(twoLine, 'catalogue.txt').spec.satellites.map((s) => s.id)).toContain('NORAD-90000')
    expect(load(text, 'noextension').spec.satellites).toHaveLength(7)
  })

  it('names a bad record by its number and file line', () => {
    const lines = threeLineText(SETS).split('\n')
    // Record 3 is lines 7–9; break line 2's checksum (file line 9).
    const last = lines[8]
    lines[8] = `${last.slice(0, 68)}${(Number(last[68]) + 1) % 10}`
    expect(problems(lines.join('\n'), 'bad.tle')).toEqual([
      `bad.tle: line 9: record 3: expected checksum digit ${last[68]} at the end of TLE line 2, got "${lines[8][68]}"`,
    ])
  })

  it('counts records across blank lines and two-line records', () => {
    const [a1, a2] = tleLines(SETS[0])
    const [b1, b2] = tleLines(SETS[1])
    const broken = `${b1.slice(0, 30)}X${b1.slice(31)}`
    expect(problems(`${a1}\n${a2}\n\n\n${broken}\n${b2}\n`, 'two.tle')[0]).toMatch(
      /^two\.tle: line 5: record 2: /,
    )
  })

  it("reads the SGP4 verification set's 00005 (Vallado et al. 2006) and flies it as satellite.js does", () => {
    const l1 = '1 00005U 58002B   00179.78495062  .00000023  00000-0  28098-4 0  4753'
    const l2 = '2 00005  34.2682 348.7242 1859667 331.7664  19.3264 10.82419157413667'
    const { spec } = load(`${l1}\n${l2}\n`, 'sgp4-ver.tle')
    // Day 179.78495062 of 2000 is 27 June, 18:50:19.7 UTC.
    expect(spec.epochMs).toBe(Date.UTC(2000, 5, 27, 18, 50))
    expect(spec.satellites.map((s) => s.id)).toEqual(['NORAD-5'])
    const sim = createSimulation(spec, spec.strategies[0].name)
    const satrec = twoline2satrec(l1, l2)
    for (const t of [0, 7200, 43200]) {
      sim.runUntil(t)
      const ref = propagate(satrec, new Date(spec.epochMs + t * 1000))
      if (ref === null) throw new Error('satellite.js returned no state')
      expect(Array.from(sim.state().pos)).toEqual([
        ref.position.x * 1000,
        ref.position.y * 1000,
        ref.position.z * 1000,
      ])
    }
  })

  it('gives duplicate names distinct ids', () => {
    const twins = [SETS[0], { ...SETS[1], name: SETS[0].name }]
    const ids = load(threeLineText(twins), 'twins.tle').spec.satellites.map((s) => s.id)
    expect(ids).toEqual(['GEN-00001', 'GEN-00001 [90001]'])
  })
})

describe('OMM files', () => {
  const records = SETS.map(ommRecord)
  const ommSatrec: SatRecOf = (s) => json2satrec(ommRecord(s) as unknown as Parameters<typeof json2satrec>[0])

  it('JSON (a list of records) flies the same states as satellite.js json2satrec', () => {
    const { spec, notices } = load(JSON.stringify(records), 'gp.json')
    expect(notices[0]).toMatch(/^gp\.json: read 7 OMM records/)
    expectSameAsSatelliteJs(spec, ommSatrec)
  })

  it('JSON with Space-Track style numeric strings reads the same', () => {
    const quoted = records.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, String(v)])))
    expect(load(JSON.stringify(quoted), 'gp.json').spec.satellites).toEqual(
      load(JSON.stringify(records), 'gp.json').spec.satellites,
    )
  })

  it('CSV flies the same states as satellite.js json2satrec', () => {
    expectSameAsSatelliteJs(load(ommCsvText(SETS), 'gp.csv').spec, ommSatrec)
  })

  it('a bad JSON record is named by number and JSON path', () => {
    const bad = records.map((r) => ({ ...r }))
    bad[4].MEAN_MOTION = -1
    expect(problems(JSON.stringify(bad), 'gp.json')).toEqual([
      'gp.json: [4].MEAN_MOTION: record 5: expected a number > 0 and ≤ 20, got -1',
    ])
  })

  it('a bad CSV record is named by number and line', () => {
    const lines = ommCsvText(SETS).split('\r\n')
    lines[3] = lines[3].replace('2026-03-19T', '2026-13-19T')
    expect(problems(lines.join('\r\n'), 'gp.csv')).toEqual([
      expect.stringMatching(/^gp\.csv: line 4: record 3: EPOCH: expected an ISO-8601 UTC time/),
    ])
  })

  it('refuses a record SGP4 cannot fly as it refuses a TLE (perigee below the minimum)', () => {
    const low = records.map((r) => ({ ...r }))
    // 16.4 rev/day with e = 0.01: a perigee of about 140 km.
    low[2].MEAN_MOTION = 16.4
    low[2].ECCENTRICITY = 0.01
    expect(problems(JSON.stringify(low), 'gp.json')).toEqual([
      expect.stringMatching(
        /^gp\.json: \[2\]: record 3: expected a perigee at least 150 km above the Earth, got 1\d\d\.\d km/,
      ),
    ])
  })

  it('warns about a record far from the epoch, as for a TLE', () => {
    const old = records.map((r) => ({ ...r }))
    old[1].EPOCH = '2026-01-01T00:00:00.000'
    const result = loadScenarioText(JSON.stringify(old), 'gp.json')
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.scenario.warnings).toEqual([
      expect.stringMatching(
        /^constellation\.omm\[1\]: the element set of "GEN-00002" dates from 2026-01-01, 78 days before/,
      ),
    ])
  })

  it('a file drops catalogue extras; a scenario refuses a misspelt key', () => {
    const extra = records.map((r) => ({ ...r, OBJECT_TYPE: 'PAYLOAD', COUNTRY_CODE: 'XX' }))
    expect(load(JSON.stringify(extra), 'gp.json').spec.satellites).toHaveLength(7)
    const { MEAN_MOTION, ...rest } = records[0]
    const scenario = {
      formatVersion: 1,
      id: 'typo',
      title: 'Typo',
      epoch: '2026-03-20T00:00:00Z',
      duration: '1h',
      step: '30s',
      seed: 1,
      constellation: { omm: [{ ...rest, MEAN_MOTOIN: MEAN_MOTION }] },
      strategies: { fly: {} },
    }
    expect(problems(JSON.stringify(scenario), 'typo.json')).toEqual([
      'typo.json: constellation.omm[0].MEAN_MOTOIN: unknown key (did you mean "MEAN_MOTION"?)',
      'typo.json: constellation.omm[0].MEAN_MOTION: expected a number > 0 and ≤ 20, got nothing',
    ])
  })

  it('a scenario JSON is still a scenario, whatever its name', () => {
    const result = loadScenarioText('{"formatVersion": 1}', 'thing.txt')
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.issues.some((i) => i.path === 'id')).toBe(true)
  })
})
