// The lowest battery state of charge "so far" includes the start: at T+0 the summary and the
// compare table must say the lowest initial state of charge, not 100 %.

import { describe, expect, it } from 'vitest'
import { createSimulation } from '../../src/core'
import { makeSpec } from '../support/spec-fixture'

describe('minimum battery at T+0', () => {
  it('is the lowest initial state of charge', () => {
    const spec = makeSpec()
    const lowest = Math.min(...spec.satellites.map((s) => s.bus.initialSoc))
    expect(lowest).toBeLessThan(1)
    expect(createSimulation(spec).metrics().minBatterySoc).toBeCloseTo(lowest * 100, 6)
  })
})
