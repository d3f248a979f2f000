// A task nobody has captured shows no capturer and no capture time (null, not a number). The
// engine keeps NaN as the capture time of an uncaptured task; the view must not pass it on.

import { describe, expect, it } from 'vitest'
import { createSimulation } from '../../src/core'
import { makeSpec } from '../support/spec-fixture'

describe('an uncaptured task in the view', () => {
  it('has capturedBy and capturedAtS null, at the start and while others get captured', () => {
    const spec = makeSpec()
    const sim = createSimulation(spec)
    expect(sim.view().tasks.map((t) => [t.id, t.assignedTo, t.capturedBy, t.capturedAtS])).toEqual(
      spec.tasks.map((t) => [t.id, null, null, null]),
    )
    // Run until the first capture: the others are still uncaptured then.
    while (!sim.events().some((e) => e.type === 'taskCaptured')) expect(sim.step()).toBe(true)
    const captured = new Set(sim.events().flatMap((e) => (e.type === 'taskCaptured' ? [e.task] : [])))
    const others = sim.view().tasks.filter((t) => !captured.has(t.id))
    expect(others.length).toBeGreaterThan(0)
    for (const t of others) expect([t.capturedBy, t.capturedAtS]).toEqual([null, null])
  })
})
