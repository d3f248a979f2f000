// The built-in default scenario as the loader reads it, computed when the app is built
// (`npm run built-in-scenario` writes built-in-default.json; tests/worker/built-in-load.test.ts
// fails when it no longer matches scenarios/default.json or the loader's answer for it). With it,
// the page's first load needs no scenario validator in the worker: zod's scenario schema, the
// cross-checks and the element-set readers (scenario-reader.ts) load only when another text comes.
//
// The answer is taken only for the very text it was computed from, compared in full, and only
// with the built-in planners: the loader is deterministic and depends on nothing else (not on the
// file name), so for that text its answer is exactly this one. Any other text, however close,
// goes through the loader as before.

import type { ScenarioSpec } from '../core'
import type { LoadResult } from '../scenario/loader'
import builtIn from './built-in-default.json'

/** What the loader answered for the default scenario's text at build time. */
export interface BuiltInLoad {
  text: string
  scenario: ScenarioSpec
}

const BUILT_IN = builtIn as unknown as BuiltInLoad

/** The loader's answer for `text` when it is the built-in default scenario's text, else null. */
export function builtInLoad(text: string): LoadResult | null {
  if (text !== BUILT_IN.text) return null
  // A copy: the run may keep it, and the next load of the same text must see the original.
  return { ok: true, scenario: structuredClone(BUILT_IN.scenario) }
}
