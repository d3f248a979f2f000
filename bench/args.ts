// The command line of `npm run bench`, parsed with node:util parseArgs: `--json`, and
// `--only a,b` (or `--only=a,b`) to pick groups. Unknown flags and groups are usage errors.

import { parseArgs } from 'node:util'

export interface BenchArgs {
  json: boolean
  groups: string[]
}

/** Throws an Error whose message is ready to print when the arguments are not understood. */
export function parseBenchArgs(args: string[], known: readonly string[]): BenchArgs {
  const { values } = parseArgs({
    args,
    options: { json: { type: 'boolean', default: false }, only: { type: 'string' } },
    allowPositionals: false,
    strict: true,
  })
  const groups = values.only === undefined ? [...known] : values.only.split(',').map((g) => g.trim())
  const unknown = groups.filter((g) => !known.includes(g))
  if (unknown.length > 0) throw new Error(`unknown group ${unknown.join(', ')} (known: ${known.join(', ')})`)
  return { json: values.json, groups }
}
