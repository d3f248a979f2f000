// Writes src/worker/built-in-default.json: the default scenario's text and the loader's answer
// for it, so the worker's first load needs no validator (src/worker/built-in-load.ts).
// `npm run built-in-scenario` after changing scenarios/default.json or the loader; a test says so.

import { readFileSync, writeFileSync } from 'node:fs'
import { registry } from '../src/planners'
import { loadScenarioText } from '../src/scenario'

const text = readFileSync(new URL('../scenarios/default.json', import.meta.url), 'utf8')
const loaded = loadScenarioText(text, 'scenarios/default.json', { knownPlanners: registry.names() })
if (!loaded.ok || loaded.notices)
  throw new Error('scenarios/default.json must load plainly (no issues, no notices)')
const out = new URL('../src/worker/built-in-default.json', import.meta.url)
writeFileSync(out, `${JSON.stringify({ text, scenario: loaded.scenario }, null, 2)}\n`)
process.stderr.write(`wrote ${out.pathname}\n`)
