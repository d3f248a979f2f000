// Recording an agent's calls and replaying them (replay.ts; docs/agent-protocol.md, "Record and
// replay"), with the planners called by hand on view data captured from a short real run: what a
// recording holds, how much telemetry each side says it holds (the engine sends only what is
// new), and that a replay gives each recorded agent back its own outcomes by time and stops with
// the caller's error, naming the recording, where it has no call or the view differs.

import { describe, expect, it } from 'vitest'
import type { PlanOutcome } from '../../src/core'
import { type Recording, recordingPlanner, replayPlanners } from '../../src/planners/agent'
import { firstCalls, miniSpec, recordCalls, standIn } from './agent-call-data'
import { recordingHeader } from './recording-lines'

// Made by the first test that needs them (not while the file is collected: mutation testing
// credits code run outside a test to no test).
let made: ReturnType<typeof load> | undefined
const load = async () => {
  const spec = miniSpec()
  return { spec, calls: await firstCalls(spec, 3) }
}
const shared = () => (made ??= load())

/** What an agent decided at `timeS`: one decision naming the time, so each call's differs. */
const decided =
  (who: string) =>
  (timeS: number): PlanOutcome => ({
    ok: true,
    read: { ok: true, items: [{ kind: 'note', who, timeS }], total: 1 },
    ms: 7,
  })
const withoutTiming = (o: PlanOutcome) => {
  const { ms: _ms, ...rest } = o
  return rest
}

describe('recording an agent', () => {
  it('refuses a planner that is not an agent', async () => {
    const { spec } = await shared()
    expect(() => recordingPlanner({ id: 'built-in', kind: 'allocation', plan: () => [] }, spec, [])).toThrow()
  })

  it("keeps each call's planner, time, view digest and outcome, without its timing", async () => {
    const { spec, calls } = await shared()
    const recorded = await recordCalls(spec, standIn('agent:a', 'allocation', decided('a')), calls)
    expect(recorded.map((c) => [c.planner, c.timeS, c.outcome])).toEqual(
      calls.map((c) => ['agent:a', c.timeS, withoutTiming(decided('a')(c.timeS))]),
    )
    for (const c of recorded) expect(c.viewDigest).toMatch(/^[0-9a-f]{32}$/)
  })

  it('says it holds the telemetry both the agent and its own digest hold, the lesser', async () => {
    const { spec, calls } = await shared()
    const count = calls[0].data.telemetry.count
    expect(count).toBeGreaterThan(0)
    let agentHolds = 10 * count
    const p = recordingPlanner(
      standIn('agent:a', 'allocation', decided('a'), () => agentHolds),
      spec,
      [],
    )
    expect(p.isolated!.telemetryKnown()).toBe(0)
    await p.isolated!.call(calls[0].timeS, calls[0].data)
    expect(p.isolated!.telemetryKnown()).toBe(count)
    agentHolds = 1
    expect(p.isolated!.telemetryKnown()).toBe(1)
  })
})

describe('replaying a recording', () => {
  // Two agents of two kinds, called at the same times, their calls interleaved as recorded.
  const twoAgents = async (): Promise<Recording> => {
    const { spec, calls } = await shared()
    const a = await recordCalls(spec, standIn('agent:a', 'allocation', decided('a')), calls)
    const m = await recordCalls(spec, standIn('agent:m', 'maintenance', decided('m')), calls)
    return {
      header: recordingHeader({
        agents: [
          { kind: 'allocation', command: './a', id: 'agent:a' },
          { kind: 'maintenance', command: './m', id: 'agent:m' },
        ],
      }),
      calls: a.flatMap((c, k) => [c, m[k]]),
    }
  }

  it('makes one planner per recorded agent, called on the cadence only, as an agent is', async () => {
    const { spec } = await shared()
    const planners = replayPlanners(spec, await twoAgents(), { where: 'rec.jsonl' })
    expect(planners.map((p) => [p.id, p.kind, p.triggers])).toEqual([
      ['agent:a', 'allocation', []],
      ['agent:m', 'maintenance', []],
    ])
  })

  it('gives each agent back its own recorded outcome, found by time in any order', async () => {
    const { spec, calls } = await shared()
    const [a, m] = replayPlanners(spec, await twoAgents(), { where: 'rec.jsonl' })
    for (const k of [2, 0, 1]) {
      const { timeS, data } = calls[k]
      expect(await a.isolated!.call(timeS, data)).toEqual(withoutTiming(decided('a')(timeS)))
      expect(await m.isolated!.call(timeS, data)).toEqual(withoutTiming(decided('m')(timeS)))
    }
  })

  it('says it holds the telemetry of the last view it checked', async () => {
    const { spec, calls } = await shared()
    const [a] = replayPlanners(spec, await twoAgents(), { where: 'rec.jsonl' })
    expect(a.isolated!.telemetryKnown()).toBe(0)
    await a.isolated!.call(calls[1].timeS, calls[1].data)
    expect(a.isolated!.telemetryKnown()).toBe(calls[1].data.telemetry.count)
  })
})

describe('a replay that cannot go on', () => {
  class Refused extends Error {}
  const fail = (m: string) => new Refused(m)

  it('stops at a time the recording has no call for, with a plain Error by default', async () => {
    const { spec, calls } = await shared()
    const rec: Recording = {
      header: recordingHeader(),
      calls: await recordCalls(spec, standIn('agent:a', 'allocation', decided('a')), calls.slice(0, 1)),
    }
    const late = calls[1]
    const [plain] = replayPlanners(spec, rec, { where: 'rec.jsonl' })
    const thrown = await plain.isolated!.call(late.timeS, late.data).catch((e: unknown) => e)
    expect(thrown).toBeInstanceOf(Error)
    expect((thrown as Error).message.startsWith('rec.jsonl: ')).toBe(true)
    const [told] = replayPlanners(spec, rec, { where: 'rec.jsonl', fail })
    await expect(told.isolated!.call(late.timeS, late.data)).rejects.toBeInstanceOf(Refused)
    // An agent the recording has no call of at all stops the same way.
    const [none] = replayPlanners(spec, { ...rec, calls: [] }, { where: 'rec.jsonl', fail })
    await expect(none.isolated!.call(late.timeS, late.data)).rejects.toBeInstanceOf(Refused)
  })

  it('stops at a call whose view differs from the recorded one', async () => {
    const { spec, calls } = await shared()
    const rec: Recording = {
      header: recordingHeader(),
      calls: await recordCalls(spec, standIn('agent:a', 'allocation', decided('a')), calls),
    }
    const [a] = replayPlanners(spec, rec, { where: 'rec.jsonl', fail })
    // The first call's time with the second call's view.
    const thrown = await a.isolated!.call(calls[0].timeS, calls[1].data).catch((e: unknown) => e)
    expect(thrown).toBeInstanceOf(Refused)
    expect((thrown as Error).message.startsWith('rec.jsonl: ')).toBe(true)
    // The recorded view itself still replays.
    expect(await a.isolated!.call(calls[0].timeS, calls[0].data)).toEqual(
      withoutTiming(decided('a')(calls[0].timeS)),
    )
  })
})
