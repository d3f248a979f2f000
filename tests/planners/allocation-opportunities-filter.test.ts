// predictOpportunities checks steps one by one only where its coarse filter lets a sample
// through, and the filter's promise (opportunities.ts) is that it does so only near the ground
// track: a target is a candidate for the sample interval (t − S, t] when it lies within the
// footprint's central angle, plus 2·ω⊕·S for the Earth turning under the arc, plus 0.5°, of the
// great-circle arc between the interval's ends. Here every step predicted one by one (a time off
// the sample grid) is checked against the true ground track: within a sample either side of it,
// the sub-satellite point must come that close to the target (doubled, for the corners of the
// along/across box the filter tests). A filter that lets everything through finds the same
// opportunities, only by predicting every step: the tracks test cannot see it, this one does.

import { describe, expect, it } from 'vitest'
import { DEG, MU_EARTH, OMEGA_EARTH } from '../../src/core'
import { gmstRad } from '../../src/core/time'
import { footprintHalfAngle, predictOpportunities } from '../../src/planners/allocation/opportunities'
import { EPOCH_MS, type GroundSat, type GroundTask, groundView } from './ground-view'

const FROM = 30
const TO = 6 * 3600
const SAMPLE_S = 600
const RADIUS_M = 6378137 + 550e3

/** Satellite k's sub-satellite point at tS: geocentric latitude and longitude, rad. */
function subPoint(view: ReturnType<typeof groundView>['view'], k: number, tS: number): [number, number] {
  const p = new Float64Array(3)
  view.predictPosition(k, tS, p)
  const g = gmstRad(EPOCH_MS + tS * 1000)
  const x = Math.cos(g) * p[0] + Math.sin(g) * p[1]
  const y = -Math.sin(g) * p[0] + Math.cos(g) * p[1]
  return [Math.atan2(p[2], Math.hypot(x, y)), Math.atan2(y, x)]
}

/** Angle (rad) between the target and satellite k's sub-satellite point at tS, on a sphere. */
function angleFromTrack(
  view: ReturnType<typeof groundView>['view'],
  k: number,
  task: GroundTask,
  tS: number,
) {
  const [lat, lon] = subPoint(view, k, tS)
  const [la, lo] = [task.latDeg * DEG, task.lonDeg * DEG]
  const cos = Math.sin(lat) * Math.sin(la) + Math.cos(lat) * Math.cos(la) * Math.cos(lon - lo)
  return Math.acos(Math.min(1, Math.max(-1, cos)))
}

/** Steps predicted one by one, and the farthest any of them is from the track near it (rad). */
function fineChecks(sat: GroundSat, task: GroundTask, blockS: number) {
  const g = groundView({ sats: [sat], tasks: [task] })
  const o = predictOpportunities(g.view, g.view.tasks, g.view.satellites, FROM, TO, SAMPLE_S, blockS)
  const fine = [...new Set(g.asked.filter((t) => t % SAMPLE_S !== 0))]
  const step = g.view.stepS
  let farthest = 0
  for (const ts of fine) {
    let nearest = Math.PI
    for (let t = ts - SAMPLE_S; t <= ts + SAMPLE_S; t += step)
      nearest = Math.min(nearest, angleFromTrack(g.view, 0, task, t))
    farthest = Math.max(farthest, nearest)
  }
  return { fine, farthest, found: Array.from(o.firstS).filter((t) => !Number.isNaN(t)).length }
}

// The filter's reach for this satellite (TEST_BUS: 30° off nadir at 550 km), from its stated rule.
const reach = footprintHalfAngle(RADIUS_M, 30 * DEG) + 2 * OMEGA_EARTH * SAMPLE_S + 0.5 * DEG

describe('predictOpportunities checks steps one by one only near the ground track', () => {
  it('rests on a reach of about 8.4° for this satellite, less than half the arc a sample covers', () => {
    // About 2.9° of footprint, 5.0° of Earth turning over a 600 s sample, 0.5° of margin.
    expect(reach / DEG).toBeGreaterThan(8)
    expect(reach / DEG).toBeLessThan(9)
    expect(Math.sqrt(MU_EARTH / RADIUS_M ** 3) * SAMPLE_S).toBeGreaterThan(2 * reach)
  })

  it.each([
    ['an equatorial orbit (only the along-track test can drop a sample)', 0, 1],
    ['a 53° orbit, the target where it crosses the equator', 53, 0],
    ['a 53° orbit, the target under its northern turning point', 53, 1.5],
    ['a 97.5° orbit, the target at mid-latitude', 97.5, 2.1],
  ])('%s', (_, incDeg, onTrackH) => {
    const sat: GroundSat = { orbit: { incDeg, raanDeg: 0, u0Deg: 0 } }
    // The target is the sub-satellite point at onTrackH hours (so there is a pass); the other
    // orbits of the run pass it at every distance across the track, and 6 h of them.
    const [lat, lon] = subPoint(groundView({ sats: [sat] }).view, 0, onTrackH * 3600)
    const task: GroundTask = { latDeg: lat / DEG, lonDeg: lon / DEG }
    // Ten-minute blocks: most have no pass, so their first opportunity stays unknown all run
    // long, and a filter that lets every sample through would predict every step of them.
    const { fine, farthest, found } = fineChecks(sat, task, SAMPLE_S)
    expect(found).toBeGreaterThan(0)
    expect(fine.length).toBeGreaterThan(0)
    expect(farthest).toBeLessThanOrEqual(2 * reach)
    // And the work saved is most of it: far fewer steps than the run has.
    expect(fine.length).toBeLessThan((TO - FROM) / 30 / 4)
  })
})
