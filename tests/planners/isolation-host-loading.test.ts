// The host's side of loading a planner module behind the boundary: probing it in a throwaway
// thread, and starting the planner's own thread (load, then 'init' with the parameters). Every
// way that goes wrong — the module refused, the thread ended, a wrong message, no answer before
// the deadline — comes back as problems in words, and a thread the host gives up on is
// terminated. Deadlines run on vitest's fake timers: a load gets the larger of the call deadline
// and 10 s (a module may take long to compile), and no test depends on the wall clock.

import { afterEach, describe, expect, it, vi } from 'vitest'
import { DEFAULT_TELEMETRY_WINDOW } from '../../src/core'
import {
  createIsolatedPlanner,
  formatDeadline,
  type IsolatedPlannerOptions,
  probePlannerModule,
  type StartGuest,
} from '../../src/planners/isolation/host'
import { makeSpec } from '../support/spec-fixture'
import { type GuestScript, SCRIPTED_MANIFEST, scriptedGuest } from './scripted-guest'

const spec = makeSpec()

function options(start: StartGuest, over: Partial<IsolatedPlannerOptions> = {}): IsolatedPlannerOptions {
  return {
    start,
    manifest: SCRIPTED_MANIFEST,
    spec,
    telemetryWindow: DEFAULT_TELEMETRY_WINDOW,
    params: { horizonH: 2 },
    ...over,
  }
}

/** Runs fake time to 1 ms before `ms` (the promise still pending), then to `ms` (settled). */
async function settledAt<T>(p: Promise<T>, ms: number): Promise<T> {
  let settled = false
  void p.then(() => (settled = true))
  await vi.advanceTimersByTimeAsync(ms - 1)
  expect(settled).toBe(false)
  await vi.advanceTimersByTimeAsync(1)
  expect(settled).toBe(true)
  return p
}

const silent: GuestScript = { start: () => {} }

afterEach(() => {
  vi.useRealTimers()
})

describe('formatDeadline', () => {
  it('reads whole tenths of a second from 1 s on in seconds, anything else in milliseconds', () => {
    expect([1000, 1500, 5000, 10_000].map(formatDeadline)).toEqual(['1 s', '1.5 s', '5 s', '10 s'])
    expect([50, 500, 999, 1001, 1050].map(formatDeadline)).toEqual([
      '50 ms',
      '500 ms',
      '999 ms',
      '1001 ms',
      '1050 ms',
    ])
  })
})

describe('probing a module', () => {
  it("describes its planners and terminates the probe's thread", async () => {
    const g = scriptedGuest()
    expect(await probePlannerModule(g.start)).toEqual({ planners: [SCRIPTED_MANIFEST] })
    expect(g.threads).toHaveLength(1)
    expect(g.threads[0].terminated).toBeGreaterThan(0)
  })

  it("passes on the guest's problems with the module", async () => {
    const g = scriptedGuest({
      start: (t) => t.reply({ type: 'loadFailed', problems: ['label: expected a string'] }),
    })
    expect(await probePlannerModule(g.start)).toEqual({ problems: ['label: expected a string'] })
    expect(g.threads[0].terminated).toBeGreaterThan(0)
  })

  it('says the thread ended while loading, and why', async () => {
    const g = scriptedGuest({ start: (t) => t.end('ran out of memory (512 MB)') })
    expect(await probePlannerModule(g.start)).toEqual({
      problems: ['its thread ended while loading: ran out of memory (512 MB)'],
    })
  })

  it('names a message that is not an answer to loading', async () => {
    const g = scriptedGuest({ start: (t) => t.reply({ type: 'ready', problems: [] }) })
    expect(await probePlannerModule(g.start)).toEqual({
      problems: ['unexpected message "ready" while loading'],
    })
  })

  it('waits 10 s for a module under a shorter call deadline, then stops its thread', async () => {
    vi.useFakeTimers()
    const g = scriptedGuest(silent)
    const probe = probePlannerModule(g.start, 5000)
    expect(await settledAt(probe, 10_000)).toEqual({ problems: ['did not finish loading within 10 s'] })
    expect(g.threads[0].terminated).toBeGreaterThan(0)
  })

  it('waits the whole call deadline when it is longer than 10 s', async () => {
    vi.useFakeTimers()
    const g = scriptedGuest(silent)
    const probe = probePlannerModule(g.start, 20_000)
    expect(await settledAt(probe, 20_000)).toEqual({ problems: ['did not finish loading within 20 s'] })
  })
})

