// What the engine sees of a call to an isolated planner when its thread misbehaves: a throw, a
// thread that ends, an answer out of turn or none before the deadline each come back as a fault
// that disables the planner (the thread stopped where it still runs); a thread lost between calls
// is started again at the next call (or, for an agent that may hold state, named as the fault);
// errors outside plan() are warnings. Deadlines run on vitest's fake timers.

import { afterEach, describe, expect, it, vi } from 'vitest'
import { DEFAULT_TELEMETRY_WINDOW, type PortableViewData } from '../../src/core'
import {
  createIsolatedPlanner,
  type IsolatedPlanner,
  type IsolatedPlannerOptions,
} from '../../src/planners/isolation/host'
import type { GuestMessage } from '../../src/planners/isolation/protocol'
import { makeSpec } from '../support/spec-fixture'
import { NO_DECISIONS, SCRIPTED_MANIFEST, scriptedGuest } from './scripted-guest'

const spec = makeSpec()
const ID = SCRIPTED_MANIFEST.id

/**
 * View data as the host handles it: it forwards the data and reads only how many telemetry
 * samples it carries (the scripted guest rebuilds nothing).
 */
function viewData(samples: number): PortableViewData {
  return { telemetry: { count: samples } } as unknown as PortableViewData
}

async function planner(
  g: ReturnType<typeof scriptedGuest>,
  over: Partial<IsolatedPlannerOptions> = {},
): Promise<IsolatedPlanner> {
  const made = await createIsolatedPlanner({
    start: g.start,
    manifest: SCRIPTED_MANIFEST,
    spec,
    telemetryWindow: DEFAULT_TELEMETRY_WINDOW,
    params: {},
    ...over,
  })
  if (!('planner' in made)) throw new Error(made.problems.join('; '))
  return made.planner
}

function call(p: IsolatedPlanner, samples = 5) {
  return p.isolated!.call(0, viewData(samples))
}

afterEach(() => {
  vi.useRealTimers()
})

describe('a call answered by the guest', () => {
  it('posts a plan with the view data and returns the decisions read and the time inside plan()', async () => {
    const g = scriptedGuest()
    const p = await planner(g)
    expect(p.lastRebuildMs()).toBe(0)
    const data = viewData(7)
    expect(await p.isolated!.call(0, data)).toEqual({ ok: true, read: NO_DECISIONS, ms: 1 })
    expect(g.threads[0].received.at(-1)).toEqual({ type: 'plan', call: expect.any(Number), data })
    // The guest rebuilt the view in 2 ms (the script's figure) and now holds the 7 samples.
    expect(p.lastRebuildMs()).toBe(2)
    expect(p.isolated!.telemetryKnown()).toBe(7)
  })

  it('that threw is a fault with its error and time, and disables the planner', async () => {
    const g = scriptedGuest({
      plan: (m, t) =>
        t.reply({
          type: 'planned',
          call: m.call,
          ok: false,
          error: 'threw: RangeError: x',
          ms: 4,
          rebuildMs: 1,
        }),
    })
    const p = await planner(g)
    expect(await call(p)).toEqual({ ok: false, fault: 'threw: RangeError: x', disable: true, ms: 4 })
  })

  it('for another call (a stale or forged answer) is out of turn: the thread is stopped', async () => {
    const g = scriptedGuest({
      plan: (m, t) =>
        t.reply({ type: 'planned', call: m.call + 1, ok: true, read: NO_DECISIONS, ms: 1, rebuildMs: 1 }),
    })
    const p = await planner(g)
    expect(await call(p)).toEqual({ ok: false, fault: 'answered out of turn ("planned")', disable: true })
    expect(g.threads[0].terminated).toBeGreaterThan(0)
  })

  it('of another kind is out of turn even when it carries the call number', async () => {
    // A module can post on its thread's port itself; the host trusts only a 'planned' message.
    const g = scriptedGuest({
      plan: (m, t) => t.reply({ type: 'ready', problems: [], call: m.call } as GuestMessage),
    })
    const p = await planner(g)
    expect(await call(p)).toEqual({ ok: false, fault: 'answered out of turn ("ready")', disable: true })
    expect(g.threads[0].terminated).toBeGreaterThan(0)
  })
})

