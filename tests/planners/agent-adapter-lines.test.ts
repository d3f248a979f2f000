// What the agent adapter makes of the lines an agent writes (docs/agent-protocol.md, "What ends
// an agent"): a hello first, then during a call any queries (answered from the call's view) and
// one decisions line for that call. Anything else — a line that is not JSON, not a message, out of
// turn or for another call — "broke the protocol": the process is killed and its end reported
// once, numbered by line, and nothing it writes afterwards counts.

import { describe, expect, it } from 'vitest'
import { AGENT_PROTOCOL } from '../../src/planners/agent'
import { AGENT_HELLO, greeted, INIT, inCall, openAgent, settle, viewData } from './agent-adapter-support'

const BROKE = 'broke the protocol: '

describe("the agent's first line", () => {
  it('is its hello, which ends nothing and reaches the host as nothing', async () => {
    const a = await greeted()
    expect(a.exits).toEqual([])
    expect(a.link.kills).toBe(0)
    expect(a.toHost.map((m) => m.type)).toEqual(['loaded', 'ready'])
  })

  it('breaks the protocol when it is another message, and the fault says what the hello is', async () => {
    const a = openAgent()
    a.transport.post(INIT)
    a.link.json({ type: 'decisions', call: 1, decisions: [] })
    expect(a.exits).toEqual([expect.stringMatching(/^broke the protocol: /)])
    expect(a.exits[0]).toContain(`"protocol":"${AGENT_PROTOCOL}"`)
    expect(a.link.kills).toBe(1)
  })

  it('is read once: a second hello is out of turn', async () => {
    const a = await greeted()
    a.link.json(AGENT_HELLO)
    expect(a.exits).toEqual([expect.stringMatching(/^broke the protocol: line 2 /)])
  })
})

describe('a line that is not JSON', () => {
  it('is quoted with its line number (the documented fault text)', async () => {
    const a = openAgent()
    a.link.line('this is not json {')
    expect(a.exits).toEqual([`${BROKE}line 1 is not JSON ("this is not json {")`])
    expect(a.link.kills).toBe(1)
  })

  it('is counted among the lines before it', async () => {
    const a = await inCall(await viewData())
    a.link.json({ type: 'query', id: 1, query: 'canImage', satellite: 0, task: 0, timeS: 0 })
    a.link.line('{')
    expect(a.exits).toEqual([`${BROKE}line 3 is not JSON ("{")`])
  })

  it('is quoted whole up to 80 characters, and cut there with an ellipsis beyond', () => {
    const exactly = openAgent()
    exactly.link.line('x'.repeat(80))
    expect(exactly.exits).toEqual([`${BROKE}line 1 is not JSON ("${'x'.repeat(80)}")`])
    const longer = openAgent()
    longer.link.line(`${'y'.repeat(80)}zzz`)
    expect(longer.exits).toEqual([`${BROKE}line 1 is not JSON ("${'y'.repeat(80)}…")`])
  })
})

describe('a JSON line that does not fit the conversation', () => {
  it('between calls breaks the protocol, naming the line', async () => {
    const a = await greeted()
    a.link.json({ type: 'decisions', call: 1, decisions: [] })
    expect(a.exits).toEqual([expect.stringMatching(/^broke the protocol: line 2 /)])
    await settle()
    expect(a.toHost.map((m) => m.type)).toEqual(['loaded', 'ready'])
  })

  it('during a call, names the field that is wrong', async () => {
    const a = await inCall(await viewData())
    // zod names the field only for a defect it checks on past (an integer beyond 2^53); others,
    // such as a call of 1.5, it reports against the line as a whole, as in the next test.
    a.link.json({ type: 'decisions', call: 2 ** 60, decisions: [] })
    expect(a.exits).toEqual([expect.stringMatching(/^broke the protocol: line 2: call: \S/)])
  })

  it('during a call, says "(line)" when the line as a whole is no message', async () => {
    const a = await inCall(await viewData())
    a.link.json({ type: 'teleport' })
    expect(a.exits).toEqual([expect.stringMatching(/^broke the protocol: line 2: \(line\): /)])
  })

  it('answering another call than the current one breaks the protocol, naming both', async () => {
    const a = await inCall(await viewData(), 1)
    a.link.json({ type: 'decisions', call: 2, decisions: [] })
    expect(a.exits).toEqual([expect.stringMatching(/^broke the protocol: .*call 2\b.*call 1\b/)])
    await settle()
    expect(a.toHost.some((m) => m.type === 'planned')).toBe(false)
  })
})

describe('during a call', () => {
  it('ends with the decisions as read, unchecked (checked one by one later), timed on the clock', async () => {
    let now = 1000
    const a = await inCall(await viewData(), 3, { clock: () => now })
    now += 250
    const note = { kind: 'note', rationale: 'nothing to do' }
    // Unknown to the engine: refused later with a fault of its own, not a protocol break.
    const odd = { kind: 'teleport', satellite: 'P1-S1', rationale: 'why not' }
    a.link.json({ type: 'decisions', call: 3, decisions: [note, odd] })
    await settle()
    expect(a.exits).toEqual([])
    expect(a.toHost.at(-1)).toEqual({
      type: 'planned',
      call: 3,
      ok: true,
      read: { ok: true, items: [note, odd], total: 2 },
      ms: 250,
      rebuildMs: 0,
    })
  })

  it('takes no time without a clock', async () => {
    const a = await inCall(await viewData(), 1)
    a.link.json({ type: 'decisions', call: 1, decisions: [] })
    await settle()
    expect(a.toHost.at(-1)).toMatchObject({ type: 'planned', call: 1, ok: true, ms: 0 })
  })
})

describe('after the agent broke the protocol', () => {
  it('nothing it writes counts, and its later end is not reported again', async () => {
    const a = await inCall(await viewData(), 1)
    a.link.line('oops')
    const sent = a.link.sent.length
    a.link.json({ type: 'query', id: 1, query: 'canImage', satellite: 0, task: 0, timeS: 0 })
    a.link.json({ type: 'decisions', call: 1, decisions: [] })
    a.link.end('exited with code 0')
    await settle()
    expect(a.link.sent).toHaveLength(sent)
    expect(a.toHost.some((m) => m.type === 'planned')).toBe(false)
    expect(a.exits).toEqual([`${BROKE}line 2 is not JSON ("oops")`])
    expect(a.link.kills).toBe(1)
  })
})
