#!/usr/bin/env node
// Entry point of the `sim` command: registers tsx so the TypeScript sources run directly,
// then hands over to src/cli/main.ts. Exit codes: 0 ok, 2 bad input, 1 internal error.
import { register } from 'tsx/esm/api'

register()
const { main } = await import('../src/cli/main.ts')
process.exitCode = await main(process.argv.slice(2))
