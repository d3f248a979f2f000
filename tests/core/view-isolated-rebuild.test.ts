// The view an isolated planner's thread rebuilds (createViewRebuilder over portableViewData) is
// the view the engine shows in-process at the same instant: the same telemetry once the engine's
// ring has wrapped, the same predictions after a burn changed an orbit. And each call sends only
// the telemetry the thread does not hold yet: samples from what it already has (or, when the
// engine holds fewer than that, the whole window) up to the engine's count, nothing more.

import { describe, expect, it } from 'vitest'
import {
  COMPONENT_NAMES,
  createSimulation,
  createViewRebuilder,
  type EnginePlanner,
  type PortableViewData,
} from '../../src/core'
import { lazy } from '../support/lazy'
import { makeSpec } from '../support/spec-fixture'

// Samples every 1200 s, calls every 600 s: every other call finds no new sample. A ring of 4
// samples wraps after 4800 s, well inside the 3-hour run.
const spec = makeSpec({ durationS: 3 * 3600, sampleEveryS: 1200 })
const WINDOW = 4
const BURN_AT = 900

/** One planner call: what the thread held, what it was sent, and both views' answers. */
interface Call {
  known: number
  first: number
  count: number
  sent: number
  mismatches: string[]
}

async function run(): Promise<{ calls: Call[]; window: number }> {
  const calls: Call[] = []
  let known = 0
  let rebuild: ((d: PortableViewData) => ReturnType<typeof sim.view>) | undefined
  const mirror: EnginePlanner = {
    id: 'trajectory/mirror',
    kind: 'trajectory',
    isolated: {
      telemetryKnown: () => known,
      call: async (_t, data) => {
        rebuild ??= createViewRebuilder(spec, sim.world.telemetryWindow)
        const guest = rebuild(data)
        // The engine's own view now: its state is untouched while an isolated planner thinks.
        const host = sim.view()
        const mismatches: string[] = []
        for (let k = 0; k < host.satellites.length; k++) {
          for (const c of COMPONENT_NAMES) {
            const [a, b] = [guest.telemetry(k, c), host.telemetry(k, c)]
            if (!sameNumbers(a.t, b.t) || !sameNumbers(a.v, b.v)) mismatches.push(`telemetry ${k} ${c}`)
          }
          const ahead = data.timeS + 1800
          if (!sameNumbers(guest.predictPosition(k, ahead), host.predictPosition(k, ahead)))
            mismatches.push(`position ${k}`)
        }
        calls.push({
          known: known,
          first: data.telemetry.first,
          count: data.telemetry.count,
          sent: data.telemetry.t.length,
          mismatches,
        })
        known = data.telemetry.count
        // One burn on the first call: P1-S1 raises its orbit at T+900 s.
        const items =
          calls.length === 1
            ? [
                {
                  kind: 'maneuver',
                  satellite: 'P1-S1',
                  atS: BURN_AT,
                  dv: { frame: 'rtn', r: 0, t: 5, n: 0 },
                  purpose: 'orbit-raise',
                  rationale: 'raise P1-S1 by 5 m/s',
                },
              ]
            : []
        return { ok: true, read: { ok: true, items, total: items.length } }
      },
    },
  }
  const sim = createSimulation(spec, undefined, { planners: [mirror], telemetryWindow: WINDOW })
  await sim.runUntilAsync(spec.durationS)
  expect(
    sim
      .events()
      .filter((e) => e.type === 'maneuverExecuted')
      .map((e) => e.t),
  ).toEqual([BURN_AT])
  return { calls, window: sim.world.telemetryWindow }
}

/** Equal arrays of numbers, NaN equal to NaN (a failed satellite's telemetry is NaN). */
function sameNumbers(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  return a.length === b.length && Array.from(a).every((x, i) => Object.is(x, b[i]))
}

/** The run, made once by the first test that asks (see tests/support/lazy.ts). */
const result = lazy(run)

describe('a view rebuilt behind the isolation boundary', () => {
  it("answers as the engine's view does, after the ring wrapped and after a burn", async () => {
    const { calls, window } = await result()
    expect(window).toBe(WINDOW)
    // Calls at the first step (T+30 s), then every 600 s to T+3 h; the ring wrapped (more
    // samples than it holds) well before the end.
    expect(calls.length).toBe(1 + 18)
    expect(calls.at(-1)!.count).toBeGreaterThan(2 * WINDOW)
    expect(calls.filter((c) => c.mismatches.length > 0)).toEqual([])
  })

  it('is sent only the samples it does not hold, none when nothing is new', async () => {
    const { calls } = await result()
    for (const c of calls) {
      // The thread held `known`; the engine holds samples count − WINDOW … count − 1 of its log.
      const expectedFirst = Math.max(c.known, c.count - WINDOW, 0)
      expect([c.first, c.sent]).toEqual([expectedFirst, c.count - expectedFirst])
    }
    // Calls with nothing new to send happen: sampling is slower than the cadence.
    expect(calls.filter((c) => c.sent === 0).length).toBeGreaterThan(3)
    expect(calls.filter((c) => c.sent > 0 && c.first > 0).length).toBeGreaterThan(3)
  })
})