describe("starting a planner's thread", () => {
  it('sends init with the planner, the scenario and its parameters, and keeps the thread', async () => {
    const g = scriptedGuest()
    const made = await createIsolatedPlanner(options(g.start))
    expect('planner' in made && made.planner.id).toBe(SCRIPTED_MANIFEST.id)
    expect(g.threads[0].received).toEqual([
      {
        type: 'init',
        plannerId: SCRIPTED_MANIFEST.id,
        spec,
        telemetryWindow: DEFAULT_TELEMETRY_WINDOW,
        params: { horizonH: 2 },
      },
    ])
    expect(g.threads[0].terminated).toBe(0)
  })

  it("passes on the module's problems when it no longer loads, and stops the thread", async () => {
    const g = scriptedGuest({
      start: (t) => t.reply({ type: 'loadFailed', problems: ['cannot load it: gone', 'second'] }),
    })
    expect(await createIsolatedPlanner(options(g.start))).toEqual({
      problems: ['cannot load it: gone', 'second'],
    })
    expect(g.threads[0].terminated).toBeGreaterThan(0)
  })

  it('says the thread ended while loading, and why', async () => {
    const g = scriptedGuest({ start: (t) => t.end('crashed: Error: boom') })
    expect(await createIsolatedPlanner(options(g.start))).toEqual({
      problems: ['its thread ended while loading: crashed: Error: boom'],
    })
  })

  it('names a message that is not an answer to loading, and stops the thread', async () => {
    const g = scriptedGuest({ start: (t) => t.reply({ type: 'ready', problems: [] }) })
    expect(await createIsolatedPlanner(options(g.start))).toEqual({
      problems: ['unexpected message "ready" while loading'],
    })
    expect(g.threads[0].terminated).toBeGreaterThan(0)
  })

  it('gives up on a module that does not load within 10 s, and stops the thread', async () => {
    vi.useFakeTimers()
    const g = scriptedGuest(silent)
    const made = createIsolatedPlanner(options(g.start, { timeoutMs: 250 }))
    expect(await settledAt(made, 10_000)).toEqual({ problems: ['did not finish loading within 10 s'] })
    expect(g.threads[0].terminated).toBeGreaterThan(0)
  })

  it("passes on the guest's problems with the parameters, and stops the thread", async () => {
    const g = scriptedGuest({
      init: (_m, t) => t.reply({ type: 'ready', problems: ['horizonH: too large'] }),
    })
    expect(await createIsolatedPlanner(options(g.start))).toEqual({ problems: ['horizonH: too large'] })
    expect(g.threads[0].terminated).toBeGreaterThan(0)
  })

  it('says the thread ended while its parameters were checked, and why', async () => {
    const g = scriptedGuest({ init: (_m, t) => t.end('called process.exit(3)') })
    expect(await createIsolatedPlanner(options(g.start))).toEqual({
      problems: ['its thread ended: called process.exit(3)'],
    })
  })

  it('gives up on an init not answered within 10 s, and stops the thread', async () => {
    vi.useFakeTimers()
    const g = scriptedGuest({ init: () => {} })
    const made = createIsolatedPlanner(options(g.start))
    expect(await settledAt(made, 10_000)).toEqual({ problems: ['did not answer within 10 s'] })
    expect(g.threads[0].terminated).toBeGreaterThan(0)
  })

  it('names a message that is not an answer to init, and stops the thread', async () => {
    const g = scriptedGuest({ init: (_m, t) => t.reply({ type: 'loaded', planners: [] }) })
    expect(await createIsolatedPlanner(options(g.start))).toEqual({
      problems: ['unexpected message "loaded" while checking its parameters'],
    })
    expect(g.threads[0].terminated).toBeGreaterThan(0)
  })
})
