// The allocation model's small functions on hand-made problems (no view, no engine): which
// satellites may be tasked, a column's demand, a satellite's largest image, its capture slots per
// block (budget left, demand, storage handed out in block order), their totals, and a plan's
// value, committed rows and feasibility. Every expected number is worked out in the comments.

import { describe, expect, it } from 'vitest'
import type { SatelliteView, TaskView } from '../../src/core'
import {
  type AllocationProblem,
  committedServed,
  demandOf,
  largestImage,
  planIsFeasible,
  planValue,
  satSlots,
  satSlotTotals,
  slotsFor,
  unusableReason,
} from '../../src/planners/allocation/problem'
import { TEST_BUS } from '../support/spec-fixture'

const N = Number.NaN

/**
 * A problem of 2 satellites × 2 blocks (columns s0b0, s0b1, s1b0, s1b1) and the given rows.
 * `opt[i]` is row i's capture time on each column (N: infeasible); firstS is each row's first
 * feasible time per satellite, as buildProblem derives it.
 */
function problem(o: {
  opt: number[][]
  dataBits: number[]
  priority?: number[]
  capacity?: number
  used?: number[]
  roomBits?: number[]
  committed?: number[]
  slots?: number[]
}): AllocationProblem {
  const rows = o.opt.length
  const firstS = new Float64Array(rows * 2).fill(N)
  o.opt.forEach((r, i) => {
    for (let c = 0; c < 2; c++) firstS[i * 2 + c] = Number.isNaN(r[2 * c]) ? r[2 * c + 1] : r[2 * c]
  })
  return {
    nowS: 0,
    endS: 7200,
    static: false,
    blockS: 3600,
    firstBlock: 0,
    blocks: 2,
    tasks: o.dataBits.map(
      (dataBits, i) => ({ id: `r${i}`, dataBits, priority: o.priority?.[i] ?? 1 }) as TaskView,
    ),
    sats: [{ id: 's0' }, { id: 's1' }] as SatelliteView[],
    optS: Float64Array.from(o.opt.flat()),
    firstS,
    downlinkBits: new Float64Array(2),
    roomBits: Float64Array.from(o.roomBits ?? [1e12, 1e12]),
    edge: new Uint8Array(2),
    capacity: o.capacity ?? 8,
    used: Int32Array.from(o.used ?? [0, 0, 0, 0]),
    slots: Int32Array.from(o.slots ?? [0, 0, 0, 0]),
    committed: Int32Array.from(o.committed ?? o.opt.map(() => -1)),
  }
}

/** Three rows: row 0 on s0 in both blocks, row 1 on s0 block 1 and s1 block 0, row 2 on s0 block 0. */
const three = (over: Partial<Parameters<typeof problem>[0]> = {}) =>
  problem({
    opt: [
      [100, 4000, N, N],
      [N, 4100, 200, N],
      [300, N, N, N],
    ],
    dataBits: [3e9, 5e9, 4e9],
    ...over,
  })

describe('unusableReason', () => {
  const sat = (edit: Partial<SatelliteView>) =>
    ({
      failed: false,
      retired: false,
      pendingManeuvers: 0,
      soc: 0.9,
      bus: TEST_BUS,
      ...edit,
    }) as SatelliteView

  it('accepts a healthy satellite and gives a distinct reason for each rule, failure first', () => {
    expect(unusableReason(sat({}))).toBeNull()
    const reasons = [
      unusableReason(sat({ failed: true })),
      unusableReason(sat({ retired: true })),
      unusableReason(sat({ pendingManeuvers: 1 })),
      unusableReason(sat({ soc: 0.1 })),
    ]
    for (const r of reasons) expect(r).toEqual(expect.stringMatching(/./))
    expect(new Set(reasons).size).toBe(4)
    // Precedence: failed, then retired, then a pending burn, then the battery.
    const all = { failed: true, retired: true, pendingManeuvers: 2, soc: 0 }
    expect(unusableReason(sat(all))).toBe(reasons[0])
    expect(unusableReason(sat({ ...all, failed: false }))).toBe(reasons[1])
    expect(unusableReason(sat({ ...all, failed: false, retired: false }))).toBe(reasons[2])
  })

  it('refuses a battery below minimum + 0.1 and accepts one exactly there', () => {
    // minSoc 0.5 + margin 0.1 = 0.6 exactly in binary floating point.
    const bus = { ...TEST_BUS, minSoc: 0.5 }
    expect(unusableReason(sat({ bus, soc: 0.6 }))).toBeNull()
    expect(unusableReason(sat({ bus, soc: 0.5999 }))).not.toBeNull()
    expect(unusableReason(sat({ bus, soc: 0.55 }))).not.toBeNull()
  })
})

