// The JSON Schema of every message of the agent protocol and of `sim serve`, by direction,
// generated from the zod schemas the engine checks lines with (`npm run schema:agent` writes it
// to docs/agent-protocol.schema.json; a test fails when that file is stale).

import { z } from 'zod'
import {
  agentHelloSchema,
  answerSchema,
  decisionsSchema,
  engineHelloSchema,
  planSchema,
  querySchema,
} from './protocol'
import {
  observationSchema,
  observeSchema,
  resetSchema,
  serveErrorSchema,
  serveHelloSchema,
  stepSchema,
} from './serve-protocol'

export function agentProtocolJsonSchema(): object {
  const messages = z.object({
    engineToAgent: z.union([engineHelloSchema, planSchema, answerSchema]),
    agentToEngine: z.union([agentHelloSchema, querySchema, decisionsSchema]),
    serveToClient: z.union([serveHelloSchema, observationSchema, serveErrorSchema]),
    clientToServe: z.union([agentHelloSchema, resetSchema, stepSchema, observeSchema]),
  })
  return z.toJSONSchema(messages, { target: 'draft-2020-12', unrepresentable: 'any' })
}
