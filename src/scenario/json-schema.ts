// The file format as JSON Schema (draft 2020-12), for editors: "$schema" in a scenario file
// points at public/scenario.schema.json, which is this function's output. The input side is
// what matters to an editor (durations as text, defaults optional), hence io: 'input'.

import { z } from 'zod'
import { scenarioFileSchema } from './schema/scenario'

export function scenarioJsonSchema(): object {
  return z.toJSONSchema(scenarioFileSchema, { io: 'input', target: 'draft-2020-12' })
}
