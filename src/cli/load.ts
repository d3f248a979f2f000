// Reading scenario files from disk for the CLI. The loader itself (src/scenario) never touches
// the file system; this is the thin Node side around it.

import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { ScenarioSpec } from '../core'
import { registry } from '../planners'
import { formatIssues, loadScenarioText } from '../scenario'
import { InputError } from './errors'

/** The built-in default scenario, used when no file is named. */
export const DEFAULT_SCENARIO = fileURLToPath(new URL('../../scenarios/default.json', import.meta.url))

export interface ReadScenario {
  spec: ScenarioSpec
  file: string
  text: string
  /** What the loader filled in (an element-set file becomes a scenario with stated defaults). */
  notices: string[]
}

/** Reads and validates one scenario or element-set file (the default scenario when none is named). */
export function readScenario(file: string | undefined): ReadScenario {
  const shown = file ?? 'scenarios/default.json'
  const text = readText(file ?? DEFAULT_SCENARIO, shown)
  const result = loadScenarioText(text, shown, { knownPlanners: registry.names() })
  if (!result.ok) throw new InputError(formatIssues(result.issues))
  return { spec: result.scenario, file: shown, text, notices: result.notices ?? [] }
}

export function readText(path: string, shown: string): string {
  try {
    return readFileSync(path, 'utf8')
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    const why =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : String(code ?? err)
    throw new InputError(`${shown}: cannot read the file: ${why}`)
  }
}
