#!/usr/bin/env node
// Entry point of the `sim` command: loads src/cli/main.ts (from a bundle of the sources kept in
// node_modules/.cache, or through tsx when none can be built: bin/fast-load.mjs says why) and
// hands over to it. Exit codes: 0 ok, 2 bad input, 1 internal error.
import { importEntry } from './fast-load.mjs'

const { main } = await importEntry('main')
process.exitCode = await main(process.argv.slice(2))
