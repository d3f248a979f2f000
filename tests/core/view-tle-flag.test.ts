// isTle in the view says which satellites fly on a TLE (SGP4) rather than on Keplerian elements.
// The engine keeps Keplerian satellites first and TLE ones after them, whatever the scenario's
// order; the flag must follow each satellite, including the first TLE one right at the seam and
// a fleet of TLE satellites only.

import { describe, expect, it } from 'vitest'
import { createSimulation, type SatelliteSpec } from '../../src/core'
import { SINKER } from '../support/sinking-tle'
import { makeSpec, walker } from '../support/spec-fixture'

const tle = (id: string): SatelliteSpec => ({ ...SINKER, id })

describe('the isTle flag of each satellite', () => {
  it('is true exactly for the TLE satellites of a mixed fleet, listed TLE first', () => {
    const spec = makeSpec({ satellites: [tle('TLE-A'), ...walker(2, 1, 0, 550, 53), tle('TLE-B')] })
    const view = createSimulation(spec).view()
    expect(view.satellites.map((s) => [s.id, s.isTle])).toEqual([
      ['P1-S1', false],
      ['P1-S2', false],
      ['TLE-A', true],
      ['TLE-B', true],
    ])
  })

  it('is true for every satellite of a TLE-only fleet', () => {
    const spec = makeSpec({ satellites: [tle('TLE-A'), tle('TLE-B')] })
    expect(
      createSimulation(spec)
        .view()
        .satellites.map((s) => s.isTle),
    ).toEqual([true, true])
  })
})
