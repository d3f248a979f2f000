// The telemetry an isolated planner's thread is sent holds exactly the samples it is told about:
// one time per sample from `first` to `count − 1`, and three components for every satellite of
// each (planner-io.ts, TelemetryDelta) — no padding a thread would have to know to skip.

import { describe, expect, it } from 'vitest'
import { createSimulation, type EnginePlanner, type TelemetryDelta } from '../../src/core'
import { makeSpec } from '../support/spec-fixture'

describe('the telemetry sent to an isolated planner', () => {
  it('is sized to the samples it names, each a time and three components per satellite', async () => {
    // Samples every 300 s, calls every 600 s: each call after the first is sent two samples.
    const spec = makeSpec({ durationS: 3 * 3600 })
    const sent: TelemetryDelta[] = []
    let known = 0
    const planner: EnginePlanner = {
      id: 'trajectory/listener',
      kind: 'trajectory',
      isolated: {
        telemetryKnown: () => known,
        call: async (_t, data) => {
          sent.push(data.telemetry)
          known = data.telemetry.count
          return { ok: true, read: { ok: true, items: [], total: 0 } }
        },
      },
    }
    const sim = createSimulation(spec, undefined, { planners: [planner] })
    await sim.runUntilAsync(spec.durationS)
    const perSample = sim.world.satCount * 3
    expect(sent.length).toBeGreaterThan(10)
    expect(sent.filter((d) => d.count - d.first >= 2).length).toBeGreaterThan(5)
    for (const d of sent) {
      expect([d.t.length, d.v.length]).toEqual([d.count - d.first, (d.count - d.first) * perSample])
      // Sample times, in order, on the sampling cadence.
      for (let i = 0; i < d.t.length; i++) expect(d.t[i] % 300).toBe(0)
      for (let i = 1; i < d.t.length; i++) expect(d.t[i]).toBeGreaterThan(d.t[i - 1])
    }
  })
})
