// The playback clock on its own, driven by a step counter: whole steps for the accumulated time,
// alpha for the rest, the backlog dropped when the machine cannot keep up, 'max' bounded by the
// budget, and nonsense speeds refused.

import { describe, expect, it } from 'vitest'
import { BUDGET_MS, PlaybackClock, type Stepper } from '../../src/worker/playback'

function counter(opts: { doneAfter?: number; elapsed?: () => number; failAt?: number } = {}) {
  const log: string[] = []
  let steps = 0
  const stepper: Stepper = {
    done: () => steps >= (opts.doneAfter ?? Number.POSITIVE_INFINITY),
    step: () => {
      steps++
      log.push('step')
      return steps !== opts.failAt
    },
    copyPrevious: () => log.push('copy'),
    elapsedMs: opts.elapsed ?? (() => 0),
  }
  return { stepper, log, steps: () => steps }
}

describe('PlaybackClock', () => {
  it('turns wall time × speed into whole steps and the rest into alpha', () => {
    const clock = new PlaybackClock()
    clock.playing = true
    clock.setSpeed(60)
    const c = counter()
    clock.advance(250, 30, c.stepper) // 15 s: half a step
    expect(c.steps()).toBe(0)
    expect(clock.alpha).toBe(1) // nothing to interpolate from yet
    clock.advance(500, 30, c.stepper) // 30 s more: 45 s in all, one step and half of the next
    expect(c.steps()).toBe(1)
    expect(clock.alpha).toBeCloseTo(0.5, 12)
    expect(clock.interpolating()).toBe(true)
    expect(clock.displayTime(600, 30)).toBeCloseTo(585, 9)
    // The interpolation starts from the positions before the last step of a batch.
    clock.advance(1500, 30, c.stepper) // 90 s: three steps
    expect(c.log.slice(-4)).toEqual(['step', 'step', 'copy', 'step'])
  })

  it('drops the backlog rather than spiral when the steps take longer than the budget', () => {
    const clock = new PlaybackClock()
    clock.playing = true
    clock.setSpeed(3000)
    const c = counter({ elapsed: () => BUDGET_MS + 1 })
    clock.advance(250, 30, c.stepper) // 750 s asked: 25 steps
    expect(c.steps()).toBe(1)
    expect(clock.acc).toBe(0)
    expect(clock.alpha).toBe(1)
    expect(clock.interpolating()).toBe(false)
  })

  it('at max speed steps until the budget is spent or the run ends, without interpolation', () => {
    const clock = new PlaybackClock()
    clock.playing = true
    clock.setSpeed('max')
    let t = 0
    const c = counter({ elapsed: () => (t += 10) })
    clock.advance(33, 30, c.stepper)
    expect(c.steps()).toBe(3) // elapsed 10, 20, 30 < 40; the fourth check reads 40
    const d = counter({ doneAfter: 5 })
    clock.advance(33, 30, d.stepper)
    expect(d.steps()).toBe(5)
    expect(clock.displayTime(150, 30)).toBe(150)
  })

  it('stops advancing when a step fails', () => {
    const clock = new PlaybackClock()
    clock.playing = true
    clock.setSpeed(600)
    const c = counter({ failAt: 2 })
    clock.advance(250, 30, c.stepper) // 150 s: five steps asked
    expect(c.steps()).toBe(2)
  })

  it('keeps its speed when given nonsense, and caps a huge one', () => {
    const clock = new PlaybackClock()
    clock.setSpeed(10)
    for (const bad of [Number.NaN, -5, 0, Number.POSITIVE_INFINITY]) clock.setSpeed(bad)
    expect(clock.speed).toBe(10)
    clock.setSpeed(1e12)
    expect(clock.speed).toBe(1e6)
    clock.playing = false
    clock.alpha = 0.3
    expect(clock.displayTime(300, 30)).toBe(300)
  })
})
