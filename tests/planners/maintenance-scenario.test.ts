// scenarios/predictive-maintenance.json, loaded the way the app and the CLI load it and run with
// each of its strategies (maintenance plus the greedy-priority allocation and Hohmann
// trajectory planners): checks what its description claims.

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { ScenarioSpec, SimEvent } from '../../src/core'
import { registry } from '../../src/planners'
import { loadScenarioText } from '../../src/scenario'
import { SCENARIO_HOOK_TIMEOUT_MS } from '../support/timeouts'
import { type AlertOutcome, runStrategy, scoreRun, trueFailureS } from './maintenance-support'

const FILE = join(import.meta.dirname, '..', '..', 'scenarios', 'predictive-maintenance.json')
const H = 3600

function load(): ScenarioSpec {
  const res = loadScenarioText(readFileSync(FILE, 'utf8'), FILE, { knownPlanners: registry.names() })
  if (!res.ok) throw new Error(res.issues.map((i) => i.message).join('\n'))
  return res.scenario
}

interface Outcome {
  events: readonly SimEvent[]
  metrics: ReturnType<ReturnType<typeof runStrategy>['metrics']>
  score: AlertOutcome
}

describe('scenario: predictive maintenance', () => {
  const spec = load()
  const out = new Map<string, Outcome>()

  beforeAll(() => {
    for (const st of spec.strategies) {
      const sim = runStrategy(spec, st.name)
      out.set(st.name, { events: sim.events(), metrics: sim.metrics(), score: scoreRun(spec, sim.events()) })
    }
  }, SCENARIO_HOOK_TIMEOUT_MS)

  const get = (name: string) => out.get(name)!
  const degradations = spec.events.filter((e) => e.type === 'degradation')

  it('has the four strategies, each with greedy-priority allocation and Hohmann transfers', () => {
    expect(spec.strategies.map((s) => s.name)).toEqual(['none', 'threshold', 'trend', 'cusum'])
    for (const s of spec.strategies) {
      expect(s.allocation).toBe('greedy-priority')
      expect(s.trajectory).toBe('hohmann')
      expect(s.maintenance).toBe(s.name === 'none' ? undefined : s.name)
    }
    expect(degradations).toHaveLength(4)
    expect(spec.durationS).toBe(48 * H)
  })

  it('all four worn components fail within the run, when their profiles say', () => {
    const s = get('none').score
    expect(s.failures.size).toBe(4)
    for (const d of degradations) {
      const truth = trueFailureS(d.atS, d.profile, spec.components.failureHealth)
      expect(Math.abs(s.failures.get(`${d.satellite}/${d.component}`)! - truth)).toBeLessThanOrEqual(
        spec.stepS,
      )
    }
  })

  it('none: every failure is missed', () => {
    const { metrics, score } = get('none')
    expect(metrics.missedFailures).toBe(4)
    expect(metrics.alertLeadH).toBeNull()
    expect(score.recall).toBe(0)
  })

  it.each(['threshold', 'trend', 'cusum'])(
    '%s: no false alarm, no missed failure (precision = recall = 1)',
    (name) => {
      const { metrics, score } = get(name)
      expect(metrics.falseAlarms).toBe(0)
      expect(metrics.missedFailures).toBe(0)
      expect(score.precision).toBe(1)
      expect(score.recall).toBe(1)
    },
  )

  it('threshold warns late: 0.3 to 5.3 h ahead, 1.8 h on average', () => {
    const { metrics, score } = get('threshold')
    expect(Math.min(...score.leadsS) / H).toBeGreaterThan(0.2)
    expect(Math.max(...score.leadsS) / H).toBeLessThan(5.5)
    expect(metrics.alertLeadH).toBeCloseTo(1.8, 1)
  })

  it('trend warns earlier than threshold for every failure, 7.1 h ahead on average', () => {
    const th = get('threshold').score
    const tr = get('trend').score
    for (const [k] of tr.failures) expect(tr.first.get(k)!.t).toBeLessThan(th.first.get(k)!.t)
    expect(get('trend').metrics.alertLeadH!).toBeGreaterThan(get('threshold').metrics.alertLeadH!)
    expect(get('trend').metrics.falseAlarms!).toBeLessThanOrEqual(get('threshold').metrics.falseAlarms!)
    expect(Math.min(...tr.leadsS) / H).toBeGreaterThan(3.2)
    expect(Math.max(...tr.leadsS) / H).toBeLessThan(12)
    expect(get('trend').metrics.alertLeadH).toBeCloseTo(7.1, 1)
  })

  it('trend predictions land within 40 minutes of the real failures', () => {
    const tr = get('trend').score
    for (const [k, failedAt] of tr.failures) {
      const a = tr.first.get(k)!
      expect(Math.abs(a.predictedFailureS! - failedAt) / 60, k).toBeLessThan(40)
    }
    expect((tr.failures.get('P1-S4/battery')! - tr.first.get('P1-S4/battery')!.t) / H).toBeCloseTo(3.3, 1)
  })

  it('the storm delays the trend warning on P3-S1: 6.6 h ahead instead of 11.3 h without it', () => {
    const calm: ScenarioSpec = { ...spec, events: spec.events.filter((e) => e.type !== 'solarStorm') }
    expect(calm.events.length).toBe(spec.events.length - 1)
    const quiet = scoreRun(calm, runStrategy(calm, 'trend').events())
    const k = 'P3-S1/reactionWheel'
    const lead = (s: AlertOutcome) => (s.failures.get(k)! - s.first.get(k)!.t) / H
    expect(lead(get('trend').score)).toBeCloseTo(6.6, 1)
    expect(lead(quiet)).toBeCloseTo(11.3, 1)
    expect(quiet.falseAlarms).toBe(0)
  })

  it('cusum flags every wear earliest, 18 h ahead on average, without a predicted failure time', () => {
    const cu = get('cusum')
    for (const [k] of cu.score.failures)
      expect(cu.score.first.get(k)!.t).toBeLessThan(get('trend').score.first.get(k)!.t)
    expect(cu.metrics.alertLeadH).toBeCloseTo(18, 0)
    for (const a of cu.score.first.values()) expect(a.predictedFailureS).toBeUndefined()
  })

  it('retired satellites get no new tasks', () => {
    for (const name of ['threshold', 'trend', 'cusum']) {
      const events = get(name).events
      const retiredAt = new Map<string, number>()
      for (const e of events)
        if (e.type === 'alert' && e.data?.severity === 'critical' && !retiredAt.has(e.satellite!))
          retiredAt.set(e.satellite!, e.t)
      expect(retiredAt.size).toBe(4)
      const assigned = events.filter((e) => e.type === 'decision' && e.data?.kind === 'assignTask')
      expect(assigned.length).toBeGreaterThan(0)
      for (const e of assigned)
        expect(e.t).toBeLessThan(retiredAt.get(e.satellite!) ?? Number.POSITIVE_INFINITY)
    }
  })

  it("trend's early retirement lets SPARE-1 reach P1-S2's slot before the wheel fails; the others cannot", () => {
    for (const name of ['none', 'threshold', 'trend', 'cusum']) {
      const events = get(name).events
      const failedAt = events.find((e) => e.type === 'satelliteFailed' && e.satellite === 'P1-S2')!.t
      const burns = events.filter(
        (e) => e.type === 'maneuverExecuted' && e.satellite === 'SPARE-1' && e.t < failedAt,
      )
      if (name === 'trend') expect(burns.length).toBeGreaterThanOrEqual(2)
      else expect(burns).toEqual([])
    }
  })
})
