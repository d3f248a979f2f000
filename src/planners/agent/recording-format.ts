// What a recording of an agent run is (`sim run --record`): one header line, then one line per
// planner call (time, planner, a digest of the view the agent saw, the outcome: decisions as read,
// or the fault). The zod schemas here check a recording wherever it is opened — the CLI's
// `--replay` and the app's "Open recording…" — line by line, with its bounds (core/limits.ts).
// replay.ts makes planners of it. Pure, and small enough for the app's main thread.

import { z } from 'zod'
import type { PlanOutcome } from '../../core/engine/context'
import { MAX_DECISIONS_PER_CALL } from '../../core/engine/decision-check'
import { MAX_RECORDED_CALLS, MAX_RECORDING_BYTES } from '../../core/limits'
import { clip } from '../../core/preview'
import { AGENT_PROTOCOL } from './protocol'

/**
 * The recording format's version. 2: the view digest rounds every number to six significant
 * digits (replay.ts); version 1 hashed them to the last bit, which differs between
 * JavaScript engines (Node's Math.sin is not a browser's), so a recording made by the CLI could
 * not replay in the app.
 */
export const RECORDING_VERSION = 2

const kind = z.enum(['trajectory', 'allocation', 'maintenance'])

export const recordingHeaderSchema = z
  .object({
    protocol: z.literal(AGENT_PROTOCOL),
    recording: z.literal(RECORDING_VERSION),
    scenario: z.string().min(1).max(200).describe('The scenario id the run was recorded on.'),
    strategy: z.string().min(1).max(200).describe('The strategy the agents played in.'),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 32 - 1),
    agents: z
      .array(z.object({ kind, command: z.string().max(4000), id: z.string().min(1).max(200) }).strict())
      .min(1)
      .max(3),
  })
  .strict()

const readSchema = z.union([
  z
    .object({
      ok: z.literal(true),
      items: z.array(z.union([z.record(z.string(), z.unknown()), z.string()])).max(MAX_DECISIONS_PER_CALL),
      total: z.number().int().min(0),
    })
    .strict(),
  z.object({ ok: z.literal(false), fault: z.string() }).strict(),
])

export const recordedCallSchema = z
  .object({
    planner: z.string(),
    timeS: z.number(),
    viewDigest: z.string().regex(/^[0-9a-f]{32}$/, 'expected 32 lower-case hex digits'),
    outcome: z.union([
      z.object({ ok: z.literal(true), read: readSchema }).strict(),
      z.object({ ok: z.literal(false), fault: z.string(), disable: z.boolean() }).strict(),
    ]),
  })
  .strict()

export type RecordingHeader = z.infer<typeof recordingHeaderSchema>
export interface RecordedCall {
  planner: string
  timeS: number
  viewDigest: string
  outcome: PlanOutcome
}
export interface Recording {
  header: RecordingHeader
  calls: RecordedCall[]
}
/** What is wrong with a recording, by line (1-based). */
export interface RecordingIssue {
  line: number
  message: string
}

/** Issues reported at most, so a wrong file gives a readable list. */
const MAX_ISSUES = 20

function firstIssue(error: z.ZodError): string {
  const i = error.issues[0]
  return `${i.path.join('.') || '(line)'}: ${i.message}`
}

/** Reads a recording's text (what `--record` wrote), checking every line; all issues at once. */
export function parseRecording(
  text: string,
): { ok: true; recording: Recording } | { ok: false; issues: RecordingIssue[] } {
  if (text.length > MAX_RECORDING_BYTES)
    return {
      ok: false,
      issues: [{ line: 1, message: `expected a recording of at most ${MAX_RECORDING_BYTES / 1e6} MB` }],
    }
  const issues: RecordingIssue[] = []
  const lines = text.split('\n')
  let header: RecordingHeader | null = null
  const calls: RecordedCall[] = []
  const lastTime = new Map<string, number>()
  for (let n = 0; n < lines.length && issues.length < MAX_ISSUES; n++) {
    const line = lines[n]
    if (line.trim() === '') continue
    let value: unknown
    try {
      value = JSON.parse(line)
    } catch {
      issues.push({ line: n + 1, message: `not JSON ("${clip(line, 60)}")` })
      if (!header) break
      continue
    }
    if (!header) {
      const h = value as { protocol?: unknown; recording?: unknown } | null
      const parsed = recordingHeaderSchema.safeParse(value)
      if (parsed.success) {
        header = parsed.data
        for (const a of header.agents) lastTime.set(a.id, Number.NEGATIVE_INFINITY)
        continue
      }
      if (h?.protocol === AGENT_PROTOCOL && h?.recording === 1) {
        issues.push({
          line: n + 1,
          message: `a recording of format 1, made by an earlier version whose view digests differ between JavaScript engines: record it again (format ${RECORDING_VERSION})`,
        })
        break
      }
      const ours = h?.protocol === AGENT_PROTOCOL && h?.recording === RECORDING_VERSION
      issues.push({
        line: n + 1,
        message: `not a recording of ${AGENT_PROTOCOL} (made with --record)${ours ? `: ${firstIssue(parsed.error)}` : ''}`,
      })
      break
    }
    if (calls.length >= MAX_RECORDED_CALLS) {
      issues.push({ line: n + 1, message: `expected at most ${MAX_RECORDED_CALLS} recorded calls` })
      break
    }
    const parsed = recordedCallSchema.safeParse(value)
    if (!parsed.success) {
      issues.push({ line: n + 1, message: firstIssue(parsed.error) })
      continue
    }
    // The text as written, not zod's copy: a replay gives back exactly what the engine took.
    const call = value as RecordedCall
    const before = lastTime.get(call.planner)
    if (before === undefined)
      issues.push({
        line: n + 1,
        message: `planner "${clip(call.planner, 60)}" is not one of the recording's agents`,
      })
    else if (!(call.timeS > before))
      issues.push({
        line: n + 1,
        message: `calls of ${call.planner} out of time order (t = ${call.timeS} s after t = ${before} s)`,
      })
    else lastTime.set(call.planner, call.timeS)
    calls.push(call)
  }
  if (!header && issues.length === 0)
    issues.push({ line: 1, message: 'empty: expected the header line --record writes' })
  return issues.length || !header ? { ok: false, issues } : { ok: true, recording: { header, calls } }
}
