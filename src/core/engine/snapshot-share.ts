// What a snapshot holds, kept small so that many fit a memory budget:
//   - nothing the restore computes again: the geometry pass that ends every restore rewrites
//     the Earth-fixed positions, the sunlit flags and the visibility masks of every satellite from
//     the positions, and the geodetic cache is recomputed when read, so those arrays stay empty;
//   - nothing it already has: a snapshot is plain data nobody writes (restore clones it), so a
//     typed array whose bytes equal the same field of an earlier snapshot is that earlier array,
//     not a copy. At 10,000 satellites most of the state (elements, health, profiles, stores,
//     flags) stays the same from one snapshot to the next.

import type { SimState } from './state'

/** State fields a restore recomputes from the positions (geometry pass, geodetic cache). */
const DERIVED = ['ecef', 'geo', 'sunlit', 'visible'] as const
const EMPTY = {
  ecef: new Float64Array(0),
  geo: new Float64Array(0),
  sunlit: new Uint8Array(0),
  visible: new Uint32Array(0),
}

/** `s` for a snapshot: the derived arrays left empty (the rest is the live state, not copied). */
export function withoutDerived(s: SimState): SimState {
  return { ...s, ...EMPTY }
}

/**
 * Gives a state restored from a snapshot its derived arrays back, sized like `live`'s (the same
 * world), for the geometry pass to fill. A snapshot that kept them keeps its own.
 */
export function refillDerived(restored: SimState, live: SimState): void {
  for (const key of DERIVED) {
    const own = restored[key]
    const like = live[key]
    if (own.length !== like.length)
      (restored as unknown as Record<string, unknown>)[key] = like.slice().fill(0)
  }
}

/** Whether two typed arrays hold the same bytes (bit for bit: NaN equals NaN, −0 is not 0). */
export function sameBytes(a: ArrayBufferView, b: ArrayBufferView): boolean {
  if (a.byteLength !== b.byteLength || a.constructor !== b.constructor) return false
  const n = a.byteLength
  // Whole 32-bit words where both views are aligned, the rest byte by byte.
  const words = a.byteOffset % 4 === 0 && b.byteOffset % 4 === 0 ? n >> 2 : 0
  if (words > 0) {
    const x = new Int32Array(a.buffer, a.byteOffset, words)
    const y = new Int32Array(b.buffer, b.byteOffset, words)
    for (let k = 0; k < words; k++) if (x[k] !== y[k]) return false
  }
  const u = new Uint8Array(a.buffer, a.byteOffset, n)
  const v = new Uint8Array(b.buffer, b.byteOffset, n)
  for (let k = words << 2; k < n; k++) if (u[k] !== v[k]) return false
  return true
}

/**
 * A structured clone of `live` in which every top-level typed array equal to the same field of
 * `base` is `base`'s array itself (not copied). Without a base, a plain structured clone.
 */
export function cloneSharing<T extends object>(live: T, base: T | undefined): T {
  if (!base) return structuredClone(live)
  const copy: Record<string, unknown> = { ...(live as Record<string, unknown>) }
  const shared: Record<string, unknown> = {}
  const from = base as Record<string, unknown>
  for (const [key, value] of Object.entries(copy)) {
    const before = from[key]
    if (ArrayBuffer.isView(value) && ArrayBuffer.isView(before) && sameBytes(value, before)) {
      shared[key] = before
      copy[key] = null
    }
  }
  return Object.assign(structuredClone(copy), shared) as T
}
