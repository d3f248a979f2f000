// The snapshot history behind step back and scrubbing: one engine snapshot every `every` steps,
// taken just before the engine steps away from a multiple of `every`. Going back restores the
// latest snapshot at or before the target and re-simulates the rest (the engine is
// deterministic, so that lands on exactly the state it had). The spacing is chosen once per run
// so the snapshots fit a memory budget.

import type { SimSnapshot, Simulation } from '../core'

/** Bytes of snapshots to keep per engine, at most. */
export const SNAPSHOT_BYTES = 48 * 1024 * 1024
/** Snapshots over a whole run, at most. */
export const MAX_SNAPSHOTS = 120

/** Rough size of a snapshot's state: the typed arrays dominate. */
export function snapshotBytes(snap: SimSnapshot): number {
  let bytes = 0
  for (const value of Object.values(snap.state)) {
    if (ArrayBuffer.isView(value)) bytes += value.byteLength
    else if (Array.isArray(value)) bytes += value.length * 64
  }
  return bytes + 4096
}

/** Steps between snapshots: as many as fit the memory budget, at most MAX_SNAPSHOTS over the run. */
export function snapshotSpacing(first: SimSnapshot, totalSteps: number): number {
  const fit = Math.max(4, Math.min(MAX_SNAPSHOTS, Math.floor(SNAPSHOT_BYTES / snapshotBytes(first))))
  return Math.max(1, Math.ceil(totalSteps / fit))
}

export class SnapshotHistory {
  private readonly byStep = new Map<number, SimSnapshot>()

  constructor(
    readonly every: number,
    initial: SimSnapshot,
  ) {
    this.byStep.set(initial.state.stepIndex, initial)
  }

  /** Call before each step: keeps the state if it sits on the spacing and is not kept yet. */
  keep(sim: Simulation): void {
    const i = sim.state().stepIndex
    if (i % this.every === 0 && !this.byStep.has(i)) this.byStep.set(i, sim.snapshot())
  }

  /** The latest kept step at or before `target`, or −1 when there is none. */
  latestAtOrBefore(target: number): number {
    let best = -1
    for (const k of this.byStep.keys()) if (k <= target && k > best) best = k
    return best
  }

  /** Brings `sim` back to the state kept at `step`; false (and nothing done) when none is kept. */
  restore(sim: Simulation, step: number): boolean {
    const snap = this.byStep.get(step)
    if (!snap) return false
    sim.restore(snap)
    return true
  }

  get size(): number {
    return this.byStep.size
  }
}
