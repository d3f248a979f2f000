// Drives a simulation to its end (or `untilS`) and keeps, at every metrics sample, each
// satellite's ECI position and status: what a CZML document animates. Positions are rounded to
// the metre, the report's precision (km to three decimals), so the two agree.

import type { Simulation } from '../engine/simulation'
import { STATUS_NAMES } from '../engine/state'

export type StatusName = (typeof STATUS_NAMES)[number]

export interface Trajectories {
  ids: string[]
  /** Sample times, s after the epoch. */
  tS: number[]
  /** Per sample, 3 numbers per satellite: ECI position, m (whole metres). */
  positionsM: number[][]
  /** Per sample, one status per satellite. */
  status: StatusName[][]
}

export function recordTrajectories(sim: Simulation, untilS = sim.spec.durationS): Trajectories {
  const r = recorder(sim, untilS)
  // Bounded by the scenario's step count: step() returns false at the end.
  while (r.more() && sim.step()) r.after()
  return r.out
}

/** As recordTrajectories, for a run with isolated planners (stepped with stepAsync). */
export async function recordTrajectoriesAsync(
  sim: Simulation,
  untilS = sim.spec.durationS,
): Promise<Trajectories> {
  const r = recorder(sim, untilS)
  while (r.more() && (await sim.stepAsync())) r.after()
  return r.out
}

function recorder(sim: Simulation, untilS: number) {
  const out: Trajectories = { ids: sim.world.sats.map((s) => s.id), tS: [], positionsM: [], status: [] }
  const take = () => {
    const s = sim.state()
    out.tS.push(s.t)
    out.positionsM.push(Array.from(s.pos, (x) => Math.round(x)))
    out.status.push(Array.from(s.status, (x) => STATUS_NAMES[x] ?? STATUS_NAMES[0]))
  }
  let samples = sim.series().t.length
  if (samples > 0 && sim.series().t[samples - 1] === sim.time()) take()
  const end = Math.min(untilS, sim.spec.durationS)
  return {
    out,
    more: () => sim.time() < end - 1e-9,
    /** After each step: a new metrics sample means a new trajectory sample. */
    after() {
      if (sim.series().t.length > samples) {
        samples = sim.series().t.length
        take()
      }
    },
  }
}