describe('a thread that ends', () => {
  it('during a call is a fault naming why, and the planner is disabled', async () => {
    const g = scriptedGuest({ plan: (_m, t) => t.end('ran out of memory (512 MB)') })
    const p = await planner(g)
    expect(await call(p)).toEqual({ ok: false, fault: 'ran out of memory (512 MB)', disable: true })
    // A thread that is gone holds no telemetry.
    expect(p.isolated!.telemetryKnown()).toBe(0)
  })

  it('as the call is posted (its end reported at once) is the same fault, not a wait for the deadline', async () => {
    vi.useFakeTimers()
    const g = scriptedGuest({ plan: (_m, t) => t.end('called process.exit(1)', true) })
    const p = await planner(g, { timeoutMs: 50 })
    const outcome = call(p)
    await vi.runAllTimersAsync()
    expect(await outcome).toEqual({ ok: false, fault: 'called process.exit(1)', disable: true })
  })

  it('between calls is a warning, and the next call starts a new thread that answers', async () => {
    const warnings: string[] = []
    const g = scriptedGuest()
    const p = await planner(g, { onWarning: (m) => warnings.push(m) })
    await call(p)
    g.threads[0].end('crashed: Error: timer')
    await Promise.resolve()
    expect(warnings).toEqual([
      `planner ${ID}: its thread ended between calls (crashed: Error: timer); a new one starts at the next call`,
    ])
    expect(await call(p, 3)).toEqual({ ok: true, read: NO_DECISIONS, ms: 1 })
    expect(g.threads).toHaveLength(2)
    expect(g.threads[1].received.map((m) => m.type)).toEqual(['init', 'plan'])
  })

  it("between calls, with restarts off (an agent), is the next call's fault, named as between calls", async () => {
    const warnings: string[] = []
    const g = scriptedGuest()
    const p = await planner(g, { restart: false, onWarning: (m) => warnings.push(m) })
    g.threads[0].end('crashed: Error: timer')
    await Promise.resolve()
    expect(warnings).toEqual([])
    expect(await call(p)).toEqual({
      ok: false,
      fault: 'crashed: Error: timer (between calls)',
      disable: true,
    })
    expect(g.threads).toHaveLength(1)
  })

  it('keeps the reason it ended when the planner is disposed afterwards', async () => {
    const g = scriptedGuest()
    const p = await planner(g, { restart: false })
    g.threads[0].end('crashed: Error: timer')
    await Promise.resolve()
    p.dispose()
    expect(await call(p)).toEqual({
      ok: false,
      fault: 'crashed: Error: timer (between calls)',
      disable: true,
    })
  })

  it('between calls, when the new thread cannot load, is a fault with every problem', async () => {
    let starts = 0
    const g = scriptedGuest({
      start: (t) =>
        ++starts === 1
          ? t.reply({ type: 'loaded', planners: [SCRIPTED_MANIFEST] })
          : t.reply({ type: 'loadFailed', problems: ['cannot load it: ENOENT', 'second problem'] }),
    })
    const p = await planner(g)
    g.threads[0].end('crashed: Error: timer')
    await Promise.resolve()
    expect(await call(p)).toEqual({
      ok: false,
      fault: 'could not be restarted: cannot load it: ENOENT; second problem',
      disable: true,
    })
  })
})

