// The planning model the three allocation planners share: one "problem" per planner call, built
// from the view. Rows are the imaging tasks still to be captured; columns are (satellite, block)
// pairs, where blocks are consecutive spans of `horizonH` hours from the epoch, each with its own
// capture budget; a row is feasible on a column when the satellite passes over the target inside
// the task's window, the planning horizon and that block.
//
// What is modelled exactly and what is simplified (the "optimal" planner is exact for this model):
// - Imaging opportunities: exact at the engine's step (opportunities.ts). The engine captures an
//   assigned task at the satellite's first opportunity, so a plan may use a later block of the
//   same satellite only by waiting: such a choice stays tentative (it is not sent) until that
//   pass is the first one left. A static plan, which never comes back, may not wait. The engine
//   takes one image per satellite per step; two captures planned for the same step are not
//   told apart here (the second one usually happens a step later, still over the target).
// - Capture budget (a stand-in for the energy budget): at most `capacity` captures per satellite
//   per block, counting the captures it already made in the block.
// - Storage: a satellite's images in the horizon must fit its free storage plus what it could
//   downlink in the horizon (its predicted station time, each station's time shared equally among
//   the satellites it sees at once, at its downlink rate), counted in slots the size of the
//   largest image it could take (in its mode: edge stores 10 %), given to its blocks in time
//   order. The order of captures and contacts within the horizon is ignored.
// - Power: satellites within POWER_MARGIN of their minimum state of charge get no tasks.
// - Satellites that failed, were retired by a maintenance alert, or have a burn pending (their
//   passes cannot be predicted) get no tasks.
// - Tasks already assigned to a usable satellite that passes over them in the horizon are
//   "committed": the engine cannot withdraw an assignment, so they will be captured on that pass
//   unless moved to another satellite. Every planner places them first.
//
// Pure: a function of the view and the parameters.

import { EDGE_COMPRESSION } from '../../core/engine/payload'
import type { SatelliteView, TaskView, WorldView } from '../../core/view'
import { predictOpportunities } from './opportunities'
import type { AllocationParams } from './params'

/** Satellites within this state of charge of their minimum are not tasked. */
export const POWER_MARGIN = 0.1

export interface AllocationProblem {
  nowS: number
  /** End of the planning horizon, s after epoch. */
  endS: number
  /** Whether this is the one plan of a static (never revised) strategy. */
  static: boolean
  /** Length of a capacity block, s, and the index (from the epoch) of the first one planned. */
  blockS: number
  firstBlock: number
  /** Blocks per satellite: column (c, b) is c·blocks + b. */
  blocks: number
  /** Rows: tasks still to capture, in view order. */
  tasks: TaskView[]
  /** Satellites that may be tasked, in view order. */
  sats: SatelliteView[]
  /** rows × (sats·blocks): capture time (s after epoch) on each column, NaN when infeasible. */
  optS: Float64Array
  /** rows × sats: first capture time on each satellite (what the engine would do), NaN if none. */
  firstS: Float64Array
  /** Per satellite: its expected share of station time in the horizon × its downlink rate, bits. */
  downlinkBits: Float64Array
  /** Per satellite: free storage plus downlinkBits. */
  roomBits: Float64Array
  /** Per satellite: onboard processing on (1) or off (0), as planned. */
  edge: Uint8Array
  /** Captures per satellite per block. */
  capacity: number
  /** Per column: captures already made in that block. */
  used: Int32Array
  /** Per column: capture slots left. */
  slots: Int32Array
  /** Per row: the column it is committed to, or -1. */
  committed: Int32Array
}

/** Whether a satellite may be given tasks now, and if not, why. */
export function unusableReason(sat: SatelliteView): string | null {
  if (sat.failed) return 'failed'
  if (sat.retired) return 'retired by a maintenance alert'
  if (sat.pendingManeuvers > 0) return 'has a burn pending'
  if (sat.soc < sat.bus.minSoc + POWER_MARGIN) return 'battery too low'
  return null
}

