// The snapshot history behind step back and scrubbing: one engine snapshot every `every` steps,
// taken just before the engine steps away from a multiple of `every`. Going back restores the
// latest snapshot at or before the target and re-simulates the rest (the engine is
// deterministic, so that lands on exactly the state it had).
//
// A scrub costs a restore plus up to `every` − 1 steps, so the snapshots should sit close. Each
// one shares with the snapshot before it every array that did not change (Simulation.snapshot's
// base), so the memory budget counts only what changed. The history starts at the finest spacing
// (MAX_SNAPSHOTS over the run) and, whenever the budget would be exceeded, doubles the spacing
// and drops the snapshots off it, so the run's span always fits.

import type { SimSnapshot, Simulation } from '../core'

/** Bytes of snapshots to keep per engine, at most (an array shared by several counts once). */
export const SNAPSHOT_BYTES = 48 * 1024 * 1024
/** Snapshots over a whole run, at most: the finest spacing is the run's steps over this. */
export const MAX_SNAPSHOTS = 120
/**
 * When the history is given a clock, snapshots take at most about this share of the stepping
 * between them: where a snapshot costs several steps (10,000 satellites and no planners: about
 * four), the spacing doubles until it does, so simulating ahead stays quick.
 */
export const SNAPSHOT_SHARE = 0.25
/** What a snapshot's plain records (events, tasks, series) are counted as, per entry. */
const RECORD_BYTES = 64
/** What a snapshot costs beyond its arrays. */
const OVERHEAD_BYTES = 4096

/** The buffers a snapshot's state holds, and a rough size of everything else in it. */
function parts(snap: SimSnapshot): { buffers: ArrayBufferLike[]; other: number } {
  const buffers: ArrayBufferLike[] = []
  let other = OVERHEAD_BYTES
  for (const value of Object.values(snap.state)) {
    if (ArrayBuffer.isView(value)) buffers.push(value.buffer)
    else if (Array.isArray(value)) other += value.length * RECORD_BYTES
  }
  return { buffers, other }
}

/** Rough size of a snapshot on its own (nothing shared): the typed arrays dominate. */
export function snapshotBytes(snap: SimSnapshot): number {
  const { buffers, other } = parts(snap)
  return buffers.reduce((sum, b) => sum + b.byteLength, other)
}

/** The finest spacing: at most MAX_SNAPSHOTS over a run of `totalSteps`. */
export function finestSpacing(totalSteps: number): number {
  return Math.max(1, Math.ceil(totalSteps / MAX_SNAPSHOTS))
}

export class SnapshotHistory {
  private readonly byStep = new Map<number, SimSnapshot>()
  /** Bytes the kept snapshots hold, each buffer counted once. */
  private heldBytes = 0

  /** Wall ms a snapshot and a step take (moving averages; 0 until measured). */
  private snapshotMs = 0
  private stepMs = 0

  constructor(
    /** Steps between snapshots now; it only grows (doubling) as the budget fills. */
    public every: number,
    initial: SimSnapshot,
    private readonly budget = SNAPSHOT_BYTES,
    /** A wall clock (ms): with it, the spacing also keeps snapshots cheap (SNAPSHOT_SHARE). */
    private readonly clock?: () => number,
  ) {
    this.byStep.set(initial.state.stepIndex, initial)
    this.heldBytes = this.count()
  }

  /** Call before each step: keeps the state if it sits on the spacing and is not kept yet. */
  keep(sim: Simulation): void {
    const i = sim.state().stepIndex
    if (i % this.every !== 0 || this.byStep.has(i)) return
    const before = this.latestAtOrBefore(i)
    const start = this.clock?.() ?? 0
    this.byStep.set(i, sim.snapshot(before >= 0 ? this.byStep.get(before) : undefined))
    if (this.clock) {
      this.snapshotMs = average(this.snapshotMs, this.clock() - start)
      // Further apart while a snapshot costs more than its share of the steps between two.
      while (this.stepMs > 0 && this.snapshotMs > SNAPSHOT_SHARE * this.every * this.stepMs) this.every *= 2
    }
    this.heldBytes = this.count()
    while (this.heldBytes > this.budget && this.byStep.size > 1) this.thin()
  }

  /** Call after each step with its wall time, ms (used with a clock only). */
  stepped(ms: number): void {
    this.stepMs = average(this.stepMs, ms)
  }

  /** Doubles the spacing and forgets the snapshots off it (the first one always stays). */
  private thin(): void {
    this.every *= 2
    const first = Math.min(...this.byStep.keys())
    for (const step of [...this.byStep.keys()])
      if (step !== first && step % this.every !== 0) this.byStep.delete(step)
    this.heldBytes = this.count()
  }

  /** Bytes held by the kept snapshots, every buffer once however many snapshots share it. */
  private count(): number {
    const seen = new Set<ArrayBufferLike>()
    let bytes = 0
    for (const snap of this.byStep.values()) {
      const { buffers, other } = parts(snap)
      bytes += other
      for (const b of buffers) {
        if (seen.has(b)) continue
        seen.add(b)
        bytes += b.byteLength
      }
    }
    return bytes
  }

  /** The latest kept step at or before `target` (and kept by every history in `also`), or −1. */
  latestAtOrBefore(target: number, also: readonly SnapshotHistory[] = []): number {
    let best = -1
    for (const k of this.byStep.keys())
      if (k <= target && k > best && also.every((h) => h.byStep.has(k))) best = k
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

  /** Bytes the kept snapshots hold (shared arrays once). */
  get bytes(): number {
    return this.heldBytes
  }
}

/** A moving average of wall times (the first one as it is). */
function average(mean: number, ms: number): number {
  return mean === 0 ? ms : 0.7 * mean + 0.3 * ms
}
