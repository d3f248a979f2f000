// When a satellite may take an image (src/core/engine/payload.ts, canCapture): it must be
// working (not failed, no failed reaction wheel), out of safe mode, not already imaging this step,
// and have room on board for what it will store: the whole image raw, a tenth of it in edge mode
// (EDGE_COMPRESSION). A task nobody captured expires when its window closes. One satellite passes
// over the target at T+600 s (tests/support/pass-fixture.ts); no station takes the data down.

import { describe, expect, it } from 'vitest'
import {
  createSimulation,
  type Decision,
  EDGE_COMPRESSION,
  type ScenarioSpec,
  type TaskSpec,
} from '../../src/core'
import { IMAGE_BITS, PASS_BUS, type PassOptions, passSpec } from '../support/pass-fixture'
import { probePlanner } from '../support/probe-planner'

const STEP = 30
/** The target's window closes here, well after the pass (about T+540 to T+660 s). */
const WINDOW_END_S = 1800

const image = (id: string, target: TaskSpec['target']): TaskSpec => ({
  id,
  kind: 'image',
  target,
  windowStartS: 0,
  windowEndS: WINDOW_END_S,
  priority: 1,
  dataBits: IMAGE_BITS,
})

/**
 * No ground stations: what is stored stays on board. Built inside each test: engine code run
 * while collecting would count as run by no test in mutation testing.
 */
const spec = (options: PassOptions = {}): ScenarioSpec => ({
  ...passSpec({ tasks: (target) => [image('img', target)], ...options }),
  groundStations: [],
})

function run(s: ScenarioSpec, decisions: Decision[] | null = null) {
  const planners = decisions ? [probePlanner('allocation', () => decisions)] : []
  const sim = createSimulation(s, undefined, { planners })
  sim.runUntil(WINDOW_END_S + 2 * STEP)
  expect(sim.events().filter((e) => e.type === 'plannerFault')).toEqual([])
  const captures = sim.events().filter((e) => e.type === 'taskCaptured')
  return { sim, captures: captures.map((e) => [e.task, e.t]) }
}

/** When the working satellite images the target: the reference for the other tests. */
function captureTime(): number {
  const { captures } = run(spec())
  expect(captures).toHaveLength(1)
  const t = captures[0][1] as number
  expect(t).toBeGreaterThan(300)
  expect(t).toBeLessThan(900)
  return t
}

describe('no image is taken', () => {
  it('by a failed satellite; the task expires uncaptured when its window closes', () => {
    captureTime()
    const { sim, captures } = run(
      spec({ events: [{ type: 'failure', atS: 300, satellite: 'P1-S1', component: 'battery' }] }),
    )
    expect(captures).toEqual([])
    // "Expired" is the first step past the window's end.
    const expired = sim.events().filter((e) => e.type === 'taskExpired')
    expect(expired.map((e) => [e.task, e.t])).toEqual([['img', WINDOW_END_S + STEP]])
    expect(sim.view().tasks.map((x) => [x.id, x.state])).toEqual([['img', 'expired']])
  })

  it('by a satellite whose reaction wheel failed', () => {
    captureTime()
    const { sim, captures } = run(
      spec({ events: [{ type: 'failure', atS: 300, satellite: 'P1-S1', component: 'reactionWheel' }] }),
    )
    expect(captures).toEqual([])
    expect(sim.view().tasks[0].state).toBe('expired')
  })

  it('by a satellite in safe mode', () => {
    // No sun: from 21 % the base load alone crosses the 20 % minimum after 288 s, before the pass.
    const dry = (initialSoc: number) => spec({ bus: { solarPowerW: 0, minSoc: 0.2, initialSoc } })
    expect((0.01 * PASS_BUS.batteryCapacityJ) / PASS_BUS.baseLoadW).toBe(288)
    const t = captureTime()
    const safe = run(dry(0.21))
    expect(safe.captures).toEqual([])
    expect(safe.sim.events().find((e) => e.type === 'lowPower')?.t).toBe(300)
    // The same orbit with a full battery images on time.
    expect(run(dry(0.9)).captures).toEqual([['img', t]])
  })
})

describe('one image per satellite per step', () => {
  it('two tasks on the same target are taken in consecutive steps, in list order', () => {
    const t = captureTime()
    const two = spec({ tasks: (target) => [image('img-a', target), image('img-b', target)] })
    expect(run(two).captures).toEqual([
      ['img-a', t],
      ['img-b', t + STEP],
    ])
  })
})

describe('room on board', () => {
  it('edge mode needs only a tenth of the image free: it fits where the raw image does not', () => {
    // 500 Mb of storage: the 800 Mb raw image does not fit, its 80 Mb edge product does.
    const storageBits = 500e6
    expect(IMAGE_BITS).toBeGreaterThan(storageBits)
    expect(IMAGE_BITS * EDGE_COMPRESSION).toBeLessThan(storageBits)
    const t = captureTime()
    const small = spec({ bus: { storageBits } })
    const mode = (m: 'raw' | 'edge'): Decision[] => [
      { kind: 'setMode', satellite: 'P1-S1', mode: m, rationale: m },
      { kind: 'assignTask', satellite: 'P1-S1', task: 'img', rationale: 'the only one' },
    ]
    expect(run(small, mode('raw')).captures).toEqual([])
    const edge = run(small, mode('edge'))
    expect(edge.captures).toEqual([['img', t]])
    expect(edge.sim.view().satellites[0].storageUsedBits).toBeCloseTo(IMAGE_BITS * EDGE_COMPRESSION, 3)
  })
})