/** Builds the problem for one planner call. A static plan covers the rest of the run. */
export function buildProblem(
  view: WorldView,
  params: AllocationParams,
  isStatic: boolean,
): AllocationProblem {
  const nowS = view.timeS
  const blockS = params.horizonH * 3600
  const endS = isStatic ? view.durationS : Math.min(view.durationS, nowS + blockS)
  const fromS = nowS + view.stepS
  const sats = view.satellites.filter((s) => unusableReason(s) === null)
  const tasks = view.tasks.filter(
    (t) => (t.state === 'open' || t.state === 'pending') && t.windowEndS >= fromS && t.windowStartS <= endS,
  )
  const opp = predictOpportunities(view, tasks, sats, fromS, endS, params.sampleS, blockS)
  const rows = tasks.length
  const cols = sats.length
  const nb = opp.blocks
  // First opportunity per (row, satellite), and where each row is committed.
  const firstS = new Float64Array(rows * cols).fill(Number.NaN)
  const firstBlockOf = new Int32Array(rows * cols).fill(-1)
  for (let i = 0; i < rows; i++) {
    for (let c = 0; c < cols; c++) {
      for (let b = 0; b < nb; b++) {
        const t = opp.firstS[(i * cols + c) * nb + b]
        if (Number.isNaN(t)) continue
        firstS[i * cols + c] = t
        firstBlockOf[i * cols + c] = b
        break
      }
    }
  }
  const committed = new Int32Array(rows).fill(-1)
  tasks.forEach((t, i) => {
    if (t.assignedTo === null) return
    const c = sats.findIndex((s) => s.id === t.assignedTo)
    if (c >= 0 && firstBlockOf[i * cols + c] >= 0) committed[i] = c * nb + firstBlockOf[i * cols + c]
  })
  // Options: a later block of a satellite only when the plan can wait for it (a committed row
  // cannot: waiting would leave it where it is).
  const optS = new Float64Array(rows * cols * nb).fill(Number.NaN)
  for (let i = 0; i < rows; i++) {
    const canWait = !isStatic && committed[i] < 0
    for (let c = 0; c < cols; c++) {
      const f = firstBlockOf[i * cols + c]
      if (f < 0) continue
      for (let b = f; b < (canWait ? nb : f + 1); b++) {
        optS[i * cols * nb + c * nb + b] = opp.firstS[(i * cols + c) * nb + b]
      }
    }
  }
  // Captures already made in each block.
  const used = new Int32Array(cols * nb)
  const satCol = new Map(sats.map((s, c) => [s.id, c]))
  for (const t of view.tasks) {
    if (t.capturedBy === null || t.capturedAtS === null) continue
    const c = satCol.get(t.capturedBy)
    const b = Math.floor(t.capturedAtS / blockS + 1e-9) - opp.firstBlock
    if (c !== undefined && b >= 0 && b < nb) used[c * nb + b]++
  }
  const downlinkBits = new Float64Array(cols)
  const roomBits = new Float64Array(cols)
  const edge = new Uint8Array(cols)
  sats.forEach((s, c) => {
    downlinkBits[c] = opp.contactS[c] * s.bus.downlinkRateBps
    roomBits[c] = Math.max(0, s.bus.storageBits - s.storageUsedBits) + downlinkBits[c]
    edge[c] = s.mode === 'edge' ? 1 : 0
  })
  const problem: AllocationProblem = {
    nowS,
    endS,
    static: isStatic,
    blockS,
    firstBlock: opp.firstBlock,
    blocks: nb,
    tasks,
    sats,
    optS,
    firstS,
    downlinkBits,
    roomBits,
    edge,
    capacity: params.capacity,
    used,
    slots: new Int32Array(cols * nb),
    committed,
  }
  problem.slots = slotsFor(problem, edge)
  return problem
}

/** Rows feasible on column col. */
export function demandOf(p: AllocationProblem, col: number): number {
  const width = p.sats.length * p.blocks
  let n = 0
  for (let i = 0; i < p.tasks.length; i++) if (!Number.isNaN(p.optS[i * width + col])) n++
  return n
}

/** Largest stored image (bits) among the rows feasible for satellite c in a mode; 0 if none. */
export function largestImage(p: AllocationProblem, c: number, edge: boolean): number {
  const cols = p.sats.length
  let big = 0
  for (let i = 0; i < p.tasks.length; i++) {
    if (Number.isNaN(p.firstS[i * cols + c])) continue
    if (p.tasks[i].dataBits > big) big = p.tasks[i].dataBits
  }
  return edge ? big * EDGE_COMPRESSION : big
}

/**
 * Slots of satellite c's blocks in a mode, written to out[c·blocks …]: each block's budget left,
 * bounded by its demand and by the storage slots not yet given to earlier blocks.
 */
export function satSlots(p: AllocationProblem, c: number, edge: boolean, out: Int32Array): void {
  const big = largestImage(p, c, edge)
  let storage = big > 0 ? Math.floor(p.roomBits[c] / big) : Number.POSITIVE_INFINITY
  for (let b = 0; b < p.blocks; b++) {
    const col = c * p.blocks + b
    const s = Math.max(0, Math.min(p.capacity - p.used[col], demandOf(p, col), storage))
    out[col] = s
    storage -= s
  }
}

export function slotsFor(p: AllocationProblem, edge: Uint8Array): Int32Array {
  const out = new Int32Array(p.sats.length * p.blocks)
  for (let c = 0; c < p.sats.length; c++) satSlots(p, c, edge[c] === 1, out)
  return out
}

/** Total slots of satellite c in a mode, and what its capture budget alone would allow. */
export function satSlotTotals(
  p: AllocationProblem,
  c: number,
  edge: boolean,
): { slots: number; budget: number } {
  const out = new Int32Array(p.sats.length * p.blocks)
  satSlots(p, c, edge, out)
  let slots = 0
  let budget = 0
  for (let b = 0; b < p.blocks; b++) {
    const col = c * p.blocks + b
    slots += out[col]
    budget += Math.max(0, Math.min(p.capacity - p.used[col], demandOf(p, col)))
  }
  return { slots, budget }
}

/** Model value of a plan (row → column): the priorities of the rows it serves. */
export function planValue(p: AllocationProblem, plan: Int32Array): number {
  let v = 0
  for (let i = 0; i < plan.length; i++) if (plan[i] >= 0) v += p.tasks[i].priority
  return v
}

/** Committed rows a plan serves. */
export function committedServed(p: AllocationProblem, plan: Int32Array): number {
  let n = 0
  for (let i = 0; i < plan.length; i++) if (plan[i] >= 0 && p.committed[i] >= 0) n++
  return n
}

/** Whether a plan respects the model: feasible pairs only, no column above its slots. */
export function planIsFeasible(p: AllocationProblem, plan: Int32Array): boolean {
  const width = p.sats.length * p.blocks
  const used = new Int32Array(width)
  for (let i = 0; i < plan.length; i++) {
    const col = plan[i]
    if (col < 0) continue
    if (col >= width || Number.isNaN(p.optS[i * width + col])) return false
    if (++used[col] > p.slots[col]) return false
  }
  return true
}
