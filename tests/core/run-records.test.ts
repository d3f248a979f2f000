// The pool of open-window slots (run-records.ts): it starts with 64 slots and doubles when the
// access tracker has taken them all. Growing must keep what the taken slots hold and make every
// new slot free exactly once, or windows would overwrite each other (a slot handed out twice) or
// the pool would leak a slot with each doubling.

import { describe, expect, it } from 'vitest'
import { growSlots, initialAccess, SLOT_FIELDS } from '../../src/core/engine/run-records'

/** Takes every free slot, as the tracker does (pop from the top), writing a mark into each. */
function takeAll(a: ReturnType<typeof initialAccess>): number[] {
  const taken: number[] = []
  while (a.freeCount > 0) {
    const slot = a.free[--a.freeCount]
    a.slots[slot * SLOT_FIELDS] = 1000 + slot
    a.slotFlags[slot] = (slot % 3) + 1
    taken.push(slot)
  }
  return taken
}

describe('the slot pool', () => {
  it('hands out its first 64 slots in order, each once', () => {
    const a = initialAccess(2, 3, 1)
    expect(takeAll(a)).toEqual(Array.from({ length: 64 }, (_, i) => i))
  })

  it('doubles when every slot is taken: old slots keep their data, each new slot is free once, in order', () => {
    const a = initialAccess(2, 3, 1)
    takeAll(a)
    growSlots(a)
    expect(a.slotFlags.length).toBe(128)
    expect(a.slots.length).toBe(128 * SLOT_FIELDS)
    expect(a.freeCount).toBe(64)
    for (let slot = 0; slot < 64; slot++) {
      expect(a.slots[slot * SLOT_FIELDS]).toBe(1000 + slot)
      expect(a.slotFlags[slot]).toBe((slot % 3) + 1)
    }
    // The new slots 64 … 127, each exactly once, lowest first.
    expect(takeAll(a)).toEqual(Array.from({ length: 64 }, (_, i) => 64 + i))
    growSlots(a)
    expect(takeAll(a)).toEqual(Array.from({ length: 128 }, (_, i) => 128 + i))
  })
})
