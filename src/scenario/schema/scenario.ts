// The scenario file format: one zod schema, the single source of truth for what a file may say.
// ScenarioFileInput is what people write; ScenarioFile is the same after validation, with
// defaults filled in, durations in seconds, the epoch in milliseconds and each station, task,
// event and strategy already in its ScenarioSpec form. normalise.ts assembles the rest.

import { z } from 'zod'
import { MIN_SAMPLE_EVERY_S, MIN_STEP_S } from '../../core/limits'
import { CURRENT_FORMAT_VERSION } from '../migrations'
import { busSchema } from './bus'
import { constellationSchema } from './constellation'
import { eventSchema } from './events'
import {
  boolean,
  duration,
  epoch,
  expecting,
  listOf,
  num,
  RESERVED_NAMES,
  reservedName,
  strict,
  text,
} from './fields'
import { stationSchema, taskSchema } from './ground'
import { strategiesSchema } from './strategies'

/** Far beyond any demonstration; the cap bounds the work a typo ("24d" for "24h"…) can ask for. */
const MAX_DURATION_S = 366 * 86400
const MAX_STATIONS = 500
const MAX_TASKS = 5000
const MAX_EVENTS = 5000
export const DEFAULT_PLANNER_CADENCE = '10m'
export const DEFAULT_SAMPLE_EVERY = '5m'

export const componentsSchema = strict(
  {
    failureHealth: num(
      { gt: 0, lt: 1 },
      'Health at or below which a component has failed, 0..1 (default 0.3)',
    ).default(0.3),
    noiseSigma: num(
      { min: 0, max: 1 },
      'Standard deviation of the noise on measured component health (default 0.01)',
    ).default(0.01),
  },
  'component limits: an object with "failureHealth" and "noiseSigma"',
)
  .prefault({})
  .describe('Limits and measurement noise of component health telemetry')

export const scenarioShape = {
  $schema: z
    .string()
    .optional()
    .describe('Where an editor finds this JSON Schema; ignored by Mission Sandbox'),
  formatVersion: z
    .literal(CURRENT_FORMAT_VERSION, { error: expecting(`the number ${CURRENT_FORMAT_VERSION}`) })
    .describe('Version of the scenario file format'),
  id: z
    .string({ error: expecting('a scenario id (letters, digits, "-" or "_", such as "default")') })
    .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/)
    .refine((v) => !RESERVED_NAMES.has(v), { error: (i) => reservedName('a scenario id', String(i.input)) })
    .describe('Short unique name of the scenario, e.g. "default"'),
  title: z
    .string({ error: expecting('a title (1–200 characters)') })
    .min(1)
    .max(200)
    .describe('One-line title shown in the scenario picker'),
  demonstrates: text(
    'a short text',
    500,
    'Which synergy of AI in spaceflight this scenario demonstrates',
  ).default(''),
  description: text('a description', 20000, 'What happens and what a newcomer should watch for').default(''),
  epoch,
  duration: duration({ positive: true, maxS: MAX_DURATION_S }, 'Length of the run'),
  step: duration(
    { positive: true, minS: MIN_STEP_S },
    `Fixed simulation time step, at least ${MIN_STEP_S} s`,
  ),
  seed: num({ int: true, min: 0, max: 2 ** 32 - 1 }, 'Seed of the random number generator, 0..4294967295'),
  j2: boolean('Apply the J2 secular drift to Keplerian orbits (default true)').default(true),
  plannerCadence: duration(
    { positive: true },
    `How often the planners run; a whole multiple of step (default "${DEFAULT_PLANNER_CADENCE}")`,
  ).prefault(DEFAULT_PLANNER_CADENCE),
  sampleEvery: duration(
    { positive: true, minS: MIN_SAMPLE_EVERY_S },
    `How often telemetry and metrics are sampled, at least ${MIN_SAMPLE_EVERY_S} s; a multiple of step (default "${DEFAULT_SAMPLE_EVERY}")`,
  ).prefault(DEFAULT_SAMPLE_EVERY),
  components: componentsSchema,
  bus: busSchema.optional(),
  constellation: constellationSchema,
  groundStations: listOf(stationSchema, 'ground stations', { max: MAX_STATIONS })
    .default([])
    .describe('Ground stations for downlinks'),
  tasks: listOf(taskSchema, 'tasks', { max: MAX_TASKS })
    .default([])
    .describe('Imaging tasks known at the epoch'),
  events: listOf(eventSchema, 'events', { max: MAX_EVENTS })
    .default([])
    .describe('Scripted events, in any order'),
  strategies: strategiesSchema,
}

export const scenarioFileSchema = strict(scenarioShape, 'a scenario: a JSON object').meta({
  title: 'Mission Sandbox scenario',
  description:
    'A scenario for Mission Sandbox: an illustrative satellite constellation, its ground segment, tasks, ' +
    'scripted events and the planner strategies to compare. Human units: km, degrees, durations such as ' +
    '"1h30m", ISO-8601 UTC times.',
})

/** What a scenario file may contain, as written. */
export type ScenarioFileInput = z.input<typeof scenarioFileSchema>
/** A validated file: defaults filled, units partly converted (see the header). */
export type ScenarioFile = z.output<typeof scenarioFileSchema>