describe('demandOf and largestImage', () => {
  it('counts the rows feasible on a column', () => {
    const p = three()
    expect([0, 1, 2, 3].map((col) => demandOf(p, col))).toEqual([2, 2, 1, 0])
  })

  it("is the largest image among the satellite's feasible rows, a tenth in edge mode, 0 if none", () => {
    const p = three()
    // s0 can take rows 0, 1, 2 (3, 5, 4 Gb); s1 only row 1 (5 Gb).
    expect(largestImage(p, 0, false)).toBe(5e9)
    expect(largestImage(p, 0, true)).toBe(5e8)
    const q = three({ dataBits: [3e9, 2e9, 4e9] })
    expect(largestImage(q, 0, false)).toBe(4e9)
    expect(largestImage(q, 1, false)).toBe(2e9)
    const none = problem({ opt: [[100, N, N, N]], dataBits: [1e9] })
    expect(largestImage(none, 1, false)).toBe(0)
    expect(largestImage(none, 1, true)).toBe(0)
  })
})

describe('satSlots, slotsFor and satSlotTotals', () => {
  it('gives each block the least of its budget left and its demand when storage is ample', () => {
    // Capacity 3, one capture already made in s0's block 0: budgets 2 and 3; demands 2 and 2.
    const p = three({ capacity: 3, used: [1, 0, 0, 0] })
    const out = new Int32Array(4).fill(-7)
    satSlots(p, 0, false, out)
    expect(Array.from(out)).toEqual([2, 2, -7, -7])
    // Budget 1 per block: block 0 is the binding one, then block 1.
    const tight = three({ capacity: 1 })
    satSlots(tight, 0, false, out)
    expect(Array.from(out.subarray(0, 2))).toEqual([1, 1])
  })

  it('never goes below zero when more captures were made than the budget', () => {
    const p = three({ capacity: 2, used: [5, 0, 0, 0] })
    const out = new Int32Array(4)
    satSlots(p, 0, false, out)
    expect(Array.from(out.subarray(0, 2))).toEqual([0, 2])
    expect(satSlotTotals(p, 0, false)).toEqual({ slots: 2, budget: 2 })
  })

  it('hands storage slots (room / largest image) to the blocks in time order', () => {
    // Room 12 Gb, largest image 5 Gb: 2 storage slots. Block 0 takes both, block 1 none.
    const p = three({ roomBits: [12e9, 0] })
    const out = new Int32Array(4)
    satSlots(p, 0, false, out)
    expect(Array.from(out.subarray(0, 2))).toEqual([2, 0])
    // Room 7 Gb: 1 slot, to block 0.
    satSlots(three({ roomBits: [7e9, 0] }), 0, false, out)
    expect(Array.from(out.subarray(0, 2))).toEqual([1, 0])
    // In edge mode the images are a tenth: 12 Gb / 0.5 Gb = 24 slots, demand binds: 2 and 2.
    satSlots(p, 0, true, out)
    expect(Array.from(out.subarray(0, 2))).toEqual([2, 2])
    // Room 15 Gb, 5 Gb images: 3 slots, 2 to block 0, the third to block 1.
    satSlots(three({ roomBits: [15e9, 0] }), 0, false, out)
    expect(Array.from(out.subarray(0, 2))).toEqual([2, 1])
  })

  it('does not limit storage when there is no image to store', () => {
    // Images of 0 bits and no room: storage is no limit, budget and demand are.
    const p = three({ dataBits: [0, 0, 0], roomBits: [0, 0], capacity: 1 })
    const out = new Int32Array(4)
    satSlots(p, 0, false, out)
    expect(Array.from(out.subarray(0, 2))).toEqual([1, 1])
  })

  it('slotsFor uses each satellite its own planned mode', () => {
    // Room 6 Gb each. s0: 5 Gb images raw → 1 slot; s1 (row 1 only, 5 Gb) edge → 12 slots.
    const p = three({ roomBits: [6e9, 6e9] })
    expect(Array.from(slotsFor(p, Uint8Array.from([0, 1])))).toEqual([1, 0, 1, 0])
    // Both in edge mode: s0 gets 12 storage slots, so demand binds.
    expect(Array.from(slotsFor(p, Uint8Array.from([1, 1])))).toEqual([2, 2, 1, 0])
    // Both raw: s1's one slot is still there (5 Gb fits in 6).
    expect(Array.from(slotsFor(p, Uint8Array.from([0, 0])))).toEqual([1, 0, 1, 0])
  })

  it('totals the slots and what the budget alone would allow', () => {
    // Room for 1 image; capacity 3 with 1 used in block 0: budget min(2, 2) + min(3, 2) = 4.
    const p = three({ capacity: 3, used: [1, 0, 0, 0], roomBits: [6e9, 0] })
    expect(satSlotTotals(p, 0, false)).toEqual({ slots: 1, budget: 4 })
    expect(satSlotTotals(p, 0, true)).toEqual({ slots: 4, budget: 4 })
    // s1: demand 1 then 0, no room: 5 Gb images get no slot.
    expect(satSlotTotals(p, 1, false)).toEqual({ slots: 0, budget: 1 })
  })
})

