// The engine refuses a run over the stated limits even when the spec was built by hand (the
// loader refuses it first, with a path): work and kept samples are bounded before any step.

import { describe, expect, it } from 'vitest'
import { createSimulation, estimateWork, MAX_SAMPLES, MAX_WORK_UNITS, SimulationError } from '../../src/core'
import { makeSpec } from '../support/spec-fixture'

describe('run limits in the engine', () => {
  it('estimates steps × satellites × (stations + 1) and the samples kept', () => {
    expect(
      estimateWork({ durationS: 3600, stepS: 30, sampleEveryS: 300, satellites: 12, stations: 3 }),
    ).toEqual({
      steps: 120,
      units: 120 * 12 * 4,
      samples: 13,
    })
  })

  it('refuses a hand-built spec over the work limit before allocating anything', () => {
    const spec = makeSpec({ durationS: 366 * 86400, stepS: 0.5, sampleEveryS: 3600 })
    expect(estimateWork({ ...spec, satellites: 12, stations: 3 }).units).toBeGreaterThan(MAX_WORK_UNITS)
    expect(() => createSimulation(spec)).toThrow(SimulationError)
    expect(() => createSimulation(spec)).toThrow(/at most 2,000,000,000 units of work/)
  })

  it('refuses a hand-built spec that would keep too many samples', () => {
    const spec = makeSpec({ durationS: 366 * 86400, stepS: 60, sampleEveryS: 60 })
    expect(estimateWork({ ...spec, satellites: 12, stations: 3 }).samples).toBeGreaterThan(MAX_SAMPLES)
    expect(() => createSimulation(spec)).toThrow(/at most 200,000 metric samples/)
  })
})
