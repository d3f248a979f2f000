// What a downlink sends first (src/core/engine/payload.ts, drainTasks): the bits leave the oldest
// capture first, whatever the task list's order or the tasks' priorities, and a task is delivered
// in the step its last bit lands. One satellite images two targets, at about T+600 s and
// T+900 s, then passes the stations from T+1200 s (tests/support/pass-fixture.ts).
//
// Two captures by one satellite never share a time (one image per satellite per step,
// capture-conditions.test.ts), so "oldest" never has a tie to break.

import { describe, expect, it } from 'vitest'
import { createSimulation, type ScenarioSpec, type TaskSpec } from '../../src/core'
import { PASS_BUS, type PassOptions, passSpec } from '../support/pass-fixture'

const STEP = 30
const NORTH = 0

/**
 * The fixture with two images: 'early' of the fixture's target (under the track at T+600 s) and
 * 'late' of the point under the track at T+900 s, listed late first with the higher priority.
 * Built inside each test: engine code run while collecting would count as run by no test.
 */
function scene(earlyBits: number, lateBits: number, options: PassOptions = {}) {
  const probe = createSimulation(passSpec())
  probe.runUntil(900)
  const under = probe.view().satellites[0]
  const task = (id: string, target: TaskSpec['target'], priority: number, dataBits: number): TaskSpec => ({
    id,
    kind: 'image',
    target,
    windowStartS: 0,
    windowEndS: 3 * 3600,
    priority,
    dataBits,
  })
  const spec: ScenarioSpec = passSpec({
    ...options,
    tasks: (target) => [
      task('late', { latRad: under.latRad, lonRad: under.lonRad }, 3, lateBits),
      task('early', target, 1, earlyBits),
    ],
  })
  expect(spec.stepS).toBe(STEP)
  const [[w0]] = createSimulation(spec).view().visibilityWindows(0, NORTH, 0, 3600)
  return { spec, w0 }
}

function flown(spec: ScenarioSpec) {
  const sim = createSimulation(spec)
  sim.runUntil(spec.durationS)
  const ev = sim.events()
  const at = (type: string) => ev.filter((e) => e.type === type).map((e) => [e.task, e.t])
  return { sim, captured: at('taskCaptured'), delivered: at('taskDelivered') }
}

describe('downlink order', () => {
  it('sends the oldest capture first, ahead of the list order and the priorities', () => {
    const bits = 200e6
    const { spec, w0 } = scene(bits, bits)
    const { captured, delivered } = flown(spec)
    expect(captured.map(([task]) => task)).toEqual(['early', 'late'])
    expect(captured[1][1] as number).toBeLessThan(w0)
    // 30 Mb a step from the pass's first step: early's 200 Mb have all landed after ⌈200/30⌉ = 7
    // steps, late's after ⌈400/30⌉ = 14 (the step that finishes early also starts late).
    const perStep = PASS_BUS.downlinkRateBps * STEP
    const lands = (cumulativeBits: number) => w0 + (Math.ceil(cumulativeBits / perStep) - 1) * STEP
    expect(delivered).toEqual([
      ['early', lands(bits)],
      ['late', lands(2 * bits)],
    ])
  })

  it('delivers both and goes on when the storage holds a rounding crumb beyond its tasks', () => {
    // Sizes as the loader makes them (dataMb × 1e6): the stored sum exceeds the two tasks' bits
    // by a few nanobits, so one step that sends all the storage has bits left over with no task
    // on board. At the full 150 Mbit/s one step sends both.
    const early = 406.3 * 1e6
    const late = 65.1 * 1e6
    expect(early + late - early - late).toBeGreaterThan(0)
    const { spec, w0 } = scene(early, late, { bus: { downlinkRateBps: 150e6 } })
    expect(150e6 * STEP).toBeGreaterThan(early + late)
    const { sim, captured, delivered } = flown(spec)
    expect(captured.map(([task]) => task)).toEqual(['early', 'late'])
    expect(delivered).toEqual([
      ['early', w0],
      ['late', w0],
    ])
    expect(sim.done()).toBe(true)
    expect(sim.view().satellites[0].storageUsedBits).toBe(0)
    expect(sim.metrics().dataDeliveredGb).toBeCloseTo((early + late) / 1e9, 12)
  })
})
