// Before the first step no satellite transmits: the app's first frame (src/worker/frames.ts) draws
// a link for every satellite whose linkStation is a station index, so at T+0 every entry is -1.

import { describe, expect, it } from 'vitest'
import { createSimulation } from '../../src/core'
import { makeSpec } from '../support/spec-fixture'

describe('links at T+0', () => {
  it('none before the first step', () => {
    const spec = makeSpec()
    const sim = createSimulation(spec)
    expect(sim.time()).toBe(0)
    expect([...sim.state().linkStation]).toEqual(spec.satellites.map(() => -1))
  })
})
