// The differences view's inputs: per task and per satellite, whether the strategies of one frame
// disagree; and the assignment lines each pane draws from its own strategy's frame.

import { describe, expect, it } from 'vitest'
import { statusDifferences, taskDifferences } from '../../src/scene/differences'
import { writeAssignmentSegments } from '../../src/scene/sim/TaskLinks'
import type { StrategyFrame } from '../../src/worker/protocol'

function frame(status: number[], taskState?: number[]): StrategyFrame {
  return {
    strategy: 'x',
    positionsKm: new Float32Array(3 * status.length),
    status: Uint8Array.from(status),
    linkStation: new Int16Array(status.length).fill(-1),
    taskState: taskState ? Uint8Array.from(taskState) : undefined,
  }
}

describe('differences between strategies', () => {
  it('flags a task captured in one strategy and missed in another, not the ones alike everywhere', () => {
    const out = new Uint8Array(4)
    const n = taskDifferences(
      [frame([0], [5, 4, 6, 2]), frame([0], [5, 6, 6, 2]), frame([0], [5, 4, 6, 3])],
      out,
    )
    expect(Array.from(out)).toEqual([0, 1, 0, 1])
    expect(n).toBe(2)
  })

  it('flags a satellite failed in one strategy only', () => {
    const out = new Uint8Array(3)
    expect(statusDifferences([frame([0, 2, 3]), frame([0, 0, 3])], out)).toBe(1)
    expect(Array.from(out)).toEqual([0, 1, 0])
  })

  it('finds nothing to compare with one strategy or frames without outcomes', () => {
    const out = new Uint8Array(2).fill(1)
    expect(taskDifferences([frame([0], [1, 2])], out)).toBe(0)
    expect(Array.from(out)).toEqual([0, 0])
    expect(taskDifferences([frame([0], [1, 2]), frame([0])], out)).toBe(0)
  })
})

describe('writeAssignmentSegments', () => {
  it('draws one line per assigned task, from its satellite to its target, skipping bad indices', () => {
    const positionsKm = Float32Array.from([1000, 0, 0, 0, 2000, 0])
    const targets = Float32Array.from([1, 0, 0, 0, 1, 0, 0, 0, 1])
    const out = new Float32Array(18)
    const n = writeAssignmentSegments(positionsKm, 2, Int16Array.from([1, -1, 7]), targets, 0.001, out)
    expect(n).toBe(1)
    expect(Array.from(out.subarray(0, 6))).toEqual([0, 2, 0, 1, 0, 0])
  })
})

describe('three console', () => {
  it('drops only the Clock deprecation R3F triggers, keeps the rest', async () => {
    const { keepThreeMessage } = await import('../../src/scene/three-console')
    expect(
      keepThreeMessage('THREE.Clock: This module has been deprecated. Please use THREE.Timer instead.'),
    ).toBe(false)
    expect(keepThreeMessage('THREE.WebGLRenderer: Context Lost.')).toBe(true)
    expect(keepThreeMessage('THREE.Material: parameter is deprecated')).toBe(true)
  })
})
