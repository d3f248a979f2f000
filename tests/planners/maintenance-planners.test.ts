// What the maintenance planners must show on the engine: the trend planner warns earlier than a
// static threshold without more false alarms and predicts the failure time; the CUSUM detects
// the wear between onset and failure; noisy healthy telemetry (solar storm included) raises no
// alarm; failures nobody announced are counted as missed; every alert explains itself in numbers.

import { describe, expect, it } from 'vitest'
import { formatElapsed, type SimEvent } from '../../src/core'
import { registry } from '../../src/planners'
import { mean, runStrategy, scoreRun, trueFailureS, WEAR, wearSpec } from './maintenance-support'

const H = 3600
const SEEDS = [1, 2, 3]
const LIMIT = 0.3

const wear = wearSpec()
const runs = new Map<string, ReturnType<typeof runStrategy>>()
/** Each (strategy, seed) run once and shared by the tests below. */
function run(strategy: string, seed: number) {
  const k = `${strategy}#${seed}`
  if (!runs.has(k)) runs.set(k, runStrategy(wear, strategy, seed))
  return runs.get(k)!
}

const alerts = (events: readonly SimEvent[]) => events.filter((e) => e.type === 'alert')

describe('the maintenance planners are registered', () => {
  it.each(['threshold', 'trend', 'cusum'])('maintenance/%s', (name) => {
    const p = registry.find('maintenance', name)
    expect(p?.kind).toBe('maintenance')
    expect(p?.description.length).toBeGreaterThan(80)
    expect(p?.params.safeParse({}).success).toBe(true)
    expect(p?.params.safeParse({ nonsense: 1 }).success).toBe(false)
  })
})

describe('trend versus threshold on wearing components', () => {
  it.each(SEEDS)('seed %i: trend warns earlier for every failure, with no more false alarms', (seed) => {
    const th = run('threshold', seed)
    const tr = run('trend', seed)
    const sTh = scoreRun(wear, th.events())
    const sTr = scoreRun(wear, tr.events())
    expect(sTr.failures.size).toBe(WEAR.length)
    for (const [k] of sTr.failures) expect(sTr.first.get(k)!.t).toBeLessThan(sTh.first.get(k)!.t)
    expect(tr.metrics().alertLeadH!).toBeGreaterThan(th.metrics().alertLeadH!)
    expect(tr.metrics().falseAlarms!).toBeLessThanOrEqual(th.metrics().falseAlarms!)
    for (const s of [sTh, sTr]) {
      expect(s.precision).toBe(1)
      expect(s.recall).toBe(1)
    }
  })

  it('the helper scores alerts the way the engine does', () => {
    for (const name of ['threshold', 'trend', 'cusum']) {
      const sim = run(name, 1)
      const s = scoreRun(wear, sim.events())
      const m = sim.metrics()
      expect(m.falseAlarms).toBe(s.falseAlarms)
      expect(m.missedFailures).toBe(s.missed)
      expect(m.alertLeadH).toBeCloseTo(mean(s.leadsS) / H, 3)
    }
  })
})

describe('trend predictions', () => {
  // Measured over seeds 1–10 on these eight profiles (80 first predictions): median error 6 % of
  // the time then left, 90th percentile 17 %, worst 21 %; predictions err early more often than
  // late (the exponential model ignores the slow first phase of wear).
  const TOLERANCE = 0.3
  const MEDIAN_TOLERANCE = 0.1

  it('the computed truth is when the engine fails the component', () => {
    const sim = run('none', 1)
    const s = scoreRun(wear, sim.events())
    for (const w of WEAR) {
      const truth = trueFailureS(w.onsetH * H, w.profile, LIMIT)
      expect(Math.abs(s.failures.get(`${w.satellite}/${w.component}`)! - truth)).toBeLessThanOrEqual(
        wear.stepS,
      )
    }
  })

  it(`the first predicted failure time is within ${TOLERANCE * 100} % of the time left`, () => {
    const rel: number[] = []
    for (const seed of SEEDS) {
      const s = scoreRun(wear, run('trend', seed).events())
      for (const w of WEAR) {
        const truth = trueFailureS(w.onsetH * H, w.profile, LIMIT)
        const a = s.first.get(`${w.satellite}/${w.component}`)!
        expect(a.predictedFailureS).toBeDefined()
        const err = Math.abs(a.predictedFailureS! - truth) / (truth - a.t)
        expect(err, `${w.satellite} ${w.component} seed ${seed}`).toBeLessThanOrEqual(TOLERANCE)
        rel.push(err)
      }
    }
    rel.sort((a, b) => a - b)
    expect(rel[rel.length >> 1]).toBeLessThanOrEqual(MEDIAN_TOLERANCE)
  })

  it('critical alerts retire the satellite and come after the warning', () => {
    const sim = run('trend', 1)
    const byKey = new Map<string, string[]>()
    for (const e of alerts(sim.events())) {
      const k = `${e.satellite}/${e.component}`
      byKey.set(k, [...(byKey.get(k) ?? []), String(e.data?.severity)])
    }
    for (const sev of byKey.values()) {
      // At most one warning then at most one critical: no repeated alerts.
      expect(['warning', 'critical', 'warning,critical']).toContain(sev.join(','))
    }
    const retired = sim.view().satellites.filter((s) => s.retired)
    const critical = new Set(
      alerts(sim.events())
        .filter((e) => e.data?.severity === 'critical')
        .map((e) => e.satellite),
    )
    expect(critical.size).toBeGreaterThan(0)
    expect(new Set(retired.map((s) => s.id))).toEqual(critical)
  })
})

