// When the "auto" edge policy switches a raw satellite to edge, on its boundaries (one satellite,
// four 1 Gb images it could all take, a budget of 8): downlink-bound means strictly more to send
// than its station time carries, and that time carries at least one processed image (10 %:
// 0.1 Gb); the battery allows it when processing one image costs at most half the charge above
// EDGE_ENTER_MARGIN (0.3) over its minimum, and never without charge above that margin.

import { describe, expect, it } from 'vitest'
import { edgeDecisions } from '../../src/planners/allocation/edge-mode'
import { edgeProblem, type SatOptions, satellite, viewOf } from './allocation-edge-problem'

const GB = 1e9

/** The auto policy's call for one raw satellite with this much station time (bits) in the horizon. */
function auto(o: Omit<SatOptions, 'id'>, downlinkBits: number) {
  const s = satellite(0, { id: 'S', ...o })
  const p = edgeProblem([s], { images: [GB, GB, GB, GB], capacity: 8, downlinkBits: [downlinkBits] })
  const out = edgeDecisions(viewOf([s]), p, 'auto')
  return { edge: out.edge[0], rationale: out.decisions.map((d) => d.rationale) }
}

describe('auto edge entry: downlink-bound', () => {
  // TEST_BUS: 64 Gb of storage, so storage alone is never the bottleneck here.
  // 1 Gb already on board plus the 4 images: 5 Gb to send.
  const onBoard = { storageUsedBits: GB }

  it('not when the station time carries exactly what there is to send', () => {
    expect(auto(onBoard, 5 * GB).edge).toBe(0)
  })

  it('when there is a bit more to send than the station time carries', () => {
    const out = auto(onBoard, 5 * GB - 1)
    expect(out.edge).toBe(1)
    expect(out.rationale).toEqual([expect.stringContaining('5.0 Gb to send against 5.0 Gb')])
  })

  it('when the station time carries exactly one processed image (0.1 Gb), not less', () => {
    expect(auto(onBoard, 0.1 * GB).edge).toBe(1)
    expect(auto(onBoard, 0.1 * GB - 1).edge).toBe(0)
    expect(auto(onBoard, 0).edge).toBe(0)
  })
})

describe('auto edge entry: the battery', () => {
  // Storage-bound: 2.5 Gb of storage and no station time hold 2 of the 4 images.
  const small = { storageBits: 2.5 * GB }

  it('enters with charge to spare and says so in numbers', () => {
    // 40 % above the 50 % line of a 1200 Wh battery: 480 Wh; one image: 1 Gb at 20 Mbit/s
    // takes 50 s at 60 W, 3000 J (0.8 Wh).
    const out = auto({ bus: small }, 0)
    expect(out.edge).toBe(1)
    expect(out.rationale).toEqual([
      expect.stringContaining(
        'storage and downlink hold 2 of the 4 raw images it could take; processing an image on ' +
          'board costs 1 Wh of the 480 Wh above its reserve',
      ),
    ])
  })

  // A 12 kJ battery at 80 % with a 0 % minimum: 0.5 × 12 kJ = 6000 J above the margin.
  const tiny = { ...small, minSoc: 0, batteryCapacityJ: 12_000 }

  it('enters when one image costs exactly half the spare charge (60 W × 50 s = 3000 J)', () => {
    expect(auto({ soc: 0.8, bus: tiny }, 0).edge).toBe(1)
  })

  it('not when one image costs more than half of it (61 W × 50 s = 3050 J)', () => {
    expect(auto({ soc: 0.8, bus: { ...tiny, processingLoadW: 61 } }, 0).edge).toBe(0)
  })

  it('not without charge above the margin, even when processing costs nothing', () => {
    expect(auto({ soc: 0.3, bus: { ...tiny, processingLoadW: 0 } }, 0).edge).toBe(0)
  })

  it('not below the margin (45 % with a 20 % minimum)', () => {
    expect(auto({ soc: 0.45, bus: small }, 0).edge).toBe(0)
  })
})