describe('the call deadline', () => {
  it('stops a call not answered in time: the thread is terminated and the planner disabled', async () => {
    vi.useFakeTimers()
    const g = scriptedGuest({ plan: () => {} })
    const p = await planner(g, { timeoutMs: 250 })
    let outcome: unknown = null
    void call(p).then((o) => (outcome = o))
    await vi.advanceTimersByTimeAsync(249)
    expect(outcome).toBe(null)
    await vi.advanceTimersByTimeAsync(1)
    expect(outcome).toEqual({ ok: false, fault: 'did not return within 250 ms', disable: true })
    expect(g.threads[0].terminated).toBeGreaterThan(0)
    expect(p.isolated!.telemetryKnown()).toBe(0)
  })

  it('of a call answered in time is cancelled: the thread lives on and answers the next call', async () => {
    vi.useFakeTimers()
    const g = scriptedGuest()
    const p = await planner(g, { timeoutMs: 250 })
    await call(p)
    await vi.advanceTimersByTimeAsync(2500)
    expect(g.threads[0].terminated).toBe(0)
    expect(await call(p)).toEqual({ ok: true, read: NO_DECISIONS, ms: 1 })
    expect(g.threads).toHaveLength(1)
  })

  it('stops an agent for good: its next call says it was terminated', async () => {
    vi.useFakeTimers()
    const g = scriptedGuest({ plan: () => {} })
    const p = await planner(g, { timeoutMs: 250, restart: false })
    const first = call(p)
    await vi.advanceTimersByTimeAsync(250)
    await first
    expect(await call(p)).toEqual({ ok: false, fault: 'terminated (between calls)', disable: true })
  })
})

describe('messages outside any call', () => {
  it('a stray error is a warning naming the planner, and the calls go on', async () => {
    const warnings: string[] = []
    const g = scriptedGuest()
    const p = await planner(g, { onWarning: (m) => warnings.push(m) })
    g.threads[0].sendNow({ type: 'stray', message: 'Error: from a timer' })
    expect(warnings).toEqual([`planner ${ID}: an error outside plan() (ignored): Error: from a timer`])
    expect(await call(p)).toEqual({ ok: true, read: NO_DECISIONS, ms: 1 })
  })

  it('a stray error with no one listening for warnings is dropped', async () => {
    const g = scriptedGuest()
    const p = await planner(g)
    expect(() => g.threads[0].sendNow({ type: 'stray', message: 'Error: from a timer' })).not.toThrow()
    expect(await call(p)).toEqual({ ok: true, read: NO_DECISIONS, ms: 1 })
  })

  it('an answer nobody waits for is dropped', async () => {
    const g = scriptedGuest()
    const p = await planner(g)
    const late: GuestMessage = {
      type: 'planned',
      call: 99,
      ok: true,
      read: NO_DECISIONS,
      ms: 1,
      rebuildMs: 1,
    }
    expect(() => g.threads[0].sendNow(late)).not.toThrow()
    expect(await call(p)).toEqual({ ok: true, read: NO_DECISIONS, ms: 1 })
  })
})

describe("the planner's thread around calls", () => {
  it('is told a call is coming only when it can wait awake for it and still runs', async () => {
    const awake = scriptedGuest({}, true)
    const a = await planner(awake)
    a.isolated!.prepare!()
    expect(awake.threads[0].received.at(-1)).toEqual({ type: 'wake' })

    const asleep = scriptedGuest({}, false)
    const b = await planner(asleep)
    b.isolated!.prepare!()
    expect(asleep.threads[0].received.map((m) => m.type)).toEqual(['init'])

    const gone = scriptedGuest({}, true)
    const c = await planner(gone, { restart: false })
    gone.threads[0].end('crashed: Error: timer')
    await Promise.resolve()
    c.isolated!.prepare!()
    expect(gone.threads[0].received.map((m) => m.type)).toEqual(['init'])
  })

  it('is terminated by dispose(), after which it holds no telemetry', async () => {
    const g = scriptedGuest()
    const p = await planner(g)
    await call(p, 9)
    expect(p.isolated!.telemetryKnown()).toBe(9)
    p.dispose()
    expect(g.threads[0].terminated).toBe(1)
    expect(p.isolated!.telemetryKnown()).toBe(0)
  })
})
