// Orbits as facts, worker side: what the UI was last told about each satellite's orbit, and the
// message that brings it up to date. The engine counts orbit changes (`orbitRevision`: a burn, a
// restore); only when that count moved are the orbits compared with what was sent, so a step
// without a burn costs one number comparison. A restore to a state with the same orbits sends
// nothing; one across a burn sends the orbit from before the burn, with a new version.

import type { OrbitFact, Simulation } from '../core'
import type { OrbitsMessage } from './protocol'

/** Whether two orbit facts describe the same orbit (bit for bit). */
export function sameOrbit(a: OrbitFact, b: OrbitFact): boolean {
  if (a.kind === 'tle' || b.kind === 'tle')
    return a.kind === 'tle' && b.kind === 'tle' && a.line1 === b.line1 && a.line2 === b.line2
  // OMM elements are a flat record of numbers and strings: equal when their JSON is.
  if (a.kind === 'omm' || b.kind === 'omm')
    return a.kind === 'omm' && b.kind === 'omm' && JSON.stringify(a.omm) === JSON.stringify(b.omm)
  const x = a.elements
  const y = b.elements
  return (
    a.epochS === b.epochS &&
    x.a === y.a &&
    x.e === y.e &&
    x.i === y.i &&
    x.raan === y.raan &&
    x.argp === y.argp &&
    x.m0 === y.m0
  )
}

/** Per engine: the orbits sent so far and the version of the last message. */
export class OrbitFacts {
  private readonly sent: OrbitFact[] = []
  private seenRevision = Number.NaN
  private version = 0

  constructor(readonly strategy: string) {}

  /** The orbits that changed since the last message (all of them the first time), or null. */
  update(sim: Simulation): OrbitsMessage | null {
    const revision = sim.orbitRevision()
    if (revision === this.seenRevision) return null
    this.seenRevision = revision
    const changed: OrbitsMessage['changed'] = []
    const n = sim.world.satCount
    for (let k = 0; k < n; k++) {
      const before = this.sent[k]
      if (before !== undefined && before.kind !== 'kepler') continue // an element-set satellite never burns
      const orbit = sim.orbit(k)
      if (before && sameOrbit(before, orbit)) continue
      this.sent[k] = orbit
      changed.push({ index: k, orbit })
    }
    if (changed.length === 0) return null
    return { type: 'orbits', strategy: this.strategy, version: ++this.version, changed }
  }
}
