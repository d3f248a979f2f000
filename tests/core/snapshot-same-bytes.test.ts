// sameBytes and cloneSharing on their own, with inputs the engine's snapshots do not produce
// today (views at byte offsets that are not multiples of 4, lengths or element types that differ,
// a field that is an array on one side only): snapshot sharing must compare every byte of two views,
// never report equal what differs, never hand back an array of another type or length, and never
// throw. The expected answers are worked out here from the bytes written.

import { describe, expect, it } from 'vitest'
import { cloneSharing, sameBytes } from '../../src/core/engine/snapshot-share'

/** A Uint8Array of `bytes` starting `offset` bytes into a larger buffer. */
function at(offset: number, bytes: number[]): Uint8Array {
  const view = new Uint8Array(new ArrayBuffer(offset + bytes.length + 3), offset, bytes.length)
  view.set(bytes)
  return view
}

const NINE = [1, 2, 3, 4, 5, 6, 7, 8, 9]

describe('sameBytes', () => {
  it('compares views that do not start on a 32-bit boundary, either one or both', () => {
    const changedFirst = [0, ...NINE.slice(1)]
    const changedLast = [...NINE.slice(0, 8), 0]
    for (const [p, q] of [
      [1, 1],
      [1, 0],
      [0, 1],
      [2, 3],
      [0, 4],
    ]) {
      const where = `offsets ${p}, ${q}`
      expect(sameBytes(at(p, NINE), at(q, NINE)), where).toBe(true)
      expect(sameBytes(at(p, NINE), at(q, changedFirst)), where).toBe(false)
      expect(sameBytes(at(p, NINE), at(q, changedLast)), where).toBe(false)
    }
    // Fewer than four bytes, off the boundary: no whole word to compare.
    expect(sameBytes(at(1, [7, 8]), at(1, [7, 8]))).toBe(true)
    expect(sameBytes(at(1, [7, 8]), at(2, [7, 9]))).toBe(false)
  })

  it('compares the bytes after the last whole word', () => {
    const seven = [10, 20, 30, 40, 50, 60, 70]
    expect(sameBytes(Uint8Array.from(seven), Uint8Array.from(seven))).toBe(true)
    for (let i = 4; i < 7; i++) {
      const other = [...seven]
      other[i] = 0
      expect(sameBytes(Uint8Array.from(seven), Uint8Array.from(other)), `byte ${i}`).toBe(false)
    }
  })

  it('is false for arrays of different lengths, even when one begins with the other', () => {
    expect(sameBytes(Uint8Array.from([1, 2, 3, 4]), Uint8Array.from([1, 2, 3, 4, 5]))).toBe(false)
    expect(sameBytes(Uint8Array.from([1, 2, 3, 4, 5]), Uint8Array.from([1, 2, 3, 4]))).toBe(false)
  })

  it('is false for arrays of different types holding the same bytes', () => {
    const f = Float32Array.from([1.5, -2])
    const i = new Int32Array(f.buffer.slice(0))
    expect(new Uint8Array(i.buffer)).toEqual(new Uint8Array(f.buffer))
    expect(sameBytes(f, i)).toBe(false)
  })
})

describe('cloneSharing', () => {
  it("shares only a base array of the same type and length as live's", () => {
    const live: { a: Int32Array | Float32Array; b: Uint8Array; c: Uint8Array } = {
      a: Int32Array.from([1, 2]),
      b: Uint8Array.from([1, 2, 3, 4]),
      c: Uint8Array.from([5]),
    }
    const base = {
      a: new Float32Array(Int32Array.from([1, 2]).buffer),
      b: Uint8Array.from([1, 2, 3, 4, 9]),
      c: Uint8Array.from([5]),
    }
    const copy = cloneSharing(live, base)
    expect(copy.a).toBeInstanceOf(Int32Array)
    expect([...copy.a]).toEqual([1, 2])
    expect([...copy.b]).toEqual([1, 2, 3, 4])
    expect(copy.c).toBe(base.c)
  })

  it('copies an array whose field in the base is not an array', () => {
    const live: { a: Uint8Array | null; n: number } = { a: Uint8Array.from([1, 2, 3]), n: 2 }
    const copy = cloneSharing(live, { a: null, n: 1 })
    expect(copy).toEqual({ a: Uint8Array.from([1, 2, 3]), n: 2 })
    expect(copy.a).not.toBe(live.a)
  })

  it('keeps a field that is not an array now, though it was one in the base', () => {
    const live: { a: Uint8Array | null } = { a: null }
    expect(cloneSharing(live, { a: Uint8Array.from([1]) })).toEqual({ a: null })
  })
})
