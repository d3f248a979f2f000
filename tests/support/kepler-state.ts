// The state of every satellite of a KeplerSet at one time, as a fresh array: positions (3 per
// satellite) then velocities, so two sets can be compared bit for bit with one toEqual.

import type { KeplerSet } from '../../src/core/kepler-set'

export function propagated(set: KeplerSet, t: number, j2: boolean): Float64Array {
  const pos = new Float64Array(3 * set.count)
  const vel = new Float64Array(3 * set.count)
  set.propagate(t, j2, pos, vel)
  const out = new Float64Array(6 * set.count)
  out.set(pos)
  out.set(vel, pos.length)
  return out
}
