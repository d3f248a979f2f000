// Prints the agent protocol's JSON Schema (generated from src/planners/agent/json-schema.ts):
// `npm run schema:agent` writes it to docs/agent-protocol.schema.json.

import { agentProtocolJsonSchema } from '../src/planners/agent/json-schema'

process.stdout.write(`${JSON.stringify(agentProtocolJsonSchema(), null, 2)}\n`)
