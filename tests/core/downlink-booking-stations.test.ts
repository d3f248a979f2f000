// Who transmits to a station (src/core/engine/payload.ts, downlinkPass): left to itself a station
// serves the visible satellite with the most data; a booking gives it to the booked satellite
// instead, and a station held by one booking is not given to a second satellite in the same step.
// Two satellites, P1-S2 3° behind P1-S1, one station; P1-S1 holds 1600 Mb and P1-S2 800 Mb, and
// at 1 Mbit/s one pass (about 20 steps of 30 Mb) never brings P1-S1 below P1-S2, so the default
// choice is P1-S1 whenever it is in view.

import { describe, expect, it } from 'vitest'
import { createSimulation, type Decision, type ScenarioSpec } from '../../src/core'
import { assign, booking, passSpec, trace } from '../support/pass-fixture'
import { probePlanner } from '../support/probe-planner'

const STATION = 0
/** The passes this test looks at are those of the first orbit (about 95 min). */
const FIRST_ORBIT_S = 3600
const STEP = 30
const LEAD_BITS = 1600e6
const TRAIL_BITS = 800e6

interface Scene {
  spec: ScenarioSpec
  /** Each satellite's first pass over the station, [first, last] step seen. */
  windows: [number, number][]
}

/** Built inside each test: engine code run while collecting would count as run by no test. */
function scene(): Scene {
  const two = passSpec({
    trailer: true,
    tasks: (target) =>
      [
        ['img-1', LEAD_BITS],
        ['img-2', TRAIL_BITS],
      ].map(([id, dataBits]) => ({
        id: id as string,
        kind: 'image',
        target,
        windowStartS: 0,
        windowEndS: 3 * 3600,
        priority: 1,
        dataBits: dataBits as number,
      })),
  })
  const spec = { ...two, groundStations: two.groundStations.slice(0, 1) }
  expect(spec.stepS).toBe(STEP)
  const view = createSimulation(spec).view()
  const windows = [0, 1].map((k) => {
    const w = view.visibilityWindows(k, STATION, 0, FIRST_ORBIT_S)
    expect(w).toHaveLength(1)
    return w[0]
  })
  return { spec, windows }
}

/** `satellite` books the station, 'north', over [startS, endS]. */
const book = (satellite: string, startS: number, endS: number) => booking('north', startS, endS, satellite)

/** Links of both satellites at every step of the run up to the end of both passes. */
function links({ spec, windows }: Scene, bookings: Decision[]) {
  const sim = createSimulation(spec, undefined, {
    planners: [
      probePlanner('allocation', () => [assign('img-1', 'P1-S1'), assign('img-2', 'P1-S2'), ...bookings]),
    ],
  })
  const steps = trace(sim, Math.max(windows[0][1], windows[1][1]) + 2 * STEP)
  expect(sim.events().filter((e) => e.type === 'plannerFault')).toEqual([])
  // Both images were taken before the passes, by the satellite each was assigned to.
  const captured = sim.events().filter((e) => e.type === 'taskCaptured')
  expect(captured.map((e) => [e.task, e.satellite])).toEqual([
    ['img-1', 'P1-S1'],
    ['img-2', 'P1-S2'],
  ])
  expect(Math.max(...captured.map((e) => e.t))).toBeLessThan(Math.min(windows[0][0], windows[1][0]))
  // Neither ran dry, and P1-S1 kept more than P1-S2 ever held: no link is missing for want of data.
  const [lead, trail] = steps.at(-1)!.storageBits
  expect(lead).toBeGreaterThan(TRAIL_BITS)
  expect(trail).toBeGreaterThan(0)
  return steps
}

/** The default rule: the station serves P1-S1 while it sees it, else P1-S2 while it sees that. */
function byDefault(windows: [number, number][], t: number): number[] {
  const seen = (k: number) => t >= windows[k][0] && t <= windows[k][1]
  return seen(0) ? [STATION, -1] : seen(1) ? [-1, STATION] : [-1, -1]
}

/** Steps both satellites are in view, trimmed by two steps each side. */
function overlap(windows: [number, number][]): [number, number] {
  const from = Math.max(windows[0][0], windows[1][0]) + 2 * STEP
  const to = Math.min(windows[0][1], windows[1][1]) - 2 * STEP
  expect(to - from).toBeGreaterThanOrEqual(4 * STEP)
  return [from, to]
}

describe('who gets the station', () => {
  it('left to itself, the visible satellite with the most data; the other gets no link (-1)', () => {
    const sc = scene()
    const steps = links(sc, [])
    expect(steps.map((x) => [x.t, ...x.link])).toEqual(steps.map((x) => [x.t, ...byDefault(sc.windows, x.t)]))
    // Both were in view together for a while: the rule really chose between them.
    overlap(sc.windows)
  })

  it('a booking gives the station to the booked satellite over one with more data', () => {
    const sc = scene()
    const [from, to] = overlap(sc.windows)
    const steps = links(sc, [book('P1-S2', from, to)])
    const expected = (t: number) => (t >= from && t <= to ? [-1, STATION] : byDefault(sc.windows, t))
    expect(steps.map((x) => [x.t, ...x.link])).toEqual(steps.map((x) => [x.t, ...expected(x.t)]))
    // During the booking only P1-S2's data went down: one step of 30 Mb per booked step.
    const at = (t: number) => steps.find((x) => x.t === t)!
    expect(at(from - STEP).storageBits[1] - at(to).storageBits[1]).toBe(((to - from) / STEP + 1) * 30e6)
    expect(at(to).storageBits[0]).toBe(at(from - STEP).storageBits[0])
  })

  it('a station held by a booking is not given to a second booking for the same steps', () => {
    const sc = scene()
    const [from, to] = overlap(sc.windows)
    for (const [first, second, holder] of [
      ['P1-S2', 'P1-S1', [-1, STATION]],
      ['P1-S1', 'P1-S2', [STATION, -1]],
    ] as const) {
      const steps = links(sc, [book(first, from, to), book(second, from, to)])
      const expected = (t: number) => (t >= from && t <= to ? holder : byDefault(sc.windows, t))
      expect(steps.map((x) => [x.t, ...x.link])).toEqual(steps.map((x) => [x.t, ...expected(x.t)]))
    }
  })
})
