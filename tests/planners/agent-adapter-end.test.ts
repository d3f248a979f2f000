// How an agent's process ends, through the adapter: its end reaches the host once (the
// GuestTransport contract: at most once, never after terminate()), with the tail of its standard
// error appended as docs/agent-protocol.md shows (`exited with code 3; its stderr ends: "bye"`),
// and the process is killed whatever ended it.

import { describe, expect, it } from 'vitest'
import { withStderr } from '../../src/planners/agent'
import { greeted, inCall, openAgent, settle, viewData } from './agent-adapter-support'

describe('withStderr', () => {
  it('leaves the reason alone when the agent wrote nothing, or only white space', () => {
    expect(withStderr('exited with code 1', '')).toBe('exited with code 1')
    expect(withStderr('exited with code 1', ' \n\t \n')).toBe('exited with code 1')
  })

  it('adds the tail on one line, its runs of white space folded to one space and its ends trimmed', () => {
    expect(withStderr('exited with code 3', '\n  Traceback:\n\n  boom\t!  \n')).toBe(
      'exited with code 3; its stderr ends: "Traceback: boom !"',
    )
  })
})

describe("the end of an agent's process", () => {
  it('is reported once, with its stderr, and the process is killed', async () => {
    const a = await greeted()
    a.link.stderr = 'bye\n'
    a.link.end('exited with code 3')
    a.link.end('exited with code 3')
    expect(a.exits).toEqual(['exited with code 3; its stderr ends: "bye"'])
    expect(a.link.kills).toBe(1)
  })

  it('ends the conversation: a later call is not sent, a later line not read', async () => {
    const a = await greeted()
    a.link.end('ended by signal SIGSEGV')
    const sent = a.link.sent.length
    a.transport.post({ type: 'plan', call: 1, data: await viewData() })
    a.link.json({ type: 'decisions', call: 1, decisions: [] })
    await settle()
    expect(a.link.sent).toHaveLength(sent)
    expect(a.toHost.map((m) => m.type)).toEqual(['loaded', 'ready'])
  })
})

describe('terminate()', () => {
  it('kills the process, and nothing after it is reported: neither its end nor its lines', async () => {
    const a = await inCall(await viewData(), 1)
    a.transport.terminate()
    expect(a.link.kills).toBe(1)
    a.link.json({ type: 'decisions', call: 1, decisions: [] })
    a.link.end('ended by signal SIGKILL')
    await settle()
    expect(a.exits).toEqual([])
    expect(a.toHost.some((m) => m.type === 'planned')).toBe(false)
  })

  it('stops calls too: a call after it is not sent to the process', async () => {
    const a = await greeted()
    a.transport.terminate()
    const sent = a.link.sent.length
    a.transport.post({ type: 'plan', call: 1, data: await viewData() })
    await settle()
    expect(a.link.sent).toHaveLength(sent)
  })
})

describe("the transport's detail (added to a deadline fault)", () => {
  it("is the stderr's tail in the same words, or nothing when there is none", () => {
    const a = openAgent()
    expect(a.transport.detail?.()).toBe('')
    a.link.stderr = 'still thinking\n'
    expect(a.transport.detail?.()).toBe('; its stderr ends: "still thinking"')
  })
})
