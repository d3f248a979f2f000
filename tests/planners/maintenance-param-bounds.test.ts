// The documented bounds of every maintenance planner's parameters, checked through the path a
// scenario author's strategy takes (registry.bind, as the CLI and the worker use it): the value
// at each bound (or just inside an open one) binds, the value just outside is refused with a
// message that names the strategy, the parameter and the bound.

import { describe, expect, it } from 'vitest'
import { registry } from '../../src/planners'

type BoundKind = 'min' | 'gt' | 'max' | 'lt'
/** One parameter's bounds as the schema states them: min x ≥, gt x >, max x ≤, lt x <. */
type Bounds = Partial<Record<BoundKind, number>> & { int?: true }

/** A step small next to every bound, large enough to change a float near 1000. */
const EPS = 1e-6

const BOUNDS: Record<string, Record<string, Bounds>> = {
  cusum: {
    mu0: { gt: 0, max: 1.5 },
    k: { min: 0, max: 20 },
    h: { gt: 0, max: 1000 },
    cap: { gt: 0, max: 100 },
    minSamples: { int: true, min: 4, max: 1000 },
    localSamples: { int: true, min: 1, max: 50 },
    retireBelow: { gt: 0, lt: 1 },
  },
  threshold: {
    threshold: { gt: 0, lt: 1 },
    samples: { int: true, min: 1, max: 50 },
  },
  trend: {
    windowH: { gt: 0, max: 48 },
    horizonH: { gt: 0, max: 240 },
    retireWithinH: { min: 0, max: 240 },
    k: { gt: 0, max: 50 },
    margin: { min: 0, max: 20 },
    confirmCalls: { int: true, min: 1, max: 12 },
    minSamples: { int: true, min: 4, max: 1000 },
  },
}

/** The value just inside and just outside a bound, and the message zod gives for the outside one. */
function probe(
  kind: BoundKind,
  at: number,
  int: boolean,
): { inside: number; outside: number; message: string } {
  const step = int ? 1 : EPS
  switch (kind) {
    case 'min':
      return { inside: at, outside: at - step, message: `Too small: expected number to be >=${at}` }
    case 'gt':
      return { inside: at + step, outside: at, message: `Too small: expected number to be >${at}` }
    case 'max':
      return { inside: at, outside: at + step, message: `Too big: expected number to be <=${at}` }
    case 'lt':
      return { inside: at - step, outside: at, message: `Too big: expected number to be <${at}` }
  }
}

const KINDS: BoundKind[] = ['min', 'gt', 'max', 'lt']

const bindWith = (planner: string, params: Record<string, unknown>) =>
  registry.bind({ name: 'author', maintenance: planner, params: { maintenance: params } })

const cases = Object.entries(BOUNDS).flatMap(([planner, fields]) =>
  Object.entries(fields).flatMap(([field, b]) =>
    KINDS.filter((kind) => b[kind] !== undefined).map((kind) => ({
      planner,
      field,
      bound: `${kind} ${b[kind]}`,
      ...probe(kind, b[kind] as number, b.int ?? false),
    })),
  ),
)

describe('maintenance planner parameter bounds, through registry.bind', () => {
  it.each(cases)('$planner.$field: $bound', ({ planner, field, inside, outside, message }) => {
    const ok = bindWith(planner, { [field]: inside })
    expect(ok.problems).toEqual([])
    expect(ok.planners.map((p) => p.id)).toEqual([`maintenance/${planner}`])
    const bad = bindWith(planner, { [field]: outside })
    expect(bad.planners).toEqual([])
    expect(bad.problems).toEqual([`strategy "author": params.maintenance: ${field}: ${message}`])
  })

  it('integer counts refuse a fraction between their bounds', () => {
    for (const [planner, fields] of Object.entries(BOUNDS))
      for (const [field, b] of Object.entries(fields)) {
        if (!b.int) continue
        const between = Math.floor(((b.min as number) + (b.max as number)) / 2) + 0.5
        expect(bindWith(planner, { [field]: between }).problems[0]).toContain(`${field}: `)
      }
  })
})
