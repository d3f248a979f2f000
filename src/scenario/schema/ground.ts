// Things on the ground: stations that receive downlinks and imaging tasks over places.

import { z } from 'zod'
import { DEG } from '../../core/constants'
import type { StationSpec, TaskSpec } from '../../core/spec'
import { formatDuration } from '../duration'
import { duration, expecting, id, num, oneOf, strict, text } from './fields'

export const latitude = () => num({ min: -90, max: 90 }, 'Geodetic latitude, degrees north')
export const longitude = () => num({ min: -180, max: 180 }, 'Longitude, degrees east')

export const stationSchema = strict(
  {
    id: id('a ground-station id', 'Unique ground-station id, e.g. "svalbard"'),
    name: text('a display name', 100, 'Display name (default: the id)').optional(),
    latDeg: latitude(),
    lonDeg: longitude(),
    altitudeKm: num({ min: -0.5, max: 9 }, 'Height above the WGS-84 ellipsoid, km (default 0)').default(0),
    minElevationDeg: num(
      { min: 0, lt: 90 },
      'Lowest usable elevation of a pass, degrees (default 5)',
    ).default(5),
  },
  'a ground station: an object with "id", "latDeg" and "lonDeg"',
)
  .transform(
    (s): StationSpec => ({
      id: s.id,
      name: s.name ?? s.id,
      latRad: s.latDeg * DEG,
      lonRad: s.lonDeg * DEG,
      altM: s.altitudeKm * 1000,
      minElevationRad: s.minElevationDeg * DEG,
    }),
  )
  .describe('A ground station that can receive downlinks')

const time = () => duration({}, 'Time after the epoch')

export const windowSchema = z
  .tuple([time(), time()], { error: expecting('a window ["start", "end"]: two times after the epoch') })
  .superRefine(([start, end], ctx) => {
    if (typeof start === 'number' && typeof end === 'number' && end <= start) {
      ctx.addIssue({
        code: 'custom',
        path: [1],
        message: `expected an end after the start (${formatDuration(start)}), got ${formatDuration(end)}`,
        input: end,
      })
    }
  })
  .describe('When the task can be served: [start, end], both measured from the epoch')

export const taskSchema = strict(
  {
    id: id('a task id', 'Unique task id, e.g. "img-tokyo"'),
    kind: oneOf(['image'], 'What the task asks for (default "image")').default('image'),
    target: strict(
      { latDeg: latitude(), lonDeg: longitude() },
      'a target: an object with "latDeg" and "lonDeg"',
    ).describe('The place to image'),
    window: windowSchema,
    priority: num({ int: true, min: 1, max: 10 }, 'Importance, 1 (low) to 10 (urgent) (default 1)').default(
      1,
    ),
    dataMb: num({ gt: 0, max: 1e6 }, 'Size of the product, megabits'),
  },
  'a task: an object with "id", "target", "window" and "dataMb"',
)
  .transform(
    (t): TaskSpec => ({
      id: t.id,
      kind: t.kind,
      target: { latRad: t.target.latDeg * DEG, lonRad: t.target.lonDeg * DEG },
      windowStartS: t.window[0],
      windowEndS: t.window[1],
      priority: t.priority,
      dataBits: t.dataMb * 1e6,
    }),
  )
  .describe('An imaging request')
