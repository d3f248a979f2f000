// Prints the agent protocol's JSON Schema (generated from src/planners/agent/protocol.ts):
// `npm run schema:agent` writes it to docs/agent-protocol.schema.json.

import { agentProtocolJsonSchema } from '../src/planners/agent/protocol'

process.stdout.write(`${JSON.stringify(agentProtocolJsonSchema(), null, 2)}\n`)
