// The generator's plain-function normal (what the telemetry loop uses) walks exactly the
// sequence the Rng object's normal() does, so the noise stays reproducible from the seed.

import { describe, expect, it } from 'vitest'
import { afterNormal, createRng, normalFrom } from '../../src/core/rng'

describe('normalFrom / afterNormal', () => {
  it('give the same normals, in the same order, as Rng.normal', () => {
    const rng = createRng(2026)
    let state = rng.getState()
    for (let k = 0; k < 1000; k++) {
      expect(normalFrom(state)).toBe(rng.normal())
      state = afterNormal(state)
      expect(state).toBe(rng.getState())
    }
  })

  it('leave the uniforms where normal() leaves them (two per normal)', () => {
    const viaObject = createRng(7)
    viaObject.normal()
    const viaState = createRng(0)
    viaState.setState(afterNormal(7))
    const skipped = createRng(7)
    skipped.next()
    skipped.next()
    const third = skipped.next()
    expect(viaObject.next()).toBe(third)
    expect(viaState.next()).toBe(third)
  })
})
