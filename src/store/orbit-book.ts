// The orbits of one strategy's engine as the worker last said (worker/protocol.ts OrbitsMessage):
// a plain, mutable book the session updates in message order and the scene reads per frame,
// redrawing its loops when `version` moves. No inference here: the book holds what the engine
// propagates, so a loop drawn from it is the engine's orbit.

import type { OrbitFact, OrbitsMessage } from '../worker/protocol'

export interface OrbitBook {
  /** Version of the last message applied (0: none yet). */
  version: number
  /** Each satellite's orbit in frame order (undefined until the first message). */
  orbits: (OrbitFact | undefined)[]
}

export function emptyOrbitBook(satellites: number): OrbitBook {
  return { version: 0, orbits: new Array<OrbitFact | undefined>(satellites).fill(undefined) }
}

/**
 * Writes a message's orbits into the book. A message not newer than the book is ignored (false),
 * and so is an entry whose index lies outside the fleet: the book never grows or goes back.
 */
export function applyOrbits(book: OrbitBook, msg: OrbitsMessage): boolean {
  if (!(msg.version > book.version)) return false
  for (const { index, orbit } of msg.changed) {
    if (Number.isInteger(index) && index >= 0 && index < book.orbits.length) book.orbits[index] = orbit
  }
  book.version = msg.version
  return true
}
