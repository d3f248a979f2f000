// predictOpportunities' latitude band must reach both turning points of the ground track. Between
// two coarse samples the track runs along a great-circle arc; when the arc's vertex (its point
// nearest a pole) lies strictly inside it, the arc reaches further in latitude than either end.
// With wide samples the difference exceeds the filter's reach: at 1380 s the arc is about 83° long,
// and a vertex at mid-arc sits about 17° beyond the ends (53° against 36° for a 53° orbit), more
// than the 15° of reach (2.9° of footprint, 11.5° of Earth turning, 0.5° of margin). So a target
// under the vertex is found only if the band is widened to the vertex, at the right pole.
//
// The tracks test puts targets near both turning points, but none of its southern vertices falls far
// enough inside a sample to matter: mutation testing found the southern widening could be deleted
// with every other test passing. Here each satellite is phased so its vertex falls at a chosen point
// inside a sample, with the vertex at every longitude, and the target near the sub-satellite point
// there: the first opportunity must equal the step-by-step reference (firstByExact).

import { describe, expect, it } from 'vitest'
import { DEG, MU_EARTH } from '../../src/core'
import { gmstRad } from '../../src/core/time'
import { predictOpportunities } from '../../src/planners/allocation/opportunities'
import { EPOCH_MS, firstByExact, type GroundSat, groundView } from './ground-view'

const FROM = 30
const TO = 3 * 3600
const RADIUS_M = 6378137 + 550e3
const MEAN_MOTION_DEG_S = Math.sqrt(MU_EARTH / RADIUS_M ** 3) / DEG

/**
 * A satellite whose argument of latitude is `uDeg` (90: northern vertex, 270: southern) at time
 * `atS`, and a target at its sub-satellite point then, moved `polewardDeg` further from the
 * equator (across the track, which runs east–west at a vertex).
 */
function passOver(incDeg: number, raanDeg: number, uDeg: number, atS: number, polewardDeg: number) {
  const u0Deg = (((uDeg - MEAN_MOTION_DEG_S * atS) % 360) + 360) % 360
  const sat: GroundSat = { orbit: { incDeg, raanDeg, u0Deg } }
  // Spherical trigonometry on the orbit: latitude asin(sin u · sin i), right ascension
  // Ω + atan2(sin u · cos i, cos u); east longitude is right ascension less the sidereal angle.
  const [u, i] = [uDeg * DEG, incDeg * DEG]
  const lat = Math.asin(Math.sin(u) * Math.sin(i))
  const ra = raanDeg * DEG + Math.atan2(Math.sin(u) * Math.cos(i), Math.cos(u))
  const lon = ra - gmstRad(EPOCH_MS + atS * 1000)
  // Geocentric latitude passed as geodetic: under 0.2° apart, well inside the footprint.
  const latDeg = lat / DEG + Math.sign(lat) * polewardDeg
  const lonDeg = ((((lon / DEG + 180) % 360) + 360) % 360) - 180
  return { sat, task: { latDeg, lonDeg } }
}

/** The predictor's first opportunity and the reference's, over the whole run (one block). */
function firstBoth(sat: GroundSat, task: { latDeg: number; lonDeg: number }, sampleS: number) {
  const { view } = groundView({ sats: [sat], tasks: [task] })
  const o = predictOpportunities(view, view.tasks, view.satellites, FROM, TO, sampleS)
  return { got: o.firstS[0], want: firstByExact(view, 0, 0, FROM, TO) }
}

describe('predictOpportunities sees targets under a turning point inside a sample', () => {
  it.each([
    // [inclination, which vertex, sample spacing, where in the sample the vertex falls]
    [53, 'southern', 1380, 0.5],
    [53, 'northern', 1380, 0.5],
    [53, 'southern', 1380, 0.35],
    [53, 'southern', 1200, 0.6],
    [75, 'southern', 1380, 0.5],
    [30, 'southern', 1380, 0.45],
    [97.5, 'southern', 1380, 0.5],
    [97.5, 'northern', 1380, 0.55],
    // Off the middle: the arc's midpoint is then well off the vertex, yet for a near-polar track
    // the ends still fall short of the vertex's latitude by more than the reach.
    [97.5, 'southern', 1380, 0.3],
    [97.5, 'southern', 1380, 0.7],
    [75, 'southern', 1380, 0.3],
    [75, 'southern', 1380, 0.7],
    [97.5, 'northern', 1380, 0.3],
    [120, 'southern', 1380, 0.5],
  ] as const)(
    '%f° orbit, %s vertex, %i s samples, vertex at %f of the sample',
    (incDeg, which, sampleS, frac) => {
      // In the third sample interval, (2S, 3S]: well inside the run, within the first orbit.
      const atS = 2 * sampleS + Math.round((frac * sampleS) / 30) * 30
      // The vertex at every longitude (the arc's normal then points every way in the Earth-fixed
      // frame, so each of its components weighs in turn); the target under the vertex, and 2°
      // either side of it across the track (the footprint reaches about 2.9°).
      for (let raanDeg = 0; raanDeg < 360; raanDeg += 10) {
        for (const polewardDeg of [0, 2, -2]) {
          const { sat, task } = passOver(incDeg, raanDeg, which === 'southern' ? 270 : 90, atS, polewardDeg)
          const { got, want } = firstBoth(sat, task, sampleS)
          const what = `node at ${raanDeg}°, target ${polewardDeg}° poleward`
          // The reference sees the pass (the target is within the footprint near the vertex) …
          expect(want, `reference, ${what}`).toBeGreaterThan(atS - sampleS / 2)
          expect(want, `reference, ${what}`).toBeLessThanOrEqual(atS)
          // … and the predictor must find the same first step.
          expect(got, `predictor, ${what}`).toBe(want)
        }
      }
    },
  )
})
