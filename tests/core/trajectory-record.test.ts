// recordTrajectories (src/core/export/trajectory.ts), what CZML animates, against the engine
// itself: at each metrics sample, each satellite's position (whole metres) and status name as a
// second run stopped at that time shows them; recording that starts mid-run or stops early.

import { describe, expect, it } from 'vitest'
import { createSimulation } from '../../src/core/engine/simulation'
import { STATUS_NAMES } from '../../src/core/engine/state'
import { recordTrajectories } from '../../src/core/export/trajectory'
import { makeSpec, walker } from '../support/spec-fixture'

// 40 minutes of four satellites sampled every 300 s; one fails at 600 s, so its status changes.
const spec = makeSpec({
  durationS: 2400,
  satellites: walker(4, 2, 1, 550, 53),
  events: [{ type: 'failure', atS: 600, satellite: 'P1-S1', component: 'battery' }],
})
const run = () => createSimulation(spec, 'none', { planners: [], seed: 3 })

describe('recordTrajectories', () => {
  it('holds, at every sample, the positions and status names a run stopped there shows', () => {
    const tracks = recordTrajectories(run())
    expect(tracks.ids).toEqual(spec.satellites.map((s) => s.id))
    expect(tracks.tS).toEqual([0, 300, 600, 900, 1200, 1500, 1800, 2100, 2400])
    tracks.tS.forEach((t, i) => {
      const other = run()
      other.runUntil(t)
      const s = other.state()
      expect(tracks.positionsM[i]).toEqual(Array.from(s.pos, (x) => Math.round(x)))
      expect(tracks.status[i]).toEqual(Array.from(s.status, (x) => STATUS_NAMES[x]))
    })
    // The failure shows: P1-S1 nominal at first, not at the end.
    const k = tracks.ids.indexOf('P1-S1')
    expect(tracks.status[0][k]).toBe('nominal')
    expect(tracks.status.at(-1)?.[k]).not.toBe('nominal')
    expect(tracks.positionsM[1].every((x) => Number.isInteger(x))).toBe(true)
  })

  it('starts with the current sample when the run stands on one, else with the next', () => {
    const atSample = run()
    atSample.runUntil(600)
    expect(recordTrajectories(atSample).tS[0]).toBe(600)
    const between = run()
    between.runUntil(700)
    expect(recordTrajectories(between).tS[0]).toBe(900)
  })

  it('stops the run at the time asked for when that is a step', () => {
    const sim = run()
    const tracks = recordTrajectories(sim, 900)
    expect(tracks.tS).toEqual([0, 300, 600, 900])
    expect(sim.time()).toBe(900)
  })
})
