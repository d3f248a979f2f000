// restore() replaces the engine's state; it must not write into the state it replaces. A caller
// that read sim.state() before a restore (a display keeping its last frame, a diff of before and
// after) still holds a consistent picture of that earlier time: its Earth-fixed positions are its
// own inertial positions turned about the polar axis, so z and the distance from the axis match.

import { describe, expect, it } from 'vitest'
import { createSimulation } from '../../src/core'
import { makeSpec } from '../support/spec-fixture'

describe('restoring a snapshot', () => {
  it("leaves the replaced state's Earth-fixed positions as they were", () => {
    const spec = makeSpec({ durationS: 1200 })
    const sim = createSimulation(spec, spec.strategies[0].name)
    sim.runUntil(300)
    const snap = sim.snapshot()
    sim.runUntil(900)
    const before = sim.state()
    const ecef = before.ecef.slice()
    sim.restore(snap)
    expect(sim.time()).toBe(300)
    expect(before.t).toBe(900)
    expect(before.ecef).toEqual(ecef)
    // Still the 900 s positions, not the restored 300 s ones: a rotation about z keeps z and ρ.
    for (let k = 0; k < spec.satellites.length; k++) {
      const o = 3 * k
      const [x, y, z] = before.pos.subarray(o, o + 3)
      expect(before.ecef[o + 2]).toBe(z)
      expect(Math.hypot(before.ecef[o], before.ecef[o + 1])).toBeCloseTo(Math.hypot(x, y), 3)
    }
  })
})
