// Frame buffers sent back by the UI once drawn, for the next frames to reuse. Frames transfer
// their typed arrays to the UI (no copy); without recycling, every frame would allocate fresh
// ones on this side and leave garbage on the UI's — at 10,000 satellites about 150 KB a frame,
// which the UI's collector then spends main-thread time on.

/** Spare buffers kept per size: enough for a few frames of several strategies. */
const MAX_PER_SIZE = 12

export class BufferPool {
  private readonly spare = new Map<number, ArrayBuffer[]>()

  /** A buffer of exactly `bytes` bytes: a returned one if any, else a new one (zero-filled). */
  take(bytes: number): ArrayBuffer {
    const list = this.spare.get(bytes)
    return list?.pop() ?? new ArrayBuffer(bytes)
  }

  /** Buffers back from the UI. Anything that is not an intact ArrayBuffer is ignored. */
  give(buffers: unknown): void {
    if (!Array.isArray(buffers)) return
    for (const b of buffers) {
      if (!(b instanceof ArrayBuffer) || b.byteLength === 0) continue
      const list = this.spare.get(b.byteLength) ?? []
      if (list.length >= MAX_PER_SIZE) continue
      list.push(b)
      this.spare.set(b.byteLength, list)
    }
  }

  /** Forget every spare (a new scenario has other sizes). */
  clear(): void {
    this.spare.clear()
  }
}
