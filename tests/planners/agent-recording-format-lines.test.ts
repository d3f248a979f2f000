// What a recording's lines may hold (recording-format.ts; docs/agent-protocol.md, "Record and
// replay"): the header's agents (one to three, of the three planner kinds) and seed (a 32-bit
// unsigned integer, as everywhere a seed is given), and each call's view digest (exactly 32
// lower-case hex digits) and outcome (the decisions as read — or the reader's fault — or the
// call's own fault). Recordings written by hand, each differing from a valid one in one field.

import { describe, expect, it } from 'vitest'
import { parseRecording, type RecordedCall } from '../../src/planners/agent'
import { jsonl, recordedCall, recordingHeader } from './recording-lines'

const AGENT = 'agent:a'

describe('the header', () => {
  const takes = (over: Parameters<typeof recordingHeader>[0]) =>
    parseRecording(jsonl([recordingHeader(over)])).ok

  it('names one to three agents, each playing one of the three planner kinds', () => {
    const agents = (['trajectory', 'allocation', 'maintenance'] as const).map((kind) => ({
      kind,
      command: `./${kind}`,
      id: `agent:${kind}`,
    }))
    expect(takes({ agents })).toBe(true)
    for (const a of agents) expect(takes({ agents: [a] })).toBe(true)
    expect(takes({ agents: [] })).toBe(false)
    expect(takes({ agents: [...agents, { ...agents[0], id: 'agent:fourth' }] })).toBe(false)
    expect(takes({ agents: [{ ...agents[0], kind: 'edge' as never }] })).toBe(false)
  })

  it('takes a seed from 0 to 2³² − 1, whole', () => {
    expect(takes({ seed: 0 })).toBe(true)
    expect(takes({ seed: 2 ** 32 - 1 })).toBe(true)
    expect(takes({ seed: 2 ** 32 })).toBe(false)
    expect(takes({ seed: -1 })).toBe(false)
    expect(takes({ seed: 1.5 })).toBe(false)
  })
})

describe('a call line', () => {
  const takes = (call: RecordedCall) => parseRecording(jsonl([recordingHeader(), call])).ok

  it('carries a view digest of exactly 32 lower-case hex digits', () => {
    const hex = '0123456789abcdef'
    expect(takes(recordedCall(AGENT, 60, { viewDigest: hex + hex }))).toBe(true)
    for (const bad of [
      hex + hex.slice(1),
      `${hex}${hex}0`,
      `x${hex}${hex}`,
      `${hex}${hex}x`,
      hex.toUpperCase() + hex,
    ])
      expect(takes(recordedCall(AGENT, 60, { viewDigest: bad })), bad).toBe(false)
  })

  it("carries the decisions as read, or the reader's fault, or the call's fault", () => {
    const outcomes: RecordedCall['outcome'][] = [
      { ok: true, read: { ok: true, items: [{ kind: 'assignTask' }, 'junk'], total: 2 } },
      { ok: true, read: { ok: false, fault: 'decisions: expected an array' } },
      { ok: false, fault: 'timed out', disable: false },
    ]
    for (const outcome of outcomes) expect(takes(recordedCall(AGENT, 60, { outcome }))).toBe(true)
    const bad = [
      { ok: true, read: { ok: false } },
      { ok: true, read: { ok: true, fault: 'x' } },
      { ok: true, read: { ok: false, fault: 'x', items: [] } },
      { ok: false, fault: 'timed out' },
    ]
    for (const outcome of bad) expect(takes(recordedCall(AGENT, 60, { outcome } as never))).toBe(false)
  })
})
