// Snapshots against a base in a fleet of five satellites, where a per-satellite byte array
// (failed, status, decayed, …) is five bytes: one whole 32-bit word plus one byte left over. The
// fifth satellite's flags live in that last byte, so sharing must compare it too: a flag that
// changed there must be copied, and an array equal to the base's, to its last byte, shared.

import { describe, expect, it } from 'vitest'
import { createSimulation } from '../../src/core'
import { makeSpec, walker } from '../support/spec-fixture'

const spec = makeSpec({
  durationS: 1200,
  satellites: walker(5, 5, 1, 550, 53),
  // The fifth satellite (index 4, the byte after the first word) fails between the two snapshots.
  events: [{ type: 'failure', atS: 450, satellite: 'P5-S1', component: 'battery' }],
  strategies: [{ name: 'calm', params: {} }],
})

function snapshots() {
  const sim = createSimulation(spec, 'calm')
  sim.runUntil(300)
  const base = sim.snapshot()
  sim.runUntil(600)
  return { base, shared: sim.snapshot(base) }
}

describe('snapshots against a base, in a fleet of five', () => {
  it('copy a byte array whose only change is in its last, fifth byte', () => {
    const { base, shared } = snapshots()
    expect(shared.state.failed).toHaveLength(5)
    expect(base.state.failed[4]).toBe(0)
    expect(shared.state.failed[4]).toBe(1)
    expect(shared.state.failed).not.toBe(base.state.failed)
    // Restored, the engine knows the fifth satellite failed at 450 s.
    const again = createSimulation(spec, 'calm')
    again.restore(shared)
    expect(again.report().satellites.map((s) => s.status === 'failed')).toEqual([
      false,
      false,
      false,
      false,
      true,
    ])
  })

  it('share a byte array equal to the base down to its fifth byte', () => {
    const { base, shared } = snapshots()
    // Nothing decays or retires in 20 minutes of Kepler orbits: all zeros at both times.
    for (const key of ['decayed', 'retired', 'promoted'] as const) {
      expect(shared.state[key], key).toHaveLength(5)
      expect(shared.state[key], key).toBe(base.state[key])
    }
  })
})
