// Recordings written by hand for the tests of their format and replay: a valid header, call
// lines, and the text `sim run --record` would write for them (one JSON value per line).

import type { RecordedCall, Recording, RecordingHeader } from '../../src/planners/agent'

/** 32 lower-case hex digits: a well-formed view digest (of no view in particular). */
export const SOME_DIGEST = '0123456789abcdef'.repeat(2)

export function recordingHeader(over: Partial<RecordingHeader> = {}): RecordingHeader {
  return {
    protocol: 'mission-sandbox/1',
    recording: 2,
    scenario: 'mini',
    strategy: 'onboard',
    seed: 3,
    agents: [{ kind: 'allocation', command: 'python3 agent.py', id: 'agent:a' }],
    ...over,
  }
}

/** A call of `planner` at `timeS` that decided nothing. */
export function recordedCall(planner: string, timeS: number, over: Partial<RecordedCall> = {}): RecordedCall {
  return {
    planner,
    timeS,
    viewDigest: SOME_DIGEST,
    outcome: { ok: true, read: { ok: true, items: [], total: 0 } },
    ...over,
  }
}

/** The text of a recording, or of any values given as its lines. */
export function jsonl(r: Recording | readonly unknown[]): string {
  const values = Array.isArray(r) ? r : [(r as Recording).header, ...(r as Recording).calls]
  return `${values.map((x) => JSON.stringify(x)).join('\n')}\n`
}
