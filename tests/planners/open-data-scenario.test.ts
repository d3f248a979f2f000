// scenarios/open-data.json claims that satellites known only by TLEs and OMM records fly (with
// SGP4, as satellite.js computes it) beside a designed Walker shell, and that the high-latitude
// requests the shell cannot see are served by them alone. Hold it to that.

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { json2satrec, propagate, twoline2satrec } from 'satellite.js'
import { describe, expect, it } from 'vitest'
import { createSimulation, type SimReport } from '../../src/core'
import { registry } from '../../src/planners'
import { loadScenarioText } from '../../src/scenario'

const FILE = join(import.meta.dirname, '..', '..', 'scenarios', 'open-data.json')
const raw = JSON.parse(readFileSync(FILE, 'utf8'))
const loaded = loadScenarioText(readFileSync(FILE, 'utf8'), 'open-data.json', {
  knownPlanners: registry.names(),
})
if (!loaded.ok) throw new Error('open-data.json does not validate')
const spec = loaded.scenario

function run(strategy: string) {
  const bound = registry.bind(spec.strategies.find((s) => s.name === strategy)!)
  const sim = createSimulation(spec, strategy, { planners: bound.planners })
  sim.runUntil(spec.durationS)
  return sim
}

const HIGH = spec.tasks.filter((t) => Math.abs(t.target.latRad) > (65 * Math.PI) / 180).map((t) => t.id)
const POLAR_ONLY = spec.tasks.filter((t) => Math.abs(t.target.latRad) > (75 * Math.PI) / 180).map((t) => t.id)

function capturedBy(report: SimReport): Map<string, string> {
  const out = new Map<string, string>()
  for (const e of report.events)
    if (e.type === 'taskCaptured' && e.task && e.satellite) out.set(e.task, e.satellite)
  return out
}

describe('scenarios/open-data.json', () => {
  it('flies Keplerian, TLE and OMM satellites together', () => {
    const kinds = spec.satellites.map((s) => s.orbit.kind)
    expect(kinds.filter((k) => k === 'kepler')).toHaveLength(6)
    expect(kinds.filter((k) => k === 'tle')).toHaveLength(4)
    expect(kinds.filter((k) => k === 'omm')).toHaveLength(4)
  })

  it('the element-set satellites are where satellite.js puts them', () => {
    const sim = createSimulation(spec, 'greedy')
    for (const t of [0, 5 * 3600, 17 * 3600 + 30]) {
      sim.runUntil(t)
      const pos = sim.state().pos
      sim.world.sats.forEach((sat, k) => {
        if (sat.orbit.kind === 'kepler') return
        const satrec =
          sat.orbit.kind === 'tle'
            ? twoline2satrec(sat.orbit.line1, sat.orbit.line2)
            : json2satrec(
                raw.constellation.omm.find((o: { OBJECT_NAME: string }) => o.OBJECT_NAME === sat.id),
              )
        const ref = propagate(satrec, new Date(spec.epochMs + t * 1000))
        expect(ref, sat.id).not.toBeNull()
        expect([pos[3 * k], pos[3 * k + 1], pos[3 * k + 2]]).toEqual([
          ref!.position.x * 1000,
          ref!.position.y * 1000,
          ref!.position.z * 1000,
        ])
      })
    }
  })

  it('the Walker shell never sees the four requests above 65°, nor the polar ones the 70° satellites', () => {
    expect(HIGH).toHaveLength(4)
    expect(POLAR_ONLY).toHaveLength(2)
    const sim = createSimulation(spec, 'greedy')
    const view = sim.view()
    const seen = new Set<string>()
    for (let t = 0; t <= spec.durationS; t += 60) {
      for (const sat of view.satellites) {
        for (const task of view.tasks) {
          if (view.canImage(sat.index, task.index, t)) seen.add(`${sat.id}/${task.id}`)
        }
      }
    }
    const walker = spec.satellites.filter((s) => s.orbit.kind === 'kepler').map((s) => s.id)
    const highlat = spec.satellites.filter((s) => s.orbit.kind === 'omm').map((s) => s.id)
    for (const task of HIGH)
      for (const sat of walker) expect(seen.has(`${sat}/${task}`), `${sat}/${task}`).toBe(false)
    for (const task of POLAR_ONLY)
      for (const sat of highlat) expect(seen.has(`${sat}/${task}`), `${sat}/${task}`).toBe(false)
    // …and the claim is not empty: someone sees each of them.
    for (const task of HIGH)
      expect(
        [...seen].some((k) => k.endsWith(`/${task}`)),
        task,
      ).toBe(true)
  })

  it.each(['greedy', 'optimal'])(
    '%s: the high requests are captured by element-set satellites only',
    (name) => {
      const report = run(name).report()
      const by = capturedBy(report)
      for (const task of HIGH) {
        const sat = spec.satellites.find((s) => s.id === by.get(task))
        expect(sat?.orbit.kind, task).toMatch(/^(tle|omm)$/)
      }
      for (const task of POLAR_ONLY)
        expect(spec.satellites.find((s) => s.id === by.get(task))?.orbit.kind).toBe('tle')
      expect(report.metrics.tasksCompleted?.value).toBe(10)
    },
  )
})