describe('planValue, committedServed and planIsFeasible', () => {
  it('adds the priorities of the rows a plan serves, column 0 included', () => {
    const p = three({ priority: [2, 3, 7] })
    expect(planValue(p, Int32Array.from([0, -1, 0]))).toBe(9)
    expect(planValue(p, Int32Array.from([-1, 2, -1]))).toBe(3)
    expect(planValue(p, Int32Array.from([-1, -1, -1]))).toBe(0)
  })

  it('counts the committed rows a plan serves, a row committed to column 0 included', () => {
    const p = three({ committed: [0, -1, 0] })
    expect(committedServed(p, Int32Array.from([1, 2, 0]))).toBe(2)
    expect(committedServed(p, Int32Array.from([-1, 2, 0]))).toBe(1)
    expect(committedServed(p, Int32Array.from([-1, 2, -1]))).toBe(0)
  })

  it('accepts a plan within feasible pairs and slots, refuses one outside the table', () => {
    const p = three({ slots: [1, 1, 1, 0] })
    expect(planIsFeasible(p, Int32Array.from([0, 2, -1]))).toBe(true)
    expect(planIsFeasible(p, Int32Array.from([-1, -1, -1]))).toBe(true)
    // Row 2 is infeasible on column 1; column 4 does not exist; column 3 has no slot.
    expect(planIsFeasible(p, Int32Array.from([-1, -1, 1]))).toBe(false)
    expect(planIsFeasible(p, Int32Array.from([4, -1, -1]))).toBe(false)
    // Column 4 of row 1 would read row 2's (feasible) column 0 if the width were not checked.
    expect(planIsFeasible(p, Int32Array.from([-1, 4, -1]))).toBe(false)
    expect(planIsFeasible(p, Int32Array.from([-1, 3, -1]))).toBe(false)
  })

  it('refuses a column used beyond its slots, and only then', () => {
    // Rows 0 and 2 both on column 0: fine with 2 slots, not with 1.
    const plan = Int32Array.from([0, -1, 0])
    expect(planIsFeasible(three({ slots: [2, 0, 0, 0] }), plan)).toBe(true)
    expect(planIsFeasible(three({ slots: [1, 0, 0, 0] }), plan)).toBe(false)
    // Two columns with one slot each: each used once is fine.
    expect(planIsFeasible(three({ slots: [1, 1, 0, 0] }), Int32Array.from([1, -1, 0]))).toBe(true)
  })
})
