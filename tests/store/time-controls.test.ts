// Time controls without the dispatcher: a recording output and a fake timer queue. Step back and
// seek restore from snapshots, a job is done in slices and can be steered while it runs, "next
// event" stops at the first event worth stopping for, and play at the end starts over.

import { describe, expect, it } from 'vitest'
import { registry } from '../../src/planners'
import { FRAME_MS } from '../../src/worker/frames'
import { BUDGET_MS } from '../../src/worker/playback'
import { buildRun } from '../../src/worker/run'
import {
  type ControlOutput,
  JOB_YIELD_MS,
  PROGRESS_AFTER_MS,
  TimeControls,
} from '../../src/worker/time-controls'
import { fakeLoop } from '../support/fake-loop'
import { makeSpec } from '../support/spec-fixture'

function setup(durationS = 6 * 3600) {
  const spec = makeSpec({
    durationS,
    events: [{ type: 'stationOutage', atS: 3000, station: 'svalbard', durationS: 600 }],
  })
  const built = buildRun({ spec, file: 'f', source: { kind: 'file', name: 'f' } }, registry)
  if ('issues' in built) throw new Error('fixture does not build')
  const calls: string[] = []
  const loop = fakeLoop()
  const out: ControlOutput = {
    sendAll: () => calls.push('all'),
    sendDigest: () => calls.push('digest'),
    sendDue: () => calls.push('due'),
    fail: (err) => calls.push(`fail ${String(err)}`),
    restored: () => calls.push('restored'),
  }
  const controls = new TimeControls(loop.host, out)
  controls.attach(built.run)
  return { run: built.run, controls, calls, tick: loop.tick, advanceClock: loop.advance, delays: loop.delays }
}

describe('TimeControls', () => {
  it('steps back by restoring the snapshot before and re-simulating', () => {
    const { run, controls, calls } = setup()
    controls.seek(run.snapshotEvery * 30 * 2 + 30 * 3) // two snapshot spans and 3 steps
    const at = run.stepIndex()
    expect(at).toBe(run.snapshotEvery * 2 + 3)
    calls.length = 0
    controls.stepBack()
    expect(run.stepIndex()).toBe(at - 1)
    expect(calls).toEqual(['restored', 'all'])
    expect(controls.busy()).toBeNull()
  })

  it('runs a long seek in slices, reports progress, and lets step back lower its target', () => {
    const s = setup()
    const engine = s.run.engines[0].sim
    const realStep = engine.step
    engine.step = () => {
      s.advanceClock(100) // every step "takes" 100 ms: one step per slice of the budget
      return realStep()
    }
    s.controls.seek(30 * 10)
    expect(s.run.stepIndex()).toBe(1) // one step, then over the budget
    expect(s.controls.busy()).toEqual({ label: 'Simulating', fraction: 0.1 })
    expect(s.calls).toContain('due')
    s.controls.stepBack() // while the job runs: one step less
    s.tick(20)
    expect(s.run.stepIndex()).toBe(9)
    expect(s.controls.busy()).toBeNull()
  })

  it('a job slices without a frame pause, and a short one shows only its result', () => {
    const s = setup()
    const engine = s.run.engines[0].sim
    const realStep = engine.step
    engine.step = () => {
      s.advanceClock(BUDGET_MS / 2) // a slice stops past its budget: three steps
      return realStep()
    }
    s.controls.seek(30 * 6)
    expect(s.run.stepIndex()).toBe(3)
    expect(s.delays.at(-1)).toBe(JOB_YIELD_MS)
    expect(JOB_YIELD_MS).toBeLessThan(FRAME_MS)
    s.tick(1)
    expect(s.run.stepIndex()).toBe(6)
    expect(s.controls.busy()).toBeNull()
    // The first slice ended before PROGRESS_AFTER_MS, the second finished the job: no frame or
    // digest on the way, the result only.
    expect(s.calls).not.toContain('due')
    expect(s.calls.at(-1)).toBe('all')
  })

  it('a long job shows progress once it has run PROGRESS_AFTER_MS', () => {
    const s = setup()
    const engine = s.run.engines[0].sim
    const realStep = engine.step
    engine.step = () => {
      s.advanceClock(BUDGET_MS + 1) // one step per slice
      return realStep()
    }
    s.controls.seek(30 * 10)
    const dueAfter = Math.ceil(PROGRESS_AFTER_MS / (BUDGET_MS + 1)) // slices before progress shows
    for (let k = 1; k < dueAfter; k++) {
      expect(s.calls).not.toContain('due')
      s.tick(1)
    }
    expect(s.calls).toContain('due')
  })

  it('runs to the next event worth stopping for', () => {
    const { run, controls } = setup()
    controls.nextEvent()
    expect(run.time()).toBe(3000)
  })

  it('plays from the start again when the run is over, and pause keeps the state', () => {
    const { run, controls, calls, tick } = setup(1800)
    controls.seek(1800)
    expect(run.done()).toBe(true)
    controls.play(60)
    expect(run.stepIndex()).toBe(1) // restored to 0, then one step to interpolate towards
    expect(controls.clock.playing).toBe(true)
    expect(controls.playingShown()).toBe(true)
    tick(40) // 40 × 33 ms × 60 = 79 s: two or three steps more
    expect(run.stepIndex()).toBeGreaterThan(1)
    calls.length = 0
    controls.pause()
    expect(controls.clock.playing).toBe(false)
    expect(calls).toEqual(['all'])
    const at = run.stepIndex()
    tick(10)
    expect(run.stepIndex()).toBe(at)
  })

  it('reports an engine that throws and stops', () => {
    const { run, controls, calls } = setup()
    run.engines[0].sim.step = () => {
      throw new Error('boom')
    }
    controls.stepOnce()
    expect(calls).toContain('fail Error: boom')
  })
})
