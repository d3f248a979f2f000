// The CUSUM detector at its exact boundaries: a sample that exactly uses up the allowance k
// leaves the statistic at 0 (no run begins), the minimum sample count is inclusive, the alarm
// sounds when S reaches h exactly, and retiring needs a level strictly below retireBelow.
// The data is a clean step so the statistic is an exact sum: S1's battery alternates ±0.01
// around 1 for 20 samples, then around 0.9; every other channel is flat (no noise estimate,
// so never judged).

import { describe, expect, it } from 'vitest'
import type { AlertView, ComponentName } from '../../src/core'
import { cusumParams, lowerCusum, planCusum } from '../../src/planners/maintenance/cusum'
import { fakeView, range, warned } from './maintenance-view'

const DT = 300
const N = 40
const STEP_AT = 20
const LOW = 0.9
const wiggle = (j: number) => (j % 2 ? -0.01 : 0.01)
const stepHealth = (k: number, c: ComponentName, tS: number) => {
  const j = Math.round(tS / DT)
  return k === 0 && c === 'battery' ? (j < STEP_AT ? 1 : LOW) + wiggle(j) : 1
}
const view = (alerts: AlertView[] = []) => fakeView({ timeS: (N - 1) * DT, health: stepHealth, alerts })
const channel = () => {
  const v = view()
  return { sat: v.satellites[0], component: 'battery' as const, ...v.telemetry(0, 'battery') }
}
const p = cusumParams.parse({})

// Why every low sample is capped: its drop is at least 0.09, and the largest noise estimate,
// next to the step (one 0.08 difference among six of 0.02 within ±3 samples), is
// √((0.08² + 6·0.02²) / 14) ≈ 0.025, so the drop is over 3.5 σ > cap = 3 everywhere.
const largestNoise = Math.sqrt((0.08 ** 2 + 6 * 0.02 ** 2) / 14)

describe('CUSUM boundaries on a clean step', () => {
  it('the fixture: 40 samples 5 min apart, every low one dropping more than cap σ', () => {
    expect(channel().t).toEqual(range(N, (i) => i * DT))
    expect((1 - (LOW + 0.01)) / largestNoise).toBeGreaterThan(p.cap)
  })

  it('a sample that adds exactly k (capped at cap = k) leaves S at 0: no run begins', () => {
    const r = lowerCusum(channel(), { ...p, k: p.cap })!
    expect(r).toMatchObject({ s: 0, run: 0, shift: 0, sinceS: (N - 1) * DT })
  })

  it('each low sample adds exactly cap − k, and the alarm sounds when S reaches h exactly', () => {
    const reach = (p.cap - p.k) * (N - STEP_AT)
    const r = lowerCusum(channel(), p)!
    expect(r.s).toBe(reach)
    expect(r.run).toBe(N - STEP_AT)
    expect(r.sinceS).toBe(STEP_AT * DT)
    const at = planCusum(view(), { ...p, h: reach })
    expect(at.map((d) => [d.satellite, d.component, d.severity])).toEqual([['S1', 'battery', 'warning']])
    expect(at[0].rationale).toContain(`CUSUM ${reach.toFixed(1)} ≥ h = ${reach}`)
    expect(planCusum(view(), { ...p, h: reach + 1e-9 })).toEqual([])
  })

  it('minSamples is inclusive: exactly that many samples are tested, one fewer are not', () => {
    expect(planCusum(view(), { ...p, minSamples: N })).toHaveLength(1)
    expect(planCusum(view(), { ...p, minSamples: N + 1 })).toEqual([])
  })

  it('retires only when the level is strictly below retireBelow', () => {
    // The median of the last three samples (0.89, 0.91, 0.89) is the low sample itself.
    const level = LOW + wiggle(N - 1)
    const said = warned('S1', 'battery', 'maintenance/cusum')
    expect(planCusum(view(), { ...p, retireBelow: level }).map((d) => [d.severity, d.retire])).toEqual([
      ['warning', false],
    ])
    // Already warned and not below: nothing new to say.
    expect(planCusum(view([said]), { ...p, retireBelow: level })).toEqual([])
    const crit = planCusum(view([said]), { ...p, retireBelow: level + 1e-9 })
    expect(crit.map((d) => [d.severity, d.retire])).toEqual([['critical', true]])
  })
})
