// A hand-made allocation problem for the edge-mode policy's unit tests (no engine): a few
// satellites on TEST_BUS, every image task reachable by every tasked satellite in one block, and
// the storage and station time of each satellite set by the test, so the bottleneck and battery
// rules can be put exactly on their boundaries.

import type { BusSpec, SatelliteView, TaskView, WorldView } from '../../src/core'
import type { AllocationProblem } from '../../src/planners/allocation/problem'
import { TEST_BUS } from '../support/spec-fixture'

export interface SatOptions {
  id: string
  mode?: 'raw' | 'edge'
  failed?: boolean
  soc?: number
  storageUsedBits?: number
  bus?: Partial<BusSpec>
}

export function satellite(index: number, o: SatOptions): SatelliteView {
  return {
    index,
    id: o.id,
    mode: o.mode ?? 'raw',
    failed: o.failed ?? false,
    soc: o.soc ?? 0.9,
    storageUsedBits: o.storageUsedBits ?? 0,
    bus: { ...TEST_BUS, ...o.bus },
  } as SatelliteView
}

/** The view edgeDecisions reads: only its satellites. */
export const viewOf = (satellites: SatelliteView[]) => ({ satellites }) as unknown as WorldView

/**
 * One block; `images` (bits) are the tasks, each feasible on every tasked satellite; `downlinkBits`
 * is each tasked satellite's expected station time × rate. Room is free storage plus that, and
 * the planned edge flags are the satellites' current modes, as buildProblem makes them.
 */
export function edgeProblem(
  sats: SatelliteView[],
  o: { images: number[]; capacity: number; downlinkBits: number[] },
): AllocationProblem {
  const rows = o.images.length
  const cols = sats.length
  const times = new Float64Array(rows * cols).fill(600)
  return {
    nowS: 0,
    endS: 3600,
    static: false,
    blockS: 3600,
    firstBlock: 0,
    blocks: 1,
    tasks: o.images.map((dataBits, i) => ({ id: `img-${i}`, index: i, priority: 1, dataBits }) as TaskView),
    sats,
    optS: times.slice(),
    firstS: times,
    downlinkBits: Float64Array.from(o.downlinkBits),
    roomBits: Float64Array.from(
      sats,
      (s, c) => Math.max(0, s.bus.storageBits - s.storageUsedBits) + o.downlinkBits[c],
    ),
    edge: Uint8Array.from(sats, (s) => (s.mode === 'edge' ? 1 : 0)),
    capacity: o.capacity,
    used: new Int32Array(cols),
    slots: new Int32Array(cols),
    committed: new Int32Array(rows).fill(-1),
  }
}
