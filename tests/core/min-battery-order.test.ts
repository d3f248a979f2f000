// The lowest battery state of charge at T+0 is the lowest initial one wherever that satellite
// sits in the scenario's list (a minimum over every satellite, not the first's or the last's).

import { describe, expect, it } from 'vitest'
import { createSimulation } from '../../src/core'
import { makeSpec } from '../support/spec-fixture'

describe('minimum battery at T+0, over the whole list', () => {
  it.each([
    ['first', [0.35, 0.9, 0.6]],
    ['in the middle', [0.9, 0.35, 0.6]],
    ['last', [0.9, 0.6, 0.35]],
  ])('is the lowest initial state of charge when that satellite is %s', (_where, socs) => {
    const spec = makeSpec()
    const satellites = spec.satellites
      .slice(0, 3)
      .map((s, k) => ({ ...s, bus: { ...s.bus, initialSoc: socs[k] } }))
    expect(createSimulation({ ...spec, satellites }).metrics().minBatterySoc).toBeCloseTo(35, 9)
  })
})
