// Scripted events: what happens to the constellation during the run, at fixed times.

import { z } from 'zod'
import type { ComponentName, DegradationProfile, ScriptedEvent } from '../../core/spec'
import { formatDuration } from '../duration'
import { duration, id, listOf, num, oneOf, strict, tagged } from './fields'
import { taskSchema } from './ground'

const COMPONENTS = ['reactionWheel', 'battery', 'thruster'] as const satisfies readonly ComponentName[]

const at = () => duration({}, 'When the event happens, measured from the epoch')
const satellite = () => id('a satellite id', 'The satellite concerned: an id from the constellation')
const component = () => oneOf(COMPONENTS, 'The component concerned')
const literal = <T extends string>(tag: T, description: string) => z.literal(tag).describe(description)

const profileSchema = tagged(
  'kind',
  [
    strict(
      {
        kind: literal('exponential', 'Wear that accelerates: health = 1 − scale·(e^(τ/tauH) − 1)'),
        tauH: num({ gt: 0, max: 1e6 }, 'Time constant of the wear, hours'),
        scale: num({ gt: 0, max: 1e6 }, 'Size of the first, slow phase of wear (default 0.02)').default(0.02),
      },
      'an exponential profile: {"kind": "exponential", "tauH": 20}',
    ),
    strict(
      {
        kind: literal('linear', 'Steady wear: health = 1 − perHour·τ (τ in hours)'),
        perHour: num({ gt: 0, max: 1e6 }, 'Health lost per hour'),
      },
      'a linear profile: {"kind": "linear", "perHour": 0.01}',
    ),
  ],
  'a degradation profile: an object with "kind": "exponential" or "linear"',
)
  .transform(
    (p): DegradationProfile =>
      p.kind === 'linear'
        ? { kind: 'linear', ratePerS: p.perHour / 3600 }
        : { kind: 'exponential', tauS: p.tauH * 3600, scale: p.scale },
  )
  .describe('How health falls after the onset; τ is the time since the event')

const degradation = strict(
  {
    type: literal('degradation', 'A component starts to wear out'),
    at: at(),
    satellite: satellite(),
    component: component(),
    profile: profileSchema,
  },
  'a degradation event',
)

const failure = strict(
  {
    type: literal('failure', 'A component fails outright'),
    at: at(),
    satellite: satellite(),
    component: component(),
  },
  'a failure event',
)

const stationOutage = strict(
  {
    type: literal('stationOutage', 'A ground station goes off the air'),
    at: at(),
    station: id('a ground-station id', 'The station concerned: an id from groundStations'),
    for: duration({ positive: true }, 'How long the outage lasts'),
  },
  'a station outage event',
)

const solarStorm = strict(
  {
    type: literal('solarStorm', 'A solar storm degrades power and telemetry for everyone'),
    at: at(),
    for: duration({ positive: true }, 'How long the storm lasts'),
    powerLoss: num({ min: 0, max: 1 }, 'Fraction of solar-array output lost, 0..1 (default 0.3)').default(
      0.3,
    ),
    noiseFactor: num({ min: 1, max: 1e6 }, 'Multiplier on telemetry noise, ≥ 1 (default 3)').default(3),
  },
  'a solar storm event',
)

const taskBurst = strict(
  {
    type: literal('taskBurst', 'New tasks arrive (a disaster, say)'),
    at: at(),
    tasks: listOf(taskSchema, 'tasks', { min: 1, max: 1000 }).describe(
      'The tasks that arrive; their windows are measured from the epoch',
    ),
  },
  'a task burst event',
).superRefine((burst, ctx) => {
  if (typeof burst.at !== 'number' || !Array.isArray(burst.tasks)) return
  burst.tasks.forEach((task, i) => {
    if (typeof task?.windowEndS === 'number' && task.windowEndS <= burst.at) {
      ctx.addIssue({
        code: 'custom',
        path: ['tasks', i, 'window', 1],
        message:
          `expected a time after the burst arrives (at ${formatDuration(burst.at)}), ` +
          `got ${formatDuration(task.windowEndS)}`,
        input: task.windowEndS,
      })
    }
  })
})

const conjunction = strict(
  {
    type: literal('conjunction', 'A close approach is predicted: a warning arrives at "at"'),
    at: at(),
    satellite: satellite(),
    tca: duration({}, 'Time of closest approach, measured from the epoch; after "at"'),
    missDistanceKm: num({ min: 0, max: 1e6 }, 'Predicted miss distance if nothing is done, km'),
    hardBodyRadiusKm: num({ gt: 0, max: 100 }, 'Combined hard-body radius, km (default 0.02)').default(0.02),
  },
  'a conjunction event',
).superRefine((c, ctx) => {
  if (typeof c.at === 'number' && typeof c.tca === 'number' && c.tca <= c.at) {
    ctx.addIssue({
      code: 'custom',
      path: ['tca'],
      message: `expected a time after "at" (${formatDuration(c.at)}), got ${formatDuration(c.tca)}`,
      input: c.tca,
    })
  }
})

export const eventSchema = tagged(
  'type',
  [degradation, failure, stationOutage, solarStorm, taskBurst, conjunction],
  'an event: an object with "type" and "at"',
)
  .transform((e): ScriptedEvent => {
    switch (e.type) {
      case 'degradation':
        return { type: e.type, atS: e.at, satellite: e.satellite, component: e.component, profile: e.profile }
      case 'failure':
        return { type: e.type, atS: e.at, satellite: e.satellite, component: e.component }
      case 'stationOutage':
        return { type: e.type, atS: e.at, station: e.station, durationS: e.for }
      case 'solarStorm':
        return {
          type: e.type,
          atS: e.at,
          durationS: e.for,
          powerLoss: e.powerLoss,
          noiseFactor: e.noiseFactor,
        }
      case 'taskBurst':
        return { type: e.type, atS: e.at, tasks: e.tasks }
      case 'conjunction':
        return {
          type: e.type,
          atS: e.at,
          satellite: e.satellite,
          tcaS: e.tca,
          missDistanceM: e.missDistanceKm * 1000,
          hardBodyRadiusM: e.hardBodyRadiusKm * 1000,
        }
    }
  })
  .describe('A scripted event')
