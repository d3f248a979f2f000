// Once the telemetry ring has wrapped, every sample in a channel's window is one the engine
// wrote for that channel (src/core/engine/health.ts, sampleTelemetry and telemetryWindow): no
// sample of one time step spills into the slot that holds the oldest. Noise-free telemetry of
// parts that never wear reads exactly 1.

import { describe, expect, it } from 'vitest'
import { COMPONENT_NAMES, createSimulation } from '../../src/core'
import { makeSpec, walker } from '../support/spec-fixture'

describe('a wrapped telemetry ring', () => {
  it('holds the last samples of every channel, all of them true readings', () => {
    const window = 5
    const sampleEveryS = 60
    const spec = makeSpec({
      satellites: walker(2, 1, 0, 550, 53),
      groundStations: [],
      tasks: [],
      durationS: 900,
      sampleEveryS,
      components: { failureHealth: 0.3, noiseSigma: 0 },
    })
    const sim = createSimulation(spec, undefined, { telemetryWindow: window })
    let checked = 0
    while (sim.step()) {
      const count = sim.state().telemetryCount
      if (count <= window) continue
      // Samples at 0, 60, 120 … s: the window holds the last five of them, oldest first.
      const newest = (count - 1) * sampleEveryS
      const times = Array.from({ length: window }, (_, j) => newest - (window - 1 - j) * sampleEveryS)
      for (let k = 0; k < 2; k++) {
        for (const c of COMPONENT_NAMES) {
          const { t, v } = sim.view().telemetry(k, c)
          expect(Array.from(t)).toEqual(times)
          expect(Array.from(v)).toEqual(Array(window).fill(1))
        }
      }
      checked++
    }
    // 16 samples (0 … 900 s); the sixth, at T+300 s, wrapped the ring: the steps from T+300 s
    // to T+900 s, 30 s apart, were checked.
    expect(sim.state().telemetryCount).toBe(16)
    expect(checked).toBe((900 - 300) / 30 + 1)
  })
})
