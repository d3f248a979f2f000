// The orbit books on the UI side: a message lands in its own strategy's book, an older or
// repeated version changes nothing, an index outside the fleet is dropped, and a new run starts
// with new, empty books.

import { describe, expect, it, vi } from 'vitest'
import type { ScenarioSpec } from '../../src/core/spec'
import { applyOrbits, emptyOrbitBook } from '../../src/store/orbit-book'
import { createSession } from '../../src/store/session'
import type { FromWorker, OrbitFact, OrbitsMessage } from '../../src/worker/protocol'

const orbit = (epochS: number): OrbitFact => ({
  kind: 'kepler',
  elements: { a: 7e6, e: 0, i: 1, raan: 0, argp: 0, m0: 0 },
  epochS,
})
const msg = (strategy: string, version: number, changed: OrbitsMessage['changed']): OrbitsMessage => ({
  type: 'orbits',
  strategy,
  version,
  changed,
})

describe('applyOrbits', () => {
  it('applies newer versions only, and never outside the fleet', () => {
    const book = emptyOrbitBook(2)
    expect(
      applyOrbits(
        book,
        msg('a', 1, [
          { index: 0, orbit: orbit(0) },
          { index: 5, orbit: orbit(0) },
        ]),
      ),
    ).toBe(true)
    expect(book.orbits).toEqual([orbit(0), undefined])
    expect(applyOrbits(book, msg('a', 1, [{ index: 1, orbit: orbit(60) }]))).toBe(false)
    expect(book.orbits[1]).toBeUndefined()
    expect(
      applyOrbits(
        book,
        msg('a', 2, [
          { index: -1, orbit: orbit(9) },
          { index: 1, orbit: orbit(60) },
        ]),
      ),
    ).toBe(true)
    expect(book).toEqual({ version: 2, orbits: [orbit(0), orbit(60)] })
  })
})

describe('the session’s orbit books', () => {
  it('routes each strategy’s orbits to its own book and starts over with a new run', () => {
    let emit: (m: FromWorker) => void = () => {}
    const session = createSession(() => ({
      post: () => {},
      listen: (fn) => {
        emit = fn
      },
      terminate: vi.fn(),
    }))
    const loaded = (strategies: string[]): FromWorker => ({
      type: 'loaded',
      file: 'f.json',
      source: { kind: 'library', key: 's' },
      scenario: { id: 's', durationS: 3600, stepS: 30 } as unknown as ScenarioSpec,
      satelliteIds: ['X1', 'X2'],
      strategies,
      planners: {},
      seed: 7,
      totalSteps: 120,
      snapshotEvery: 10,
      notes: [],
    })
    emit(loaded(['a', 'b']))
    emit(msg('b', 1, [{ index: 1, orbit: orbit(30) }]))
    emit(msg('ghost', 1, [{ index: 0, orbit: orbit(30) }]))
    const [a, b] = session.orbits()
    expect(a).toEqual({ version: 0, orbits: [undefined, undefined] })
    expect(b).toEqual({ version: 1, orbits: [undefined, orbit(30)] })
    emit(loaded(['b']))
    expect(session.orbits()).toEqual([{ version: 0, orbits: [undefined, undefined] }])
    expect(session.orbits()[0]).not.toBe(b)
    session.dispose()
  })
})
