// A TLE satellite that re-enters during a day-long run, for the tests of decay.

import type { SatelliteSpec } from '../../src/core'
import { TEST_BUS } from './spec-fixture'

// A ~270 km orbit with a large drag term (B* = 0.05): SGP4 reports it decayed (error 6) about
// 12 h after its epoch, 2026-03-20T00:00Z (day 79.0 of 2026). Checksums are valid.
export const SINKING_1 = '1 25544U 98067A   26079.00000000  .00016717  00000-0  50000-1 0  9004'
export const SINKING_2 = '2 25544  51.6416 247.4627 0006703 130.5360 325.0288 16.00000000563538'

/** The sinking TLE as an active satellite named SINKER. */
export const SINKER: SatelliteSpec = {
  id: 'SINKER',
  role: 'active',
  bus: TEST_BUS,
  orbit: { kind: 'tle', name: 'SINKER', line1: SINKING_1, line2: SINKING_2 },
}
