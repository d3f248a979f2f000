// Reading scenario files from disk for the CLI. The loader itself (src/scenario) never touches
// the file system; this is the thin Node side around it.

import { fileURLToPath } from 'node:url'
import type { ScenarioSpec } from '../core'
import { registry } from '../planners'
import { formatIssues, loadScenarioText } from '../scenario'
import { InputError } from './errors'
import { readRegularFile } from './files'

/** The built-in default scenario, used when no file is named. */
export const DEFAULT_SCENARIO = fileURLToPath(new URL('../../scenarios/default.json', import.meta.url))

export interface ReadScenario {
  spec: ScenarioSpec
  /** The name shown in messages: as given, or scenarios/default.json. */
  file: string
  /** Where it was read from. */
  path: string
  text: string
  /** What the loader filled in (an element-set file becomes a scenario with stated defaults). */
  notices: string[]
}

/** Reads and validates one scenario or element-set file (the default scenario when none is named). */
export function readScenario(file: string | undefined): ReadScenario {
  const shown = file ?? 'scenarios/default.json'
  const path = file ?? DEFAULT_SCENARIO
  const text = readRegularFile(path, shown)
  const result = loadScenarioText(text, shown, { knownPlanners: registry.names() })
  if (!result.ok) throw new InputError(formatIssues(result.issues))
  return { spec: result.scenario, file: shown, path, text, notices: result.notices ?? [] }
}

/** The scenario's warnings, one line each: "file: warning: path: what to know". */
export function warningLines(file: string, spec: ScenarioSpec): string {
  return (spec.warnings ?? []).map((w) => `${file}: warning: ${w}\n`).join('')
}
