// The slot-recovery constellation the trajectory planner tests share: two planes of four at
// 550 km, P1-S1 fails at 30 min, SPARE-1 waits 100 km lower in the same plane.

import { type AlertDecision, DEG, R_EARTH, type SatelliteSpec, type ScenarioSpec } from '../../src/core'
import { makeSpec, TEST_BUS, walker } from '../support/spec-fixture'

export const TARGET_A = R_EARTH + 550e3
export const SPARE_A = R_EARTH + 450e3
export const FAIL_AT_S = 1800

export function spare(id: string, raanDeg: number, m0Deg: number): SatelliteSpec {
  return {
    id,
    role: 'spare',
    bus: TEST_BUS,
    orbit: {
      kind: 'kepler',
      elements: { a: SPARE_A, e: 0, i: 53 * DEG, raan: raanDeg * DEG, argp: 0, m0: m0Deg * DEG },
    },
  }
}

/**
 * Two planes of four at 550 km; SPARE-1 in plane 1, 45° behind P1-S1; SPARE-2 in the other
 * plane (180° of RAAN away); SPARE-3 in plane 1 with a thruster that fails at the start.
 */
export function recoverySpec(over: Partial<ScenarioSpec> = {}): ScenarioSpec {
  return makeSpec({
    durationS: 24 * 3600,
    groundStations: [],
    tasks: [],
    satellites: [
      ...walker(8, 2, 1, 550, 53),
      spare('SPARE-1', 0, -45),
      spare('SPARE-2', 180, 0),
      spare('SPARE-3', 0, 120),
    ],
    events: [
      { type: 'failure', atS: 0, satellite: 'SPARE-3', component: 'thruster' },
      { type: 'failure', atS: FAIL_AT_S, satellite: 'P1-S1', component: 'reactionWheel' },
    ],
    ...over,
  })
}

/** What a maintenance planner says to take P1-S1 out of service without a failure. */
export const retireP1S1: AlertDecision = {
  kind: 'alert',
  satellite: 'P1-S1',
  component: 'reactionWheel',
  severity: 'critical',
  retire: true,
  rationale: 'test: retire P1-S1',
}
