// Two pieces of buildProblem's bookkeeping that index into flat arrays, where a wrong index lands
// in a neighbouring satellite's columns: captures made before the planned blocks, and assignments
// to a satellite that may not be tasked. Hovering satellites (tests/planners/ground-view.ts) make
// every pass derivable by hand: S0 hovers AWAY from the targets, S1 over them, S2 over them but
// failed. Blocks are 1 h (horizonH 1).

import { describe, expect, it } from 'vitest'
import { allocationParams } from '../../src/planners/allocation/params'
import { buildProblem } from '../../src/planners/allocation/problem'
import { groundView } from './ground-view'

const HERE = { latDeg: 10, lonDeg: 20 }
const AWAY = { latDeg: -10, lonDeg: -160 }
const params = allocationParams.parse({ horizonH: 1, capacity: 2, sampleS: 120 })

const sats = [
  { id: 'S0', over: AWAY },
  { id: 'S1', over: HERE },
  { id: 'S2', over: HERE, edit: { failed: true } },
]

describe('buildProblem bookkeeping', () => {
  it('counts a capture only in its own satellite and block, never one made before the plan', () => {
    // At 4000 s in a 6000 s run the plan covers block 1 only (steps 4030 … 6000): one column per
    // satellite, S0's then S1's. S1 captured one task in block 0 (1000 s) and one in block 1.
    const { view } = groundView({
      timeS: 4000,
      durationS: 6000,
      sats,
      tasks: [
        { ...HERE, edit: { id: 'early', state: 'delivered', capturedBy: 'S1', capturedAtS: 1000 } },
        { ...HERE, edit: { id: 'recent', state: 'captured', capturedBy: 'S1', capturedAtS: 3700 } },
      ],
    })
    const p = buildProblem(view, params, false)
    expect(p.firstBlock).toBe(1)
    expect(p.blocks).toBe(1)
    // Block 0 is over: its capture takes nothing from S1's budget now, and none from S0's.
    expect(Array.from(p.used)).toEqual([0, 1])
  })

  it('leaves a row assigned to an unusable satellite uncommitted (-1), whatever the row before it', () => {
    // At 600 s with a 6 h run: blocks 0 and 1. 'seen' (row 0) is seen by S1, the last usable
    // satellite, from the first step; 'stuck' (row 1) is assigned to the failed S2, which is not
    // a column at all.
    const { view } = groundView({
      timeS: 600,
      durationS: 6 * 3600,
      sats,
      tasks: [
        { ...HERE, edit: { id: 'seen' } },
        { ...HERE, edit: { id: 'stuck', assignedTo: 'S2' } },
        { ...HERE, edit: { id: 'kept', assignedTo: 'S1' } },
      ],
    })
    const p = buildProblem(view, params, false)
    expect(p.sats.map((s) => s.id)).toEqual(['S0', 'S1'])
    // 'kept' is committed to S1's first block: column 1·2 + 0.
    expect(Array.from(p.committed)).toEqual([-1, -1, 2])
  })
})
