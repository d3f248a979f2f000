// The messages of `sim serve --stdio` (gym-style stepping over the agent protocol's lines), as zod
// schemas: the server checks every client line with them and answers a bad one with an `error`
// naming the line and the field, and docs/agent-protocol.schema.json is generated from them too.
// docs/agent-protocol.md, "Gym-style stepping", has every field.

import { z } from 'zod'
import { AGENT_PROTOCOL, agentHelloSchema, opportunitiesSchema } from './protocol'

const kind = z.enum(['trajectory', 'allocation', 'maintenance'])

/** Server → client, first. */
export const serveHelloSchema = z
  .object({
    protocol: z.literal(AGENT_PROTOCOL),
    type: z.literal('hello'),
    mode: z.literal('serve'),
    kind: kind.describe('The planner kind the client plays.'),
    scenario: z.string(),
    untilS: z.number().describe('Each episode ends at this time.'),
    idleTimeoutS: z.number().describe('The server stops when no line comes from the client for this long.'),
    maxLineBytes: z
      .number()
      .describe('Longest line the client may send; a longer one is answered with an error.'),
  })
  .strict()

export const resetSchema = z
  .object({
    type: z.literal('reset'),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 32 - 1)
      .optional()
      .describe('Default: the scenario’s seed.'),
  })
  .strict()

export const stepSchema = z
  .object({
    type: z.literal('step'),
    decisions: z
      .array(z.unknown())
      .describe('Decisions as in a `decisions` message, each checked by the engine.'),
  })
  .strict()

export const observeSchema = z.object({ type: z.literal('observe') }).strict()

/** Client → server: each type and its schema. */
export const CLIENT_MESSAGES = {
  hello: agentHelloSchema,
  reset: resetSchema,
  step: stepSchema,
  observe: observeSchema,
} as const

export const observationSchema = z
  .object({
    type: z.literal('observation'),
    step: z.number().int().describe('Steps taken in this episode (0 after reset).'),
    timeS: z.number(),
    done: z.boolean().describe('The episode reached its end (view and opportunities are null).'),
    reward: z.number().describe('Growth of value since the previous observation.'),
    value: z.number().describe('The priority-weighted value of delivered tasks so far.'),
    view: z.record(z.string(), z.unknown()).nullable().describe('As in a plan message.'),
    opportunities: opportunitiesSchema.nullable().describe('As in a plan message.'),
  })
  .strict()

export const serveErrorSchema = z
  .object({ type: z.literal('error'), message: z.string().describe('What was wrong, naming the line.') })
  .strict()

export type ServeHello = z.infer<typeof serveHelloSchema>
export type Observation = z.infer<typeof observationSchema>
export type ClientMessage = {
  [K in keyof typeof CLIENT_MESSAGES]: z.infer<(typeof CLIENT_MESSAGES)[K]>
}[keyof typeof CLIENT_MESSAGES]

/** Reads one client line: the message, or why not in words (the line's number is the caller's). */
export function readClientLine(
  line: string,
): { ok: true; message: ClientMessage } | { ok: false; error: string } {
  let value: unknown
  try {
    value = JSON.parse(line)
  } catch {
    return { ok: false, error: 'is not JSON' }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { ok: false, error: 'expected an object such as {"type":"reset"}' }
  const type = (value as { type?: unknown }).type
  const names = Object.keys(CLIENT_MESSAGES)
  if (typeof type !== 'string' || !names.includes(type))
    return {
      ok: false,
      error: `type: expected one of ${names.map((n) => `"${n}"`).join(', ')}, got ${JSON.stringify(type ?? null).slice(0, 40)}`,
    }
  const parsed = CLIENT_MESSAGES[type as keyof typeof CLIENT_MESSAGES].safeParse(value)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    return { ok: false, error: `${issue.path.join('.') || '(line)'}: ${issue.message}` }
  }
  return { ok: true, message: parsed.data as ClientMessage }
}
