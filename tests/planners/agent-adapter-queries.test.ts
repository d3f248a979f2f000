// An agent's queries during a call, through the adapter: each is answered on the agent's
// standard input from the call's view, a refused one is an answer (not a fault), and a call
// allows MAX_QUERIES_PER_CALL of them, counted afresh at each call (docs/agent-protocol.md:
// "more than 20 000 queries in one call" ends the agent).

import { describe, expect, it } from 'vitest'
import { createViewRebuilder, DEFAULT_TELEMETRY_WINDOW } from '../../src/core'
import { MAX_QUERIES_PER_CALL } from '../../src/planners/agent'
import { inCall, settle, spec, viewData } from './agent-adapter-support'

/** A query the engine refuses at once (no such satellite): cheap to ask many times. */
const refused = (id: number) => ({ type: 'query', id, query: 'canImage', satellite: 99, task: 0, timeS: 0 })

describe("an agent's queries", () => {
  it("are answered from the call's view, echoing the id; a refused one is an answer, not a fault", async () => {
    const d = await viewData()
    const view = createViewRebuilder(spec, DEFAULT_TELEMETRY_WINDOW)(d)
    const a = await inCall(d)
    const before = a.link.sent.length
    a.link.json({ type: 'query', id: 7, query: 'canImage', satellite: 3, task: 0, timeS: view.timeS })
    a.link.json(refused(8))
    const answers = a.link.sent.slice(before)
    expect(answers).toHaveLength(2)
    expect(answers[0]).toEqual({ type: 'answer', id: 7, result: view.canImage(3, 0, view.timeS) })
    expect(answers[1]).toMatchObject({ type: 'answer', id: 8, result: null, error: expect.any(String) })
    expect(a.exits).toEqual([])
    expect(a.link.kills).toBe(0)
  })

  it('may number MAX_QUERIES_PER_CALL in one call; one more ends the agent with the documented fault', async () => {
    expect(MAX_QUERIES_PER_CALL).toBe(20_000)
    const a = await inCall(await viewData())
    const before = a.link.sent.length
    for (let i = 1; i <= MAX_QUERIES_PER_CALL; i++) a.link.json(refused(i))
    expect(a.link.sent.length - before).toBe(MAX_QUERIES_PER_CALL)
    expect(a.exits).toEqual([])
    a.link.json(refused(MAX_QUERIES_PER_CALL + 1))
    expect(a.link.sent.length - before).toBe(MAX_QUERIES_PER_CALL)
    expect(a.exits).toEqual(['broke the protocol: more than 20000 queries in one call'])
    expect(a.link.kills).toBe(1)
  })

  it('are counted per call: the next call may ask again', async () => {
    const a = await inCall(await viewData(), 1)
    for (let i = 1; i <= MAX_QUERIES_PER_CALL; i++) a.link.json(refused(i))
    a.link.json({ type: 'decisions', call: 1, decisions: [] })
    await settle()
    a.transport.post({ type: 'plan', call: 2, data: await viewData() })
    const before = a.link.sent.length
    a.link.json(refused(1))
    expect(a.link.sent.slice(before)).toEqual([expect.objectContaining({ type: 'answer', id: 1 })])
    expect(a.exits).toEqual([])
  })
})
