// canImage answers with the asking satellite's own sensor: each bus has its own largest off-nadir
// angle, and a target is imageable exactly when it is above its horizon toward the satellite and
// the angle between the satellite's nadir and its line of sight to the target is within that
// satellite's cone. Here every satellite has a different cone, and both angles are computed in
// the test from the predicted position, the Earth's rotation (GMST) and the WGS84 ellipsoid,
// independently of the engine's footprint code.

import { describe, expect, it } from 'vitest'
import { createSimulation, DEG } from '../../src/core'
import { gmstRad } from '../../src/core/time'
import { makeSpec, TEST_BUS, walker } from '../support/spec-fixture'

// Cones of 10°, 14°, … 54°, one per satellite.
const coneDeg = (k: number) => 10 + 4 * k
const satellites = walker(12, 3, 1, 550, 53).map((s, k) => ({
  ...s,
  bus: { ...TEST_BUS, maxOffNadirRad: coneDeg(k) * DEG },
}))
const spec = makeSpec({ satellites })

/** A point on the WGS84 ellipsoid (height 0), Earth-fixed, m. */
function ellipsoidPoint(latRad: number, lonRad: number): [number, number, number] {
  const a = 6378137
  const f = 1 / 298.257223563
  const e2 = f * (2 - f)
  const n = a / Math.sqrt(1 - e2 * Math.sin(latRad) ** 2)
  return [
    n * Math.cos(latRad) * Math.cos(lonRad),
    n * Math.cos(latRad) * Math.sin(lonRad),
    n * (1 - e2) * Math.sin(latRad),
  ]
}

/**
 * Off-nadir angle (deg) of target `tgt` (ECEF, at geodetic latitude/longitude lat/lon) seen from
 * an ECI position at time tS, and the satellite's elevation (deg) above the target's horizon.
 */
function lookAngles(
  eci: [number, number, number],
  tS: number,
  tgt: [number, number, number],
  lat: number,
  lon: number,
): { offNadir: number; elevation: number } {
  const g = gmstRad(spec.epochMs + tS * 1000)
  const sat = [
    Math.cos(g) * eci[0] + Math.sin(g) * eci[1],
    -Math.sin(g) * eci[0] + Math.cos(g) * eci[1],
    eci[2],
  ]
  const los = [tgt[0] - sat[0], tgt[1] - sat[1], tgt[2] - sat[2]]
  const range = Math.hypot(los[0], los[1], los[2])
  const dot = -(sat[0] * los[0] + sat[1] * los[1] + sat[2] * los[2])
  const offNadir = Math.acos(dot / (Math.hypot(sat[0], sat[1], sat[2]) * range)) / DEG
  // The local vertical at a geodetic latitude/longitude, and the target-to-satellite direction.
  const up = [Math.cos(lat) * Math.cos(lon), Math.cos(lat) * Math.sin(lon), Math.sin(lat)]
  const sinEl = -(up[0] * los[0] + up[1] * los[1] + up[2] * los[2]) / range
  return { offNadir, elevation: Math.asin(sinEl) / DEG }
}

describe('canImage', () => {
  it("follows the asking satellite's own off-nadir limit", () => {
    const view = createSimulation(spec).view()
    const targets = spec.tasks.map((t) => ellipsoidPoint(t.target.latRad, t.target.lonRad))
    let yes = 0
    // Samples where this satellite's own cone and satellite 0's cone give different answers.
    let decidedByOwnCone = 0
    for (let tS = 0; tS <= spec.durationS; tS += 60)
      for (let k = 0; k < satellites.length; k++) {
        const pos = view.predictPosition(k, tS)
        for (let q = 0; q < targets.length; q++) {
          const { latRad, lonRad } = spec.tasks[q].target
          const { offNadir, elevation } = lookAngles(pos, tS, targets[q], latRad, lonRad)
          // Too close to an edge to call either way.
          if (Math.abs(offNadir - coneDeg(k)) < 1e-6 || Math.abs(elevation) < 1e-6) continue
          const inCone = (deg: number) => elevation > 0 && offNadir < deg
          const expected = inCone(coneDeg(k))
          const got = view.canImage(k, q, tS)
          expect(
            got,
            `sat ${k} task ${q} at ${tS}: ${offNadir.toFixed(2)}° el ${elevation.toFixed(2)}°`,
          ).toBe(expected)
          if (expected) yes++
          if (expected !== inCone(coneDeg(0))) decidedByOwnCone++
        }
      }
    // The check means something: some yes answers, and many that only the own cone decides.
    expect(yes).toBeGreaterThan(10)
    expect(decidedByOwnCone).toBeGreaterThan(10)
  })
})
