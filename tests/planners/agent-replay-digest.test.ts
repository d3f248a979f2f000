// The view digest a replay checks (replay.ts; docs/agent-protocol.md, "Record and replay"): it
// sees numbers to six significant digits and those under 1e-9 as 0, so a recording made where
// the engine's numbers differ in their last bits (Node's V8 against a browser's) still replays,
// while a real change in the view stops the replay. It needs Web Crypto's SHA-256 and says so
// where there is none. The view data is captured from a short real run and edited by hand.

import { afterEach, describe, expect, it, vi } from 'vitest'
import type { PortableViewData } from '../../src/core'
import { type Recording, replayPlanners } from '../../src/planners/agent'
import { type CallData, firstCalls, miniSpec, NOTHING, recordCalls, standIn } from './agent-call-data'
import { recordingHeader } from './recording-lines'

// Made by the first test that needs them (not while the file is collected: mutation testing
// credits code run outside a test to no test).
let made: ReturnType<typeof load> | undefined
const load = async () => {
  const spec = miniSpec()
  return { spec, calls: await firstCalls(spec, 2) }
}
const shared = () => (made ??= load())
const silent = () => standIn('agent:a', 'allocation', () => NOTHING)

/** The data with every non-integer of the satellites' packed state scaled by `factor`. */
function scaled(data: PortableViewData, factor: number): PortableViewData {
  return { ...data, sats: data.sats.map((x) => (Number.isInteger(x) ? x : x * factor)) }
}

/** Records `calls` and replays `edited` in their place: whether the replay takes each of them. */
async function replays(calls: CallData[], edited: PortableViewData[]): Promise<boolean[]> {
  const { spec } = await shared()
  const rec: Recording = { header: recordingHeader(), calls: await recordCalls(spec, silent(), calls) }
  const [p] = replayPlanners(spec, rec, { where: 'rec.jsonl' })
  const taken: boolean[] = []
  for (const [k, c] of calls.entries()) {
    const replayed = p.isolated!.call(c.timeS, edited[k])
    taken.push(
      await replayed.then(
        () => true,
        () => false,
      ),
    )
  }
  return taken
}

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('the view digest', () => {
  it('takes a view whose numbers differ in their last bits', async () => {
    const { calls } = await shared()
    // About four units in the last place of every position, velocity, charge …
    const edited = calls.map((c) => scaled(c.data, 1 + 2 ** -50))
    expect(await replays(calls, edited)).toEqual([true, true])
  })

  it('stops at a view whose numbers differ within six significant digits', async () => {
    const { calls } = await shared()
    const edited = calls.map((c) => scaled(c.data, 1 + 2e-5))
    expect(await replays(calls, edited)).toEqual([false, false])
  })

  it('counts a number under 1e-9 as 0, and 1e-9 as itself', async () => {
    const { calls } = await shared()
    // The view's time as the number edited: recorded at 0, replayed a hair later.
    const atTime = (timeS: number) => ({ ...calls[0].data, timeS })
    const recorded = [{ ...calls[0], data: atTime(0) }]
    expect(await replays(recorded, [atTime(1e-12)])).toEqual([true])
    expect(await replays(recorded, [atTime(9.99e-10)])).toEqual([true])
    expect(await replays(recorded, [atTime(1e-9)])).toEqual([false])
  })

  it('needs Web Crypto, and says so where there is none', async () => {
    const { spec, calls } = await shared()
    vi.stubGlobal('crypto', undefined)
    await expect(recordCalls(spec, silent(), calls)).rejects.toThrow(/Web Crypto/)
  })
})
