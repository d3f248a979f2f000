// The edge-mode policies on hand-made problems: "always" switches every working raw satellite
// (tasked or not) and plans edge for the tasked ones; "auto" switches a satellite in edge mode
// back to raw when its charge falls within EDGE_EXIT_MARGIN of its minimum, and leaves failed,
// raw and well-charged ones alone; no policy changes the problem it was given (the module is pure).

import { describe, expect, it } from 'vitest'
import { EDGE_EXIT_MARGIN, edgeDecisions } from '../../src/planners/allocation/edge-mode'
import { edgeProblem, satellite, viewOf } from './allocation-edge-problem'

const IMAGES = [1e9, 1e9, 1e9, 1e9]
/** Station time for many times those images: no satellite here is storage- or downlink-bound. */
const PLENTY = 100e9

describe('edge policy "never" and "always"', () => {
  // TEST_BUS: minimum charge 20 %; a satellite below 30 % is not tasked, so not in the problem.
  const a = satellite(0, { id: 'A' })
  const b = satellite(1, { id: 'B' })
  const c = satellite(2, { id: 'C', mode: 'edge' })
  const dead = satellite(3, { id: 'D', failed: true })
  const low = satellite(4, { id: 'E', soc: 0.25 })
  const view = viewOf([a, b, c, dead, low])
  const problem = () => edgeProblem([a, b, c], { images: IMAGES, capacity: 8, downlinkBits: [0, 0, 0] })

  it('never: no decisions, the modes stay as they are', () => {
    const p = problem()
    const out = edgeDecisions(view, p, 'never')
    expect(out.decisions).toEqual([])
    expect(Array.from(out.edge)).toEqual([0, 0, 1])
  })

  it('always: every working raw satellite switches, tasked or not; the tasked ones plan edge', () => {
    const p = problem()
    const out = edgeDecisions(view, p, 'always')
    expect(out.decisions.map((d) => [d.kind, d.satellite, d.mode])).toEqual([
      ['setMode', 'A', 'edge'],
      ['setMode', 'B', 'edge'],
      ['setMode', 'E', 'edge'],
    ])
    for (const d of out.decisions) expect(d.rationale).toMatch(/^[ABE]: edge policy "always"/)
    // Columns: A, B, C. E is switched too but has no column to plan.
    expect(Array.from(out.edge)).toEqual([1, 1, 1])
  })

  it.each(['never', 'always', 'auto'] as const)('%s leaves the problem it was given unchanged', (policy) => {
    const p = problem()
    const out = edgeDecisions(view, p, policy)
    out.edge[2] = 0
    expect(Array.from(p.edge)).toEqual([0, 0, 1])
  })
})

describe('edge policy "auto": leaving edge mode on a low battery', () => {
  const minSoc = 0.2
  const a = satellite(0, { id: 'A', mode: 'edge', soc: 0.32 })
  const deadLow = satellite(1, { id: 'B', mode: 'edge', soc: 0.25, failed: true })
  const rawLow = satellite(2, { id: 'C', soc: 0.32 })
  const charged = satellite(3, { id: 'D', mode: 'edge', soc: 0.9 })
  const atMargin = satellite(4, { id: 'E', mode: 'edge', soc: minSoc + EDGE_EXIT_MARGIN })
  // Below the tasking margin: not in the problem, but still told to stop processing.
  const untasked = satellite(5, { id: 'F', mode: 'edge', soc: 0.25 })
  const view = viewOf([a, deadLow, rawLow, charged, atMargin, untasked])
  const tasked = [a, rawLow, charged, atMargin]
  const problem = () =>
    edgeProblem(tasked, { images: IMAGES, capacity: 8, downlinkBits: tasked.map(() => PLENTY) })

  it('switches back to raw exactly the working satellites in edge mode with too little charge', () => {
    const out = edgeDecisions(view, problem(), 'auto')
    expect(out.decisions.map((d) => [d.kind, d.satellite, d.mode])).toEqual([
      ['setMode', 'A', 'raw'],
      ['setMode', 'F', 'raw'],
    ])
    // Columns: A, C, D, E. Only A leaves edge; E, exactly at the margin, keeps it.
    expect(Array.from(out.edge)).toEqual([0, 0, 1, 1])
  })

  it('says why, with the real numbers: the charge, the margin and the minimum', () => {
    const out = edgeDecisions(view, problem(), 'auto')
    expect(out.decisions.map((d) => d.rationale)).toEqual([
      expect.stringContaining('A: battery at 32 %, within 15 % of its 20 % minimum'),
      expect.stringContaining('F: battery at 25 %, within 15 % of its 20 % minimum'),
    ])
  })
})
