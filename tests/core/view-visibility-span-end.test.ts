// visibilityWindows at the end of the asked span. Its samples run from fromS to toS inclusive, so
// a pass that begins exactly at toS is a window [toS, toS], and a pass whose last visible sample
// is one step before toS closes there, not at toS. The truth is the engine's own visibility flag
// at each step, as in world-view.test.ts: the view's prediction must agree with what then happens.

import { describe, expect, it } from 'vitest'
import { createSimulation } from '../../src/core'
import { isVisible } from '../../src/core/engine/geometry-pass'
import { lazy } from '../support/lazy'
import { makeSpec } from '../support/spec-fixture'

const spec = makeSpec()
const step = spec.stepS

/** Per satellite/station pair, the step times (from 0) at which the engine flags it visible. */
function engineVisibleSteps(): Map<string, Set<number>> {
  const sim = createSimulation(spec)
  const ns = sim.world.stations.length
  const seen = new Map<string, Set<number>>()
  do
    for (let k = 0; k < sim.world.satCount; k++)
      for (let j = 0; j < ns; j++) {
        if (!isVisible(sim.state().visible, ns, k, j)) continue
        const key = `${k}/${j}`
        if (!seen.has(key)) seen.set(key, new Set())
        seen.get(key)!.add(sim.time())
      }
  while (sim.step())
  return seen
}

/** Pass starts (visible at t, not one step before) and the steps just after pass ends (not
 * visible at t, visible one step before), both strictly inside the run, as [k, j, t]. */
const edges = lazy(() => {
  const seen = engineVisibleSteps()
  const starts: [number, number, number][] = []
  const afterEnds: [number, number, number][] = []
  for (const [key, times] of seen) {
    const [k, j] = key.split('/').map(Number)
    for (const t of times) {
      if (t > step && !times.has(t - step)) starts.push([k, j, t])
      if (t + step <= spec.durationS && !times.has(t + step)) afterEnds.push([k, j, t + step])
    }
  }
  return { seen, starts, afterEnds, view: createSimulation(spec).view() }
})

describe('visibilityWindows at the end of its span', () => {
  it('the scenario has passes that start and end inside the run', () => {
    const { starts, afterEnds } = edges()
    expect(starts.length).toBeGreaterThanOrEqual(5)
    expect(afterEnds.length).toBeGreaterThanOrEqual(5)
  })

  it('a pass beginning exactly at toS is a one-sample window [toS, toS]', () => {
    const { starts, view } = edges()
    for (const [k, j, t] of starts) expect(view.visibilityWindows(k, j, 0, t).at(-1)).toEqual([t, t])
  })

  it('a pass that ended one step before toS closes at its last visible sample', () => {
    const { seen, afterEnds, view } = edges()
    for (const [k, j, t] of afterEnds) {
      const last = view.visibilityWindows(k, j, 0, t).at(-1)!
      const times = seen.get(`${k}/${j}`)!
      // The window ends at the last step the engine saw the satellite, one step before toS,
      // and begins where the engine's pass began.
      expect(last[1]).toBe(t - step)
      expect(times.has(last[0]) && (last[0] === 0 || !times.has(last[0] - step))).toBe(true)
    }
  })
})
