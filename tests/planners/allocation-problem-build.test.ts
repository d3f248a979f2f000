// buildProblem on a hand-made view (tests/planners/ground-view.ts, no engine), every field worked
// out by hand. Satellites hover: S0 over HERE (where a station is), S1 over AWAY, S2 failed, S3 with
// a flat battery. The call is at 600 s with 30 s steps and a 1 h horizon: steps 630 … 4200, in
// blocks 0 ([0, 3600)) and 1 ([3600, 7200)). So a target under S0 is first seen at 630 in block 0
// and at 3600 in block 1.

import { describe, expect, it } from 'vitest'
import { allocationParams } from '../../src/planners/allocation/params'
import { buildProblem } from '../../src/planners/allocation/problem'
import { type GroundTask, groundView } from './ground-view'

const HERE = { latDeg: 10, lonDeg: 20 }
const AWAY = { latDeg: -10, lonDeg: -160 }
const N = Number.NaN
const params = allocationParams.parse({ horizonH: 1, capacity: 2, sampleS: 120 })

function view(timeS = 600, durationS = 6 * 3600) {
  const task = (at: typeof HERE, id: string, edit: GroundTask['edit'] = {}, w: Partial<GroundTask> = {}) => ({
    ...at,
    ...w,
    edit: { id, ...edit },
  })
  return groundView({
    timeS,
    durationS,
    stations: [HERE],
    sats: [
      { id: 'S0', over: HERE, edit: { storageUsedBits: 70e9 } },
      { id: 'S1', over: AWAY, edit: { mode: 'edge', storageUsedBits: 63.5e9 } },
      { id: 'S2', over: HERE, edit: { failed: true } },
      { id: 'S3', over: HERE, edit: { soc: 0.25 } },
    ],
    tasks: [
      task(HERE, 'T0', { dataBits: 1e9, state: 'pending' }),
      task(AWAY, 'T1', { dataBits: 4e9, state: 'open' }, { windowStartS: 2000, windowEndS: 5000 }),
      task(HERE, 'done', { state: 'captured', capturedBy: 'S0', capturedAtS: 700 }),
      task(HERE, 'late', {}, { windowEndS: 620 }),
      task(HERE, 'T4', { dataBits: 2e9 }, { windowStartS: 4200 }),
      task(HERE, 'T5', { dataBits: 3e9, assignedTo: 'S0' }),
      task(HERE, 'T6', { dataBits: 5e9, assignedTo: 'S1' }),
      task(HERE, 'T7', { assignedTo: 'S2' }),
      task(HERE, 'edge-of-window', {}, { windowEndS: 630 }),
      task(HERE, 'too-late', {}, { windowStartS: 4201 }),
      task(AWAY, 'was', { state: 'delivered', capturedBy: 'S1', capturedAtS: 3600 }),
      task(AWAY, 'gone', { state: 'expired', capturedBy: 'S2', capturedAtS: 800 }),
      task(AWAY, 'older', { state: 'delivered', capturedBy: 'S1', capturedAtS: 7300 }),
    ],
  }).view
}

const ids = (xs: readonly { id: string }[]) => xs.map((x) => x.id)

