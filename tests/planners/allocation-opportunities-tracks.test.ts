// predictOpportunities' coarse pre-filter on real ground tracks (circular orbits in a hand-made
// view, no engine): whatever the sample spacing, it must find exactly the first step at which the
// step-by-step reference (firstByExact) sees each target — in particular targets at the edge of
// the footprint, under the turning point of an inclined track (the arc between two samples never
// reaches that latitude at its ends), near the poles, and with samples so far apart that the arc
// spans more than 90°. It must also skip the step-by-step work for targets nowhere near a track.

import { describe, expect, it } from 'vitest'
import { createRng } from '../../src/core/rng'
import { predictOpportunities } from '../../src/planners/allocation/opportunities'
import { lazy } from '../support/lazy'
import { firstByExact, type GroundSat, type GroundTask, groundView } from './ground-view'

const FROM = 30
const TO = 4 * 3600

/** Checks every (task, satellite, block) entry against the reference; returns how many passes. */
function expectExact(sats: GroundSat[], tasks: GroundTask[], sampleS: number, blockS = 3600): number {
  const { view } = groundView({ sats, tasks })
  const o = predictOpportunities(view, view.tasks, view.satellites, FROM, TO, sampleS, blockS)
  const cols = sats.length
  let found = 0
  for (let i = 0; i < tasks.length; i++) {
    for (let c = 0; c < cols; c++) {
      for (let b = 0; b < o.blocks; b++) {
        const start = Math.max(FROM, (o.firstBlock + b) * blockS)
        const end = Math.min(TO, (o.firstBlock + b + 1) * blockS - view.stepS)
        const want = firstByExact(view, c, i, start, end)
        expect(o.firstS[(i * cols + c) * o.blocks + b], `task ${i} satellite ${c} block ${b}`).toBe(want)
        if (!Number.isNaN(want)) found++
      }
    }
  }
  return found
}

/** Targets in a latitude band (deg), spread in longitude, seeded. */
function band(n: number, loDeg: number, hiDeg: number, seed: number): GroundTask[] {
  const rng = createRng(seed)
  return Array.from({ length: n }, (_, i) => ({
    latDeg: loDeg + ((hiDeg - loDeg) * (i + rng.next())) / n,
    lonDeg: rng.next() * 360 - 180,
  }))
}

// Shared target sets, made by the first test that needs them (tests/support/lazy.ts).
const vertexTargets = lazy(() => [...band(24, 51, 56.5, 3), ...band(24, -56.5, -51, 4)])
const mixedTargets = lazy(() => [
  ...band(30, -89, 89, 5),
  // Two targets at the same latitude: the latitude sort must keep both.
  { latDeg: 20, lonDeg: 10 },
  { latDeg: 20, lonDeg: 12 },
])