describe('in a solar storm', () => {
  // Three times the noise from 14 h to 24 h, while most of these components wear out: a 6 h
  // window can no longer tell acceleration from a line, so the trend's predictions come later
  // (measured: up to 8 h late) — but it still warns before the threshold does.
  const stormy = wearSpec({
    extra: [{ type: 'solarStorm', atS: 14 * H, durationS: 10 * H, powerLoss: 0.3, noiseFactor: 3 }],
  })

  it('trend still warns earlier than threshold for every failure, without false alarms', () => {
    const sTh = scoreRun(stormy, runStrategy(stormy, 'threshold', 1).events())
    const sTr = scoreRun(stormy, runStrategy(stormy, 'trend', 1).events())
    expect(sTr.failures.size).toBe(WEAR.length)
    for (const [k] of sTr.failures) expect(sTr.first.get(k)!.t).toBeLessThan(sTh.first.get(k)!.t)
    expect(sTr.falseAlarms).toBe(0)
    expect(sTr.recall).toBe(1)
  })
})

describe('cusum change detection', () => {
  it.each(SEEDS)(
    'seed %i: every wearing component is flagged after its onset and before its failure',
    (seed) => {
      const s = scoreRun(wear, run('cusum', seed).events())
      expect(s.first.size).toBe(WEAR.length)
      for (const w of WEAR) {
        const k = `${w.satellite}/${w.component}`
        const a = s.first.get(k)!
        expect(a.t).toBeGreaterThan(w.onsetH * H)
        expect(a.t).toBeLessThan(s.failures.get(k)!)
      }
    },
  )
})

describe('healthy, noisy telemetry raises no alarm', () => {
  // Twelve healthy satellites for a day; a solar storm triples the noise from 6 h to 12 h.
  // Over 100 seeds of this day (36 channels each) we measured no false alarm from any of the
  // three planners; the test checks five seeds and allows none.
  const healthy = wearSpec({
    wear: false,
    durationH: 24,
    extra: [{ type: 'solarStorm', atS: 6 * H, durationS: 6 * H, powerLoss: 0.3, noiseFactor: 3 }],
  })

  it.each(['threshold', 'trend', 'cusum'])('%s: no alert over a day, storm included (5 seeds)', (name) => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const sim = runStrategy(healthy, name, seed)
      const s = scoreRun(healthy, sim.events())
      expect(alerts(sim.events())).toEqual([])
      expect(sim.metrics().falseAlarms).toBe(0)
      expect(s.precision).toBeNull()
    }
  })

  it('the storm really is in the telemetry the planners see', () => {
    const sim = runStrategy(healthy, 'none', 1)
    sim.runUntil(healthy.durationS)
    const tel = sim.view().telemetry(0, 'battery')
    const spread = (from: number, to: number) => {
      const v: number[] = []
      for (let i = 0; i < tel.t.length; i++) if (tel.t[i] >= from && tel.t[i] < to) v.push(tel.v[i])
      const m = mean(v)
      return Math.sqrt(mean(v.map((x) => (x - m) ** 2)))
    }
    expect(spread(7 * H, 12 * H)).toBeGreaterThan(2 * spread(13 * H, 24 * H))
  })
})

describe('missed failures', () => {
  it('without a maintenance planner every failure is missed', () => {
    const sim = run('none', 1)
    const s = scoreRun(wear, sim.events())
    expect(s.failures.size).toBe(WEAR.length)
    expect(sim.metrics().missedFailures).toBe(WEAR.length)
    expect(sim.metrics().alertLeadH).toBeNull()
    expect(s.recall).toBe(0)
    expect(s.precision).toBeNull()
  })

  it('a sudden failure no telemetry foreshadows is missed even by the trend planner', () => {
    const spec = wearSpec({
      extra: [{ type: 'failure', atS: 20 * H, satellite: 'P3-S2', component: 'thruster' }],
    })
    const sim = runStrategy(spec, 'trend', 1)
    const s = scoreRun(spec, sim.events())
    expect(s.failures.size).toBe(WEAR.length + 1)
    expect(s.first.has('P3-S2/thruster')).toBe(false)
    expect(sim.metrics().missedFailures).toBe(1)
    expect(s.recall).toBeCloseTo(WEAR.length / (WEAR.length + 1), 9)
  })
})

describe('every alert explains itself with numbers', () => {
  const decimal = /\d\.\d{2}/

  it.each(['threshold', 'trend', 'cusum'])('%s', (name) => {
    const list = alerts(run(name, 1).events())
    expect(list.length).toBeGreaterThanOrEqual(WEAR.length)
    for (const e of list) {
      expect(e.message).toContain(e.satellite!)
      expect(e.message).toMatch(decimal)
      if (name === 'threshold') expect(e.message).toContain('below the 0.40 threshold')
      if (name === 'cusum') expect(e.message).toMatch(/CUSUM \d+\.\d ≥ h = 15/)
      if (name === 'trend') {
        const p = Number(e.data?.predictedFailureS)
        expect(Number.isFinite(p)).toBe(true)
        expect(e.message).toContain(`at ${formatElapsed(p)}`)
        expect(e.message).toContain(`in ${((p - e.t) / H).toFixed(1)} h`)
        expect(e.message).toMatch(/falling \d\.\d{3}\/h/)
      }
    }
  })

  it('the same run gives the same alerts (planners keep no state)', () => {
    const again = runStrategy(wear, 'trend', 1)
    expect(alerts(again.events())).toEqual(alerts(run('trend', 1).events()))
  })
})
