// How a recording's problems are told (recording-format.ts; docs/agent-protocol.md, "Record and
// replay"): by line (1-based, blank lines counted), all at once up to a readable number, the
// field named where the line is one of ours; a first line that is not our header stops the
// reading, as nothing after it can be judged. Recordings written by hand.

import { describe, expect, it } from 'vitest'
import { MAX_RECORDING_BYTES } from '../../src/core'
import { parseRecording, type RecordingIssue } from '../../src/planners/agent'
import { jsonl, recordedCall, recordingHeader } from './recording-lines'

const AGENT = 'agent:a'
const HEADER = JSON.stringify(recordingHeader())
const CALL = JSON.stringify(recordedCall(AGENT, 60))

function issues(text: string): RecordingIssue[] {
  const r = parseRecording(text)
  if (r.ok) throw new Error('the recording was taken')
  return r.issues
}

describe('reading a recording', () => {
  it('passes over blank and white-space lines', () => {
    const text = ['', HEADER, '   ', CALL, '\t', '', JSON.stringify(recordedCall(AGENT, 120)), ' \r'].join(
      '\n',
    )
    const r = parseRecording(text)
    expect(r.ok && r.recording.calls.map((c) => c.timeS)).toEqual([60, 120])
  })

  it('takes a recording of exactly its size bound, and not one character more', () => {
    const text = jsonl([recordingHeader(), recordedCall(AGENT, 60)])
    const padded = text + ' '.repeat(MAX_RECORDING_BYTES - text.length)
    expect(padded.length).toBe(MAX_RECORDING_BYTES)
    expect(parseRecording(padded).ok).toBe(true)
    expect(parseRecording(`${padded} `).ok).toBe(false)
  })

  it('refuses two calls of one planner at the same time (one call a step at most)', () => {
    const text = jsonl([recordingHeader(), recordedCall(AGENT, 60), recordedCall(AGENT, 60)])
    expect(issues(text).map((i) => i.line)).toEqual([3])
  })
})

describe('a first line that is not our header', () => {
  // Called in each test, not while the file is collected: mutation testing credits code run
  // outside a test to no test.
  const foreign = () => issues('{"hello":1}')

  it('stops the reading at once when it is not JSON', () => {
    expect(issues(`nope\n${HEADER}\nnope either\n`).map((i) => i.line)).toEqual([1])
  })

  it('is told the same way whatever foreign value it holds', () => {
    expect(foreign()).toHaveLength(1)
    for (const line of [
      'null',
      '3',
      '"text"',
      '[]',
      '{"protocol":"mission-sandbox/1"}',
      '{"protocol":"mission-sandbox/1","recording":5}',
      '{"protocol":"other/1","recording":2}',
      '{"recording":2}',
    ])
      expect(issues(`${line}\n${CALL}`), line).toEqual(foreign())
  })

  it('names the wrong field of a header of this format, and reads no further', () => {
    const wrongKind = recordingHeader({ agents: [{ kind: 'edge' as never, command: 'x', id: AGENT }] })
    const noStrategy: Record<string, unknown> = { ...recordingHeader() }
    delete noStrategy.strategy
    for (const [header, field] of [
      [wrongKind, 'agents.0.kind'],
      [noStrategy, 'strategy'],
    ] as const) {
      const found = issues(jsonl([header, 'not a call']))
      expect(found).toHaveLength(1)
      expect(found[0].line).toBe(1)
      expect(found[0].message).toContain(`: ${field}: `)
    }
  })

  it('is told apart when it is a recording of format 1, on the line it is on', () => {
    const found = issues(`\n\n{"protocol":"mission-sandbox/1","recording":1}\n${CALL}\n`)
    expect(found).toHaveLength(1)
    expect(found[0].line).toBe(3)
    expect(found[0].message).not.toBe(foreign()[0].message)
  })
})

describe('bad call lines', () => {
  it('are named by line, as "(line)" when the line as a whole is wrong', () => {
    const extra = JSON.stringify({ ...recordedCall(AGENT, 60), extra: 1 })
    const found = issues([HEADER, '3', '[]', extra].join('\n'))
    expect(found.map((i) => i.line)).toEqual([2, 3, 4])
    for (const i of found) expect(i.message).toMatch(/^\(line\): ./)
  })

  it('are listed twenty at most', () => {
    const bad = Array.from({ length: 25 }, () => 'not JSON')
    const found = issues([HEADER, ...bad].join('\n'))
    expect(found.map((i) => i.line)).toEqual(Array.from({ length: 20 }, (_, k) => k + 2))
  })
})
