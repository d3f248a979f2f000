// Frame packing and pacing: positions in km (blended while playing), status and links copied,
// buffers the UI gave back reused, at most one frame ahead of the UI unless it went silent.

import { describe, expect, it } from 'vitest'
import { createSimulation } from '../../src/core'
import { copyPrevious, FramePacker, type FrameSource, STALE_ACK_MS } from '../../src/worker/frames'
import { makeSpec } from '../support/spec-fixture'

function source(): FrameSource {
  const sim = createSimulation(makeSpec())
  return { name: 'none', sim, prev: new Float64Array(sim.state().pos.length) }
}

describe('FramePacker', () => {
  it('packs positions in km, or blended between the previous and the current step', () => {
    const e = source()
    copyPrevious([e])
    const before = Array.from(e.sim.state().pos)
    e.sim.step()
    const now = e.sim.state().pos
    const packer = new FramePacker()
    const exact = packer.pack([e], { timeS: 30, epochMs: e.sim.spec.epochMs, playing: false, alpha: null })
    expect(exact.message.seq).toBe(1)
    expect(exact.message.frames[0].positionsKm[4]).toBeCloseTo(now[4] / 1000, 3)
    const half = packer.pack([e], { timeS: 15, epochMs: e.sim.spec.epochMs, playing: true, alpha: 0.5 })
    expect(half.message.seq).toBe(2)
    expect(half.message.frames[0].positionsKm[4]).toBeCloseTo((before[4] + now[4]) / 2000, 3)
    expect(Array.from(half.message.frames[0].status)).toEqual(Array.from(e.sim.state().status))
    expect(half.transfer).toHaveLength(3)
    expect(half.message.sunEci.every(Number.isFinite)).toBe(true)
  })

  it('reuses the buffers the UI gives back, and ignores anything else', () => {
    const e = source()
    const packer = new FramePacker()
    const view = { timeS: 0, epochMs: 0, playing: false, alpha: null }
    const first = packer.pack([e], view).message.frames[0]
    packer.shown(1, [first.positionsKm.buffer, 'junk', new ArrayBuffer(0)])
    expect(packer.pack([e], view).message.frames[0].positionsKm.buffer).toBe(first.positionsKm.buffer)
    expect(packer.pack([e], view).message.frames[0].positionsKm.buffer).not.toBe(first.positionsKm.buffer)
  })

  it('waits for the UI to draw before sending more than one frame ahead, but not forever', () => {
    const e = source()
    const packer = new FramePacker()
    const view = { timeS: 0, epochMs: 0, playing: true, alpha: null }
    expect(packer.due(0)).toBe(true)
    packer.sentAt(0)
    packer.pack([e], view)
    packer.sentAt(0)
    packer.pack([e], view)
    expect(packer.due(100)).toBe(false)
    expect(packer.due(STALE_ACK_MS)).toBe(true)
    packer.shown(99, undefined) // a seq never sent: ignored
    expect(packer.due(100)).toBe(false)
    packer.shown(1, undefined)
    expect(packer.due(100)).toBe(true)
    packer.reset()
    expect(packer.pack([e], view).message.seq).toBe(1)
  })
})
