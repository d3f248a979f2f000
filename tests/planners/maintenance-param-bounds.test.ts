// The documented bounds of every maintenance planner's parameters, checked through the path a
// scenario author's strategy takes (registry.bind, as the CLI and the worker use it): the value
// at each bound (or just inside an open one) binds, the value just outside is refused with a
// message that names the strategy, the parameter and the bound.

import { describe, expect, it } from 'vitest'
import { registry } from '../../src/planners'

type Bound =
  | { kind: 'min'; at: number } // x ≥ at
  | { kind: 'gt'; at: number } // x > at
  | { kind: 'max'; at: number } // x ≤ at
  | { kind: 'lt'; at: number } // x < at

/** A step small next to every bound, large enough to change a float near 1000. */
const EPS = 1e-6

const BOUNDS: Record<string, Record<string, { int?: boolean; bounds: Bound[] }>> = {
  cusum: {
    mu0: { bounds: [{ kind: 'gt', at: 0 }, { kind: 'max', at: 1.5 }] },
    k: { bounds: [{ kind: 'min', at: 0 }, { kind: 'max', at: 20 }] },
    h: { bounds: [{ kind: 'gt', at: 0 }, { kind: 'max', at: 1000 }] },
    cap: { bounds: [{ kind: 'gt', at: 0 }, { kind: 'max', at: 100 }] },
    minSamples: { int: true, bounds: [{ kind: 'min', at: 4 }, { kind: 'max', at: 1000 }] },
    localSamples: { int: true, bounds: [{ kind: 'min', at: 1 }, { kind: 'max', at: 50 }] },
    retireBelow: { bounds: [{ kind: 'gt', at: 0 }, { kind: 'lt', at: 1 }] },
  },
  threshold: {
    threshold: { bounds: [{ kind: 'gt', at: 0 }, { kind: 'lt', at: 1 }] },
    samples: { int: true, bounds: [{ kind: 'min', at: 1 }, { kind: 'max', at: 50 }] },
  },
  trend: {
    windowH: { bounds: [{ kind: 'gt', at: 0 }, { kind: 'max', at: 48 }] },
    horizonH: { bounds: [{ kind: 'gt', at: 0 }, { kind: 'max', at: 240 }] },
    retireWithinH: { bounds: [{ kind: 'min', at: 0 }, { kind: 'max', at: 240 }] },
    k: { bounds: [{ kind: 'gt', at: 0 }, { kind: 'max', at: 50 }] },
    margin: { bounds: [{ kind: 'min', at: 0 }, { kind: 'max', at: 20 }] },
    confirmCalls: { int: true, bounds: [{ kind: 'min', at: 1 }, { kind: 'max', at: 12 }] },
    minSamples: { int: true, bounds: [{ kind: 'min', at: 4 }, { kind: 'max', at: 1000 }] },
  },
}

/** The value just inside and just outside a bound, and the message zod gives for the outside one. */
function probe(b: Bound, int: boolean): { inside: number; outside: number; message: string } {
  const step = int ? 1 : EPS
  switch (b.kind) {
    case 'min':
      return { inside: b.at, outside: b.at - step, message: `Too small: expected number to be >=${b.at}` }
    case 'gt':
      return { inside: b.at + step, outside: b.at, message: `Too small: expected number to be >${b.at}` }
    case 'max':
      return { inside: b.at, outside: b.at + step, message: `Too big: expected number to be <=${b.at}` }
    case 'lt':
      return { inside: b.at - step, outside: b.at, message: `Too big: expected number to be <${b.at}` }
  }
}

const bindWith = (planner: string, params: Record<string, unknown>) =>
  registry.bind({ name: 'author', maintenance: planner, params: { maintenance: params } })

const cases = Object.entries(BOUNDS).flatMap(([planner, fields]) =>
  Object.entries(fields).flatMap(([field, { int, bounds }]) =>
    bounds.map((b) => ({ planner, field, b, ...probe(b, int ?? false) })),
  ),
)

describe('maintenance planner parameter bounds, through registry.bind', () => {
  it.each(cases)('$planner.$field: $b.kind $b.at', ({ planner, field, inside, outside, message }) => {
    const ok = bindWith(planner, { [field]: inside })
    expect(ok.problems).toEqual([])
    expect(ok.planners.map((p) => p.id)).toEqual([`maintenance/${planner}`])
    const bad = bindWith(planner, { [field]: outside })
    expect(bad.planners).toEqual([])
    expect(bad.problems).toEqual([`strategy "author": params.maintenance: ${field}: ${message}`])
  })

  it('integer counts refuse a fraction between their bounds', () => {
    for (const [planner, fields] of Object.entries(BOUNDS))
      for (const [field, { int, bounds }] of Object.entries(fields)) {
        if (!int) continue
        const between = Math.floor((bounds[0].at + bounds[1].at) / 2) + 0.5
        expect(bindWith(planner, { [field]: between }).problems[0]).toContain(`${field}: `)
      }
  })
})