describe('predictOpportunities against the step-by-step reference', () => {
  it.each([30, 120, 600])(
    'finds targets at the footprint edge of an equatorial track (%i s samples)',
    (sampleS) => {
      // Footprint half-angle ≈ 2.9° at 550 km, 30° off nadir: targets from 2.3° to 3.3° off track.
      const tasks = Array.from({ length: 21 }, (_, i) => ({ latDeg: 2.3 + i * 0.05, lonDeg: -180 + i * 17 }))
      const sats = [{ orbit: { incDeg: 0, raanDeg: 0, u0Deg: 0 } }]
      const found = expectExact(sats, tasks, sampleS)
      expect(found).toBeGreaterThan(3)
    },
  )

  // At 1380 s (just under a quarter orbit, the widest arc still filtered) the turning point lies
  // further in latitude beyond the arc's ends than the filter's reach, so it must be accounted for.
  it.each([120, 900, 1380])(
    'finds targets under the turning point of an inclined track (%i s)',
    (sampleS) => {
      const sats = [
        { orbit: { incDeg: 53, raanDeg: 0, u0Deg: 0 } },
        { orbit: { incDeg: 53, raanDeg: 120, u0Deg: 200 } },
        { orbit: { incDeg: 53, raanDeg: 240, u0Deg: 250 } },
        { orbit: { incDeg: 53, raanDeg: 60, u0Deg: 100 } },
      ]
      const found = expectExact(sats, vertexTargets(), sampleS)
      expect(found).toBeGreaterThan(10)
    },
  )

  it.each([60, 600, 3000])(
    'matches for polar, retrograde and low orbits and targets to the poles (%i s)',
    (sampleS) => {
      // 3000 s samples: more than a quarter orbit, so an arc between samples spans over 90°.
      const sats = [
        { orbit: { incDeg: 97.5, raanDeg: 30, u0Deg: 10 }, radiusM: 6378137 + 700e3 },
        { orbit: { incDeg: 30, raanDeg: 250, u0Deg: 90 } },
        { orbit: { incDeg: 89.9, raanDeg: 0, u0Deg: 0 } },
      ]
      const found = expectExact(sats, mixedTargets(), sampleS)
      expect(found).toBeGreaterThan(10)
    },
  )

  it('reaches as far as the highest radius the view reports (apogee or present position)', () => {
    // The view under-reports the orbit (a of a 300 km orbit): the filter must use the larger
    // present radius, or it misses edge passes the exact test finds.
    const tasks = Array.from({ length: 21 }, (_, i) => ({ latDeg: 2.3 + i * 0.05, lonDeg: -180 + i * 17 }))
    const low = { a: 6378137 + 300e3, e: 0 }
    const sats: GroundSat[] = [
      { orbit: { incDeg: 0, raanDeg: 0, u0Deg: 0 }, edit: { elements: low as never } },
    ]
    expect(expectExact(sats, tasks, 30)).toBeGreaterThan(3)
    // With the present position low too, it is apogee a·(1 + e) that sets the reach.
    const eccentric = { a: 6378137 + 300e3, e: (550e3 - 300e3) / (6378137 + 300e3) }
    const sats2: GroundSat[] = [
      {
        orbit: { incDeg: 0, raanDeg: 0, u0Deg: 0 },
        edit: { elements: eccentric as never, positionEciM: [6378137 + 300e3, 0, 0] },
      },
    ]
    expect(expectExact(sats2, tasks, 30)).toBeGreaterThan(3)
  })

  it('checks steps only near the track: a target far from it costs no step-by-step prediction', () => {
    // An equatorial orbit and a target at 60° N: every prediction is a coarse sample (a multiple
    // of the 600 s spacing); a target on the track needs steps in between.
    const sats = [{ orbit: { incDeg: 0, raanDeg: 0, u0Deg: 0 } }]
    const far = groundView({ sats, tasks: [{ latDeg: 60, lonDeg: 0 }] })
    predictOpportunities(far.view, far.view.tasks, far.view.satellites, FROM, TO, 600)
    expect(far.asked.length).toBeGreaterThan(20)
    expect(far.asked.filter((t) => t % 600 !== 0)).toEqual([])
    const near = groundView({ sats, tasks: [{ latDeg: 0, lonDeg: 0 }] })
    predictOpportunities(near.view, near.view.tasks, near.view.satellites, FROM, TO, 600)
    expect(near.asked.filter((t) => t % 600 !== 0).length).toBeGreaterThan(0)
  })

  it('stops checking steps once every block has its first opportunity', () => {
    // A satellite hovering over its only target: the first step finds it, and with one block
    // nothing is left to look for, so no later step is predicted one by one.
    const o = groundView({ sats: [{ over: { latDeg: 0, lonDeg: 0 } }], tasks: [{ latDeg: 0, lonDeg: 0 }] })
    const got = predictOpportunities(o.view, o.view.tasks, o.view.satellites, FROM, TO, 600)
    expect(Array.from(got.firstS)).toEqual([30])
    expect(o.asked.filter((t) => t % 600 !== 0)).toEqual([30])
  })
})
