// predictOpportunities' time grid, by hand: with a satellite hovering over a target (it can image
// it at every step) the first opportunity in a block is the first engine step that is in the
// call's span, the task's window and the block, whatever the coarse sample spacing; a hovering
// satellite on the other side of the Earth never can. Covers the step rounding, the window and
// horizon clipping, the block layout and the empty cases.

import { describe, expect, it } from 'vitest'
import { predictOpportunities } from '../../src/planners/allocation/opportunities'
import { type GroundTask, groundView } from './ground-view'

const HERE = { latDeg: 10, lonDeg: 20 }
const AWAY = { latDeg: -10, lonDeg: -160 }

/** One satellite over HERE; tasks at HERE with the given windows. */
function hover(windows: [number, number][], durationS = 86_400) {
  const tasks: GroundTask[] = windows.map(([windowStartS, windowEndS]) => ({
    ...HERE,
    windowStartS,
    windowEndS,
  }))
  return groundView({ durationS, sats: [{ over: HERE }], tasks }).view
}

const firsts = (o: { firstS: Float64Array }) => Array.from(o.firstS)

describe('predictOpportunities on a hand-made time grid', () => {
  it('rounds the sample spacing to whole engine steps, at least one', () => {
    const view = hover([])
    const spacing = (s: number) => predictOpportunities(view, [], view.satellites, 0, 3600, s).sampleS
    expect(spacing(100)).toBe(90)
    expect(spacing(45)).toBe(60)
    expect(spacing(10)).toBe(30)
    expect(spacing(900)).toBe(900)
  })

  it.each([30, 90, 300, 900])('finds the first step in span and window with %i s samples', (sampleS) => {
    const view = hover([
      [0, 86_400],
      [1000, 86_400],
      [1020, 86_400],
      [1000, 1019],
      [0, 59],
      [0, 60],
      [7300, 9000],
    ])
    // fromS 31 → first step 60; toS 7200 → the last window starts too late.
    const o = predictOpportunities(view, view.tasks, view.satellites, 31, 7200, sampleS)
    expect(o.blocks).toBe(1)
    expect(o.firstBlock).toBe(0)
    expect(firsts(o)).toEqual([60, 1020, 1020, Number.NaN, Number.NaN, 60, Number.NaN])
  })

  it('finds a pass exactly at the last step of the span, and none past the run', () => {
    const view = hover([[0, 86_400]], 600)
    expect(firsts(predictOpportunities(view, view.tasks, view.satellites, 90, 90, 300))).toEqual([90])
    expect(firsts(predictOpportunities(view, view.tasks, view.satellites, 581, 5000, 300))).toEqual([600])
    expect(firsts(predictOpportunities(view, view.tasks, view.satellites, 601, 5000, 300))).toEqual([
      Number.NaN,
    ])
  })

  it('never reports a satellite that cannot see the target', () => {
    const { view } = groundView({ sats: [{ over: AWAY }], tasks: [{ ...HERE }] })
    expect(firsts(predictOpportunities(view, view.tasks, view.satellites, 0, 7200, 120))).toEqual([
      Number.NaN,
    ])
  })

  it('lays out rows × satellites × blocks, the first step of each block', () => {
    const { view } = groundView({
      sats: [{ over: HERE }, { over: AWAY }],
      tasks: [
        { ...HERE, windowStartS: 5000 },
        { ...AWAY, windowEndS: 7000 },
      ],
    })
    // fromS 3000, toS 10 000, blocks of 3600 s: blocks 0, 1, 2.
    const o = predictOpportunities(view, view.tasks, view.satellites, 3000, 10_000, 120, 3600)
    expect(o.firstBlock).toBe(0)
    expect(o.blocks).toBe(3)
    const N = Number.NaN
    expect(firsts(o)).toEqual([
      // task 0 (HERE, from 5000): satellite 0 sees it, satellite 1 not.
      ...[N, 5010, 7200],
      ...[N, N, N],
      // task 1 (AWAY, until 7000): satellite 1 only.
      ...[N, N, N],
      ...[3000, 3600, N],
    ])
  })

  it('numbers blocks from the epoch and ends them at the run', () => {
    const view = hover([[0, 86_400]], 12_000)
    const late = predictOpportunities(view, view.tasks, view.satellites, 7300, 20_000, 120, 3600)
    expect(late.firstBlock).toBe(2)
    expect(late.blocks).toBe(2)
    expect(firsts(late)).toEqual([7320, 10_800])
    // A block starting exactly at a step boundary belongs to that block.
    const edge = predictOpportunities(view, view.tasks, view.satellites, 3600, 7200, 120, 3600)
    expect(edge.firstBlock).toBe(1)
    expect(edge.blocks).toBe(2)
    expect(firsts(edge)).toEqual([3600, 7200])
  })

  it('has one block without a block length, wherever the span starts', () => {
    const view = hover([[0, 86_400]])
    const o = predictOpportunities(view, view.tasks, view.satellites, 7300, 20_000, 120)
    expect(o.firstBlock).toBe(0)
    expect(o.blocks).toBe(1)
    expect(firsts(o)).toEqual([7320])
  })

  it('returns an empty answer for an empty span or no satellites', () => {
    const view = hover([[0, 86_400]])
    const none = predictOpportunities(view, view.tasks, view.satellites, 100, 100, 120, 3600)
    expect(none.blocks).toBe(1)
    expect(firsts(none)).toEqual([Number.NaN])
    expect(Array.from(none.contactS)).toEqual([0])
    const noSats = predictOpportunities(view, view.tasks, [], 0, 10_000, 100, 3600)
    expect(noSats.firstS.length).toBe(0)
    expect(noSats.contactS.length).toBe(0)
    expect(noSats.blocks).toBe(3)
    expect(noSats.sampleS).toBe(90)
  })
})
