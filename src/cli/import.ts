// `sim import FILE [--into scenario.json] [--out new.json]`: an element-set file (2LE/3LE, OMM
// JSON or CSV) written out as a scenario to edit, or its satellites merged into an existing
// scenario. The result is validated before it is written, so what import writes, run accepts.

import { registry } from '../planners'
import {
  constellationOf,
  formatIssues,
  loadScenarioValue,
  readElementSets,
  toScenarioIssue,
  toScenarioValue,
} from '../scenario'
import { InputError, UsageError } from './errors'
import { readRegularFile } from './files'

export function importElementSets(file: string, into: string | undefined): { json: string; notice: string } {
  const text = readRegularFile(file, file)
  const reading = readElementSets(text, file)
  if (reading === undefined)
    throw new UsageError(`import: ${file} is not an element-set file (2LE/3LE text, OMM JSON or OMM CSV)`)
  if (!reading.ok) throw new InputError(formatIssues(reading.issues.map((i) => toScenarioIssue(i, file))))
  let value: Record<string, unknown>
  let notice: string
  if (into === undefined) {
    const imported = toScenarioValue(reading.sets, file)
    value = imported.value
    notice = imported.notice
  } else {
    value = mergeInto(into, reading.sets)
    notice = `${file}: added ${reading.sets.records.length} satellites to ${into}`
  }
  const loaded = loadScenarioValue(value, into ?? file, { knownPlanners: registry.names() })
  if (!loaded.ok) throw new InputError(formatIssues(loaded.issues))
  return { json: `${JSON.stringify(value, null, 2)}\n`, notice }
}

function mergeInto(into: string, sets: Parameters<typeof constellationOf>[0]): Record<string, unknown> {
  const text = readRegularFile(into, into)
  let scenario: unknown
  try {
    scenario = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)
  } catch {
    throw new InputError(
      `${into}: expected a scenario (JSON), got text that does not parse; run "sim validate ${into}"`,
    )
  }
  const loaded = loadScenarioValue(scenario, into, { knownPlanners: registry.names() })
  if (!loaded.ok) throw new InputError(formatIssues(loaded.issues))
  const base = scenario as Record<string, unknown>
  const constellation = { ...(base.constellation as Record<string, unknown>) }
  const added = constellationOf(sets, new Set(loaded.scenario.satellites.map((s) => s.id)))
  for (const [key, list] of Object.entries(added)) {
    const before = Array.isArray(constellation[key]) ? (constellation[key] as unknown[]) : []
    constellation[key] = [...before, ...(list as unknown[])]
  }
  return { ...base, constellation }
}
