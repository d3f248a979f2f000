// Geodetic latitude, longitude and height of every satellite, computed when something reads
// them rather than every step. The per-step geometry pass needs none of it (visibility is tested
// in Earth-fixed coordinates against each station's local vertical; eclipse in inertial ones),
// and the Bowring conversion was a fifth of a step's cost. Readers (the planners' view, the
// report, displays) call freshGeodetic, which converts the current ECEF positions once per
// geometry pass and then returns the same array until the next pass marks it stale.

import { ecefToGeodetic } from '../frames'
import type { SimState } from './state'

/** s.geo (lat rad, lon rad, height m; 3 per satellite) for the positions of the last geometry pass. */
export function freshGeodetic(s: SimState): Float64Array {
  if (!s.geoFresh) {
    const { ecef, geo } = s
    for (let o = 0; o < ecef.length; o += 3) ecefToGeodetic(ecef[o], ecef[o + 1], ecef[o + 2], geo, o)
    s.geoFresh = true
  }
  return s.geo
}
