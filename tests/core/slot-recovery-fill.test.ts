// When a spare's last pending slot-recovery burn is done, the engine measures how far the spare
// is from the slot it was sent to (where the replaced satellite is, or would be): within
// SLOT_TOLERANCE_M the slot is filled (logged, the spare promoted, the gap time counted);
// farther off, a decision event says how far. Burns of other purposes fill no slot.

import { describe, expect, it } from 'vitest'
import {
  createSimulation,
  DEG,
  type ManeuverDecision,
  type SatelliteSpec,
  type ScriptedEvent,
  type Simulation,
  SLOT_TOLERANCE_M,
} from '../../src/core'
import { makeSpec, walker } from '../support/spec-fixture'

/** A spare on the active satellite's orbit, `behindDeg` of mean anomaly away from it. */
function spare(id: string, of: SatelliteSpec, behindDeg: number): SatelliteSpec {
  if (of.orbit.kind !== 'kepler') throw new Error('fixture: a Kepler orbit')
  const elements = { ...of.orbit.elements, m0: of.orbit.elements.m0 - behindDeg * DEG }
  return { ...of, id, role: 'spare', plane: undefined, slot: undefined, orbit: { kind: 'kepler', elements } }
}

// NEAR trails the slot of P1-S1 by 0.2° (about 24 km), FAR by 5° (about 600 km).
function fleet(events: ScriptedEvent[] = []): Simulation {
  const [active] = walker(1, 1, 0, 550, 53)
  return createSimulation(
    makeSpec({
      durationS: 600,
      tasks: [],
      events,
      satellites: [active, spare('NEAR', active, 0.2), spare('FAR', active, 5)],
    }),
  )
}

const burn = (satellite: string, atS: number, over: Partial<ManeuverDecision> = {}): ManeuverDecision => ({
  kind: 'maneuver',
  satellite,
  atS,
  dv: { frame: 'rtn', r: 0, t: 0.001, n: 0 },
  purpose: 'slot-recovery',
  replaces: 'P1-S1',
  rationale: 'close on the slot',
  ...over,
})

/** Distance (m) between two satellites now, from the positions the engine holds. */
function distance(sim: Simulation, a: string, b: string): number {
  const pos = sim.state().pos
  const i = 3 * sim.world.satIndex.get(a)!
  const j = 3 * sim.world.satIndex.get(b)!
  return Math.hypot(pos[i] - pos[j], pos[i + 1] - pos[j + 1], pos[i + 2] - pos[j + 2])
}

const fills = (sim: Simulation) => sim.events().filter((e) => e.type === 'slotFilled')
/** The engine's own decision events (a planner's accepted decision is logged with its planner). */
const engineDecisions = (sim: Simulation) => sim.events().filter((e) => e.type === 'decision' && !e.planner)
const promoted = (sim: Simulation, id: string) => sim.state().promoted[sim.world.satIndex.get(id)!]

describe('filling a slot with a spare', () => {
  it('a recovery burn that leaves the spare within the tolerance fills the slot and promotes the spare', () => {
    const sim = fleet()
    expect(sim.scheduleManeuver(burn('NEAR', 60))).toBeNull()
    sim.runUntil(60)
    const gap = distance(sim, 'NEAR', 'P1-S1')
    expect(gap).toBeLessThan(SLOT_TOLERANCE_M)
    const [e] = fills(sim)
    expect([e?.t, e?.satellite]).toEqual([60, 'NEAR'])
    expect(e?.data?.gapKm).toBeCloseTo(gap / 1000, 6)
    // P1-S1 has not failed: the spare arrived first and there was no gap.
    expect(e?.data?.fillS).toBe(0)
    expect(e?.message).toContain('before P1-S1 failed: no gap')
    expect(promoted(sim, 'NEAR')).toBe(1)
    expect(engineDecisions(sim)).toEqual([])
    expect(sim.state().acc.slotFillS).toEqual([0])
  })

  it('counts the gap from the failure of the replaced satellite to the arrival', () => {
    const sim = fleet([{ type: 'failure', atS: 30, satellite: 'P1-S1', component: 'battery' }])
    sim.scheduleManeuver(burn('NEAR', 90))
    sim.runUntil(90)
    expect(fills(sim).map((e) => [e.t, e.data?.fillS])).toEqual([[90, 60]])
    expect(sim.state().acc.slotFillS).toEqual([60])
  })

  it('a recovery burn that ends farther off fills nothing and logs how far, as a decision', () => {
    const sim = fleet()
    sim.scheduleManeuver(burn('FAR', 60))
    sim.runUntil(60)
    const gap = distance(sim, 'FAR', 'P1-S1')
    expect(gap).toBeGreaterThan(SLOT_TOLERANCE_M)
    expect(fills(sim)).toEqual([])
    const told = engineDecisions(sim).filter((e) => e.satellite === 'FAR')
    expect(told.map((e) => e.t)).toEqual([60])
    expect(told[0].data?.gapKm).toBeCloseTo(gap / 1000, 6)
    expect(told[0].message).toBe(
      `FAR finished its slot-recovery burns ${(gap / 1000).toFixed(0)} km from P1-S1's slot.`,
    )
    expect(promoted(sim, 'FAR')).toBe(0)
  })

  it("measures only after the spare's last pending recovery burn; a pending burn of another purpose does not wait", () => {
    const twoRecoveries = fleet()
    twoRecoveries.scheduleManeuver(burn('NEAR', 60))
    twoRecoveries.scheduleManeuver(burn('NEAR', 120))
    twoRecoveries.runUntil(180)
    expect(fills(twoRecoveries).map((e) => e.t)).toEqual([120])

    const thenOther = fleet()
    thenOther.scheduleManeuver(burn('NEAR', 60))
    thenOther.scheduleManeuver(burn('NEAR', 120, { purpose: 'other', rationale: 'trim' }))
    thenOther.runUntil(180)
    expect(fills(thenOther).map((e) => e.t)).toEqual([60])
  })

  it('a burn of another purpose fills no slot, even when it names one', () => {
    const sim = fleet()
    sim.scheduleManeuver(burn('NEAR', 60, { purpose: 'other' }))
    sim.runUntil(120)
    expect(sim.events().some((e) => e.type === 'maneuverExecuted' && e.satellite === 'NEAR')).toBe(true)
    expect(fills(sim)).toEqual([])
    expect(engineDecisions(sim)).toEqual([])
    expect(promoted(sim, 'NEAR')).toBe(0)
  })
})
