// The tests of planners' documented parameter bounds, through the path a scenario author's
// strategy takes (registry.bind, as the CLI and the worker use it): the value at each bound (or
// just inside an open one) binds, the value just outside is refused with a message that names
// the strategy, the parameter and the bound, and integer counts refuse a fraction.

import { expect, it } from 'vitest'
import type { PlannerKind } from '../../src/core'
import { registry } from '../../src/planners'

export type BoundKind = 'min' | 'gt' | 'max' | 'lt'
/** One parameter's bounds as the schema states them: min x ≥, gt x >, max x ≤, lt x <. */
export type Bounds = Partial<Record<BoundKind, number>> & { int?: true }

/** A step small next to every bound, large enough to change a float near 1000. */
const EPS = 1e-6

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

/** One case per (planner, field, bound) of a table of planners' bounds. */
const boundCases = (bounds: Record<string, Record<string, Bounds>>) =>
  Object.entries(bounds).flatMap(([planner, fields]) =>
    Object.entries(fields).flatMap(([field, b]) =>
      KINDS.filter((kind) => b[kind] !== undefined).map((kind) => ({
        planner,
        field,
        bound: `${kind} ${b[kind]}`,
        ...probe(kind, b[kind] as number, b.int ?? false),
      })),
    ),
  )

/** Registers the bound tests of these planners of one kind (call it inside a describe). */
export function itKeepsBounds(kind: PlannerKind, bounds: Record<string, Record<string, Bounds>>): void {
  const bind = (planner: string, params: Record<string, unknown>) =>
    registry.bind({ name: 'author', [kind]: planner, params: { [kind]: params } })

  it.each(boundCases(bounds))('$planner.$field: $bound', ({ planner, field, inside, outside, message }) => {
    const ok = bind(planner, { [field]: inside })
    expect(ok.problems).toEqual([])
    expect(ok.planners.map((p) => p.id)).toEqual([`${kind}/${planner}`])
    const bad = bind(planner, { [field]: outside })
    expect(bad.planners).toEqual([])
    expect(bad.problems).toEqual([`strategy "author": params.${kind}: ${field}: ${message}`])
  })

  it('integer counts refuse a fraction between their bounds', () => {
    for (const [planner, fields] of Object.entries(bounds))
      for (const [field, b] of Object.entries(fields)) {
        if (!b.int) continue
        const between = Math.floor(((b.min as number) + (b.max as number)) / 2) + 0.5
        expect(bind(planner, { [field]: between }).problems[0]).toContain(`${field}: `)
      }
  })
}
