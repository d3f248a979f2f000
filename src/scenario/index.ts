// The scenario room's public face: load a scenario file into the engine's ScenarioSpec, format
// the problems when it fails, and describe the format as JSON Schema.

export { formatBytes, MAX_SCENARIO_BYTES } from '../core/limits'
export { parseDuration } from './duration'
export {
  constellationOf,
  type ElementSetReading,
  type ElementSets,
  readElementSets,
  toScenarioValue,
} from './element-sets'
export { formatIssue, formatIssues, type ScenarioIssue, toScenarioIssue } from './issues'
export { scenarioJsonSchema } from './json-schema'
export { type LoadResult, loadScenarioText, loadScenarioValue } from './loader'
export { CURRENT_FORMAT_VERSION } from './migrations'
export type { KnownPlanners, LoadOptions } from './options'
export { MIN_PERIGEE_KM } from './perigee'
export { clip } from './preview'
export type { ScenarioFile, ScenarioFileInput } from './schema/scenario'
