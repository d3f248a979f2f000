// What a plan message's imaging opportunities hold (docs/agent-protocol.md, "opportunities"), on
// hand-made views whose canImage is scripted, so every expected window is worked out here: the
// horizon from the call to the next one sampled on the step (120 samples at most), each window
// clipped to its task's window with both ends inclusive, only pending or open tasks and healthy
// satellites, the first window only, sorted by start, then task, then satellite.

import { describe, expect, it } from 'vitest'
import { MAX_OPPORTUNITY_SAMPLES } from '../../src/core'
import { imagingOpportunities } from '../../src/planners/agent'
import { opportunityView } from './opportunity-view'

const always = () => true
// A call at 600 s with the next at 1200 s and a 60 s step: samples 600, 660, … 1200.
const CALL = { timeS: 600, stepS: 60, plannerCadenceS: 600 }

describe('the horizon and its samples', () => {
  it('samples every step from the call to the next call, both ends included', () => {
    // Call at 600 s, next at 1200 s, a 60 s step: 11 samples, 600 … 1200.
    const { view, asked } = opportunityView({
      ...CALL,
      satellites: 1,
      tasks: [{ windowStartS: 0, windowEndS: 7200 }],
      sees: always,
    })
    const o = imagingOpportunities(view)
    expect([o.fromS, o.toS, o.sampleS]).toEqual([600, 1200, 60])
    expect(asked.map((a) => a.tS)).toEqual(Array.from({ length: 11 }, (_, i) => 600 + 60 * i))
    expect(o.imaging).toEqual([{ task: 0, satellite: 0, startS: 600, endS: 1200 }])
  })

  it('spreads 120 samples over a horizon the step would cut finer', () => {
    // 6 h at a 10 s step would be 2161 samples: 120, evenly spaced, first and last at the ends.
    const { view, asked } = opportunityView({
      timeS: 0,
      stepS: 10,
      plannerCadenceS: 6 * 3600,
      satellites: 1,
      tasks: [{ windowStartS: 0, windowEndS: 86_400 }],
      sees: always,
    })
    const o = imagingOpportunities(view)
    expect(o.toS).toBe(6 * 3600)
    expect(o.sampleS).toBeCloseTo((6 * 3600) / (MAX_OPPORTUNITY_SAMPLES - 1), 9)
    expect(asked).toHaveLength(MAX_OPPORTUNITY_SAMPLES)
    expect(asked[0].tS).toBe(0)
    expect(asked[asked.length - 1].tS).toBeCloseTo(6 * 3600, 6)
  })

  it('ends the horizon at 6 h and at the end of the run', () => {
    const horizon = (timeS: number, plannerCadenceS: number, durationS: number) => {
      const { view } = opportunityView({
        timeS,
        stepS: 60,
        plannerCadenceS,
        durationS,
        satellites: 1,
        tasks: [],
        sees: always,
      })
      const o = imagingOpportunities(view)
      return [o.fromS, o.toS]
    }
    expect(horizon(0, 8 * 3600, 86_400)).toEqual([0, 6 * 3600])
    expect(horizon(3000, 600, 3300)).toEqual([3000, 3300])
  })
})

describe('the windows', () => {
  it("clips each window to its task's window, both ends inclusive, on the call's sample grid", () => {
    // Every satellite sees every target all the time.
    const { view } = opportunityView({
      ...CALL,
      satellites: 1,
      tasks: [
        { windowStartS: 750, windowEndS: 1000 }, // between samples: 780 … 960
        { windowStartS: 840, windowEndS: 1080 }, // on samples: 840 … 1080
        { windowStartS: 0, windowEndS: 600 }, // ends at the call: the sample at 600 only
        { windowStartS: 1200, windowEndS: 3000 }, // starts at the next call: 1200 only
        { windowStartS: 0, windowEndS: 599 }, // over before the call
        { windowStartS: 1201, windowEndS: 3000 }, // starts after the horizon
      ],
      sees: always,
    })
    const o = imagingOpportunities(view)
    expect(o.imaging).toEqual([
      { task: 2, satellite: 0, startS: 600, endS: 600 },
      { task: 0, satellite: 0, startS: 780, endS: 960 },
      { task: 1, satellite: 0, startS: 840, endS: 1080 },
      { task: 3, satellite: 0, startS: 1200, endS: 1200 },
    ])
    // The two outside the horizon are not even scanned.
    expect(o.tasksScanned).toBe(4)
    expect(o.complete).toBe(true)
  })

  it('gives the first window of each pair only, and none for a pair never in view', () => {
    const { view } = opportunityView({
      ...CALL,
      satellites: 3,
      tasks: [{ windowStartS: 0, windowEndS: 7200 }],
      // Satellite 0: in view 600–720 and again 900–960. Satellite 1: 780–840. Satellite 2: never.
      sees: (k, _q, tS) =>
        k === 0 ? tS <= 720 || (tS >= 900 && tS <= 960) : k === 1 && tS >= 780 && tS <= 840,
    })
    expect(imagingOpportunities(view).imaging).toEqual([
      { task: 0, satellite: 0, startS: 600, endS: 720 },
      { task: 0, satellite: 1, startS: 780, endS: 840 },
    ])
  })

  it('looks at pending and open tasks and at satellites neither failed nor retired, only', () => {
    const states = ['pending', 'open', 'captured', 'delivered', 'expired'] as const
    const { view, asked } = opportunityView({
      ...CALL,
      satellites: [{}, { failed: true }, { retired: true }, { failed: true, retired: true }, {}],
      tasks: states.map((state) => ({ windowStartS: 0, windowEndS: 7200, state })),
      sees: always,
    })
    const o = imagingOpportunities(view)
    expect(o.tasksScanned).toBe(2)
    expect(o.imaging.map((x) => [x.task, x.satellite])).toEqual([
      [0, 0],
      [0, 4],
      [1, 0],
      [1, 4],
    ])
    expect(new Set(asked.map((a) => a.k))).toEqual(new Set([0, 4]))
    expect(new Set(asked.map((a) => a.q))).toEqual(new Set([0, 1]))
  })

  it('lists them by start, then task, then satellite, whatever order the scan found them in', () => {
    // Scanned by priority (task 1, then 2, then 0), satellites in order; each pair's first sample
    // in view is set here.
    const startOf: Record<string, number> = {
      '1,0': 720,
      '1,2': 600,
      '2,0': 660,
      '2,1': 600,
      '0,0': 600,
      '0,1': 600,
    }
    const { view } = opportunityView({
      ...CALL,
      satellites: 3,
      tasks: [
        { windowStartS: 0, windowEndS: 7200, priority: 1 },
        { windowStartS: 0, windowEndS: 7200, priority: 5 },
        { windowStartS: 0, windowEndS: 7200, priority: 3 },
      ],
      sees: (k, q, tS) => tS === startOf[`${q},${k}`],
    })
    expect(imagingOpportunities(view).imaging.map((x) => [x.startS, x.task, x.satellite])).toEqual([
      [600, 0, 0],
      [600, 0, 1],
      [600, 1, 2],
      [600, 2, 1],
      [660, 2, 0],
      [720, 1, 0],
    ])
  })
})
