// A satellite with a burn still queued shows as manoeuvring before the burn fires, unless it is
// lost: a failed satellite keeps its queued burn (the burn is refused when its time comes) but
// its status is "failed", never "maneuvering".

import { describe, expect, it } from 'vitest'
import { createSimulation, type EnginePlanner, type WorldView } from '../../src/core'
import { burnDecision as burn } from '../support/burn-decision'
import { faults } from '../support/probe-planner'
import { makeSpec } from '../support/spec-fixture'

describe('status of a satellite with a queued burn', () => {
  it('is maneuvering while the burn waits, and failed once the satellite is lost', () => {
    const statusAt600: Record<string, string> = {}
    const p: EnginePlanner = {
      id: 'trajectory/queue',
      kind: 'trajectory',
      plan: (view: WorldView) => {
        if (view.timeS === 600)
          for (const s of view.satellites)
            if (s.id === 'P1-S1' || s.id === 'P1-S2') statusAt600[s.id] = s.status
        return (view.timeS === 30 ? [burn('P1-S1', 3000), burn('P1-S2', 3000)] : []) as never
      },
    }
    // P1-S1 loses its battery at 300 s, long after its burn was queued and before it is due.
    const spec = makeSpec({
      durationS: 3600,
      events: [{ type: 'failure', atS: 300, satellite: 'P1-S1', component: 'battery' }],
    })
    const sim = createSimulation(spec, undefined, { planners: [p] })
    sim.runUntil(1200)
    expect(sim.events().some((e) => e.type === 'satelliteFailed' && e.satellite === 'P1-S1')).toBe(true)
    // Both burns were accepted (no fault), so both are still queued at 600 s.
    expect(faults(sim)).toEqual([])
    expect(statusAt600).toEqual({ 'P1-S1': 'failed', 'P1-S2': 'maneuvering' })
  })
})