describe('buildProblem', () => {
  it('keeps the usable satellites and the tasks still to capture that overlap the horizon', () => {
    const p = buildProblem(view(), params, false)
    expect(ids(p.sats)).toEqual(['S0', 'S1'])
    // 'done', 'was' and 'gone' are captured; 'late' closed before the first step (630), 'too-late'
    // opens after the horizon's end (4200); a window ending exactly at 630 still counts.
    expect(ids(p.tasks)).toEqual(['T0', 'T1', 'T4', 'T5', 'T6', 'T7', 'edge-of-window'])
    expect(p.nowS).toBe(600)
    expect(p.endS).toBe(4200)
    expect(p.blockS).toBe(3600)
    expect(p.firstBlock).toBe(0)
    expect(p.blocks).toBe(2)
    expect(p.capacity).toBe(2)
    expect(p.static).toBe(false)
  })

  it("tabulates each row's first capture per satellite and per block, waiting allowed unless committed", () => {
    const p = buildProblem(view(), params, false)
    // Rows × satellites: S0 sees HERE from 630 (T4 from 4200), S1 sees AWAY (T1 from 2010).
    expect(Array.from(p.firstS)).toEqual([630, N, N, 2010, 4200, N, 630, N, 630, N, 630, N, 630, N])
    // Rows × (S0 b0, S0 b1, S1 b0, S1 b1). T5 is committed to S0 block 0, so it may not wait.
    expect(Array.from(p.optS)).toEqual([
      ...[630, 3600, N, N], // T0
      ...[N, N, 2010, 3600], // T1
      ...[N, 4200, N, N], // T4
      ...[630, N, N, N], // T5 (committed)
      ...[630, 3600, N, N], // T6 (assigned to S1, which never sees it: not committed)
      ...[630, 3600, N, N], // T7 (assigned to a failed satellite: not committed)
      ...[630, N, N, N], // edge-of-window
    ])
    expect(Array.from(p.committed)).toEqual([-1, -1, -1, 0, -1, -1, -1])
  })

  it('counts captures already made in each planned block of each usable satellite', () => {
    // 'done' by S0 at 700 (block 0), 'was' by S1 at 3600 (block 1); S2's and block 2's not.
    expect(Array.from(buildProblem(view(), params, false).used)).toEqual([1, 0, 0, 1])
  })

  it("derives room from free storage and the satellite's station time, and slots from room", () => {
    const p = buildProblem(view(), params, false)
    // S0 sees the station at every step 630 … 4200: 120 steps = 3600 s at 150 Mbit/s.
    expect(Array.from(p.downlinkBits)).toEqual([3600 * 150e6, 0])
    // S0 stores more than its 64 Gb (free: 0); S1 has 0.5 Gb free.
    expect(Array.from(p.roomBits)).toEqual([3600 * 150e6, 0.5e9])
    expect(Array.from(p.edge)).toEqual([0, 1])
    // S0: largest image 5 Gb (T6), room for 108; budget 2 − 1 then 2; demand 5 then 4 → [1, 2].
    // S1 (edge): largest 4 Gb → 0.4 Gb, room for 1; block 0 takes it → [1, 0].
    expect(Array.from(p.slots)).toEqual([1, 2, 1, 0])
  })

  it('plans a static strategy to the end of the run, each row on its first pass only', () => {
    const p = buildProblem(view(600, 3 * 3600), params, true)
    expect(p.static).toBe(true)
    expect(p.endS).toBe(3 * 3600)
    // Steps 630 … 10 800 in blocks 0 … 3 (the last holds only 10 800).
    expect(p.blocks).toBe(4)
    expect(ids(p.tasks)).toEqual(['T0', 'T1', 'T4', 'T5', 'T6', 'T7', 'edge-of-window', 'too-late'])
    const row = (i: number) => Array.from(p.optS.subarray(i * 8, i * 8 + 8))
    expect(row(0)).toEqual([630, N, N, N, N, N, N, N])
    expect(row(1)).toEqual([N, N, N, N, 2010, N, N, N])
    expect(row(2)).toEqual([N, 4200, N, N, N, N, N, N])
  })

  it('ends the horizon at the run, and numbers blocks from the epoch', () => {
    // At 4000 s with a 6000 s run: steps 4030 … 6000, all in block 1.
    const p = buildProblem(view(4000, 6000), params, false)
    expect(p.endS).toBe(6000)
    expect(p.firstBlock).toBe(1)
    expect(p.blocks).toBe(1)
    // Only 'was' (3600) falls in block 1 among the satellites' captures; 700 is block 0.
    expect(Array.from(p.used)).toEqual([0, 1])
  })
})
