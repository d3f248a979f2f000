// The schema whose output is the engine's ScenarioSpec: file format in, SI units out.

import { toScenarioSpec } from '../normalise'
import { scenarioFileSchema } from './scenario'

export const scenarioSchema = scenarioFileSchema.transform(toScenarioSpec)
