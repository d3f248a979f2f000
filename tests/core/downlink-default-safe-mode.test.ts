// The default downlink rule passes over a satellite in safe mode (src/core/engine/geometry-pass.ts
// picks, per station, the visible satellite with the most data; a satellite in safe mode has no
// power to transmit, so it does not compete). Two satellites share a pass over the stations of
// tests/support/pass-fixture.ts: P1-S1 in safe mode holding 800 Mb, P1-S2 (3° behind, working)
// holding 700 Mb. A station that offered its antenna to the fuller P1-S1 would be refused and
// stay idle; the rule must give it to P1-S2.

import { describe, expect, it } from 'vitest'
import { createSimulation } from '../../src/core'
import { assign, IMAGE_BITS, imageTask, PASS_BUS, passSpec, trace } from '../support/pass-fixture'
import { probePlanner } from '../support/probe-planner'

const STEP = 30
const SMALL_BITS = 700e6
const PER_STEP = PASS_BUS.downlinkRateBps * STEP

describe('the default downlink with a satellite in safe mode', () => {
  it('serves the working satellite, though the one in safe mode holds more data', () => {
    // P1-S1 without sun, its charge just above the 20 % minimum: it images at T+600 s, and the
    // base load has put it in safe mode long before the pass at T+1500 s (as in
    // downlink-link-conditions.test.ts).
    const C = PASS_BUS.batteryCapacityJ
    const spec = passSpec({
      trailer: true,
      bus: { solarPowerW: 0, minSoc: 0.2, initialSoc: 0.2 + (PASS_BUS.baseLoadW * 900) / C },
      tasks: (target) => [imageTask('img', target), imageTask('small', target, SMALL_BITS)],
    })
    const planner = probePlanner('allocation', () => [assign('img', 'P1-S1'), assign('small', 'P1-S2')])
    const sim = createSimulation(spec, undefined, { planners: [planner] })
    const view = sim.view()
    // The premise: both satellites in view of both stations for most of the pass.
    const windows = (k: number) => [0, 1].flatMap((j) => view.visibilityWindows(k, j, 1200, 2400))
    const [lead, trail] = [windows(0), windows(1)]
    expect([lead.length, trail.length]).toEqual([2, 2])
    const end = Math.max(...trail.map(([, w1]) => w1)) + STEP
    const steps = trace(sim, end)
    const captured = sim.events().filter((e) => e.type === 'taskCaptured')
    expect(captured.map((e) => e.satellite).sort()).toEqual(['P1-S1', 'P1-S2'])
    // In view of some station (sampled at the step's end, as the geometry pass sees it).
    const seen = (ws: number[][], t: number) => ws.some(([w0, w1]) => t >= w0 && t <= w1)
    const both = steps.filter((x) => seen(lead, x.t) && seen(trail, x.t))
    expect(both.length).toBeGreaterThan(10)
    // P1-S1 is in safe mode all through the pass and keeps its 800 Mb.
    expect(both.map((x) => [x.status[0], x.link[0], x.storageBits[0]])).toEqual(
      both.map(() => ['safe', -1, IMAGE_BITS]),
    )
    // P1-S2 transmits in every step it is in view (700 Mb lasts 23 steps), one link's worth each.
    const trailing = steps.filter((x) => seen(trail, x.t))
    expect(trailing.length).toBeLessThan(SMALL_BITS / PER_STEP)
    expect(trailing.every((x) => x.link[1] >= 0)).toBe(true)
    expect(steps.at(-1)!.storageBits[1]).toBe(SMALL_BITS - trailing.length * PER_STEP)
  })
})
