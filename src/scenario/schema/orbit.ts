// Orbits in the file: explicit Keplerian elements for one satellite, or a Walker pattern for many.

import { z } from 'zod'
import { DEG, R_EARTH } from '../../core/constants'
import type { KeplerElements } from '../../core/spec'
import { perigeeProblem } from '../perigee'
import { expectGot } from '../preview'
import { wrapDegToRad } from '../walker'
import { busSchema } from './bus'
import { expecting, num, oneOf, strict } from './fields'

const R_EARTH_KM = R_EARTH / 1000
/** Beyond the Earth's sphere of influence (~925 000 km) a geocentric orbit means nothing. */
const MAX_ORBIT_KM = 1e6
/** Generous caps that keep a typo ("satellites": 2400000) from freezing the browser. */
export const MAX_WALKER_SATELLITES = 2000

function angle(description: string) {
  return num({ min: -360, max: 360 }, description)
}

export const elementsSchema = strict(
  {
    semiMajorAxisKm: num(
      { gt: R_EARTH_KM, max: MAX_ORBIT_KM },
      'Semi-major axis, km. Give this or altitudeKm, not both',
    ).optional(),
    altitudeKm: num(
      { gt: 0, max: MAX_ORBIT_KM },
      `Orbit size as a height above the equatorial radius, km: a = ${R_EARTH_KM} km + altitudeKm. ` +
        'Give this or semiMajorAxisKm, not both',
    ).optional(),
    eccentricity: num({ min: 0, lt: 1 }, 'Eccentricity, 0 ≤ e < 1 (default 0, circular)').default(0),
    inclinationDeg: num({ min: 0, max: 180 }, 'Inclination, degrees'),
    raanDeg: angle('Right ascension of the ascending node at epoch, degrees (default 0)').default(0),
    argPerigeeDeg: angle('Argument of perigee, degrees (default 0)').default(0),
    meanAnomalyDeg: angle('Mean anomaly at epoch, degrees (default 0)').default(0),
  },
  'orbital elements: an object with "inclinationDeg" and "semiMajorAxisKm" or "altitudeKm"',
)
  .superRefine((el, ctx) => {
    const hasA = el.semiMajorAxisKm !== undefined
    const hasAltitude = el.altitudeKm !== undefined
    if (hasA && hasAltitude) {
      ctx.addIssue({ code: 'custom', message: 'expected semiMajorAxisKm or altitudeKm, got both', input: el })
    } else if (!hasA && !hasAltitude) {
      ctx.addIssue({
        code: 'custom',
        path: ['semiMajorAxisKm'],
        message: 'expected semiMajorAxisKm (or altitudeKm instead), got nothing',
        input: undefined,
      })
    }
    // Range problems in a or e are already reported; only judge the perigee of a sane orbit.
    const a = el.semiMajorAxisKm ?? R_EARTH_KM + (el.altitudeKm ?? Number.NaN)
    const e = el.eccentricity
    const low = a > R_EARTH_KM && e >= 0 && e < 1 ? perigeeProblem(a * (1 - e) - R_EARTH_KM) : undefined
    if (low !== undefined) {
      // A circular orbit is too low because of its size; an elliptical one, usually its shape.
      const field = e > 0 ? 'eccentricity' : hasA ? 'semiMajorAxisKm' : 'altitudeKm'
      ctx.addIssue({ code: 'custom', path: [field], message: low, input: el[field] })
    }
  })
  .transform(
    (el): KeplerElements => ({
      a: (el.semiMajorAxisKm ?? R_EARTH_KM + (el.altitudeKm ?? 0)) * 1000,
      e: el.eccentricity,
      i: el.inclinationDeg * DEG,
      raan: wrapDegToRad(el.raanDeg),
      argp: wrapDegToRad(el.argPerigeeDeg),
      m0: wrapDegToRad(el.meanAnomalyDeg),
    }),
  )
  .describe('Classical orbital elements at the scenario epoch')

const PREFIX_PHRASE = 'a prefix of 1–8 letters or digits such as "A" (needed when there are several walkers)'
const prefix = z
  .string({ error: expecting(PREFIX_PHRASE) })
  .regex(/^[A-Za-z0-9]{1,8}$/)
  .describe(
    'Put before every id this walker makes: "A" gives "A-P1-S1". Required when there are several walkers',
  )

function walkerShape<P extends z.ZodType>(prefixSchema: P) {
  return {
    prefix: prefixSchema,
    pattern: oneOf(
      ['delta', 'star'],
      'delta: nodes spread over 360°; star: over 180° (polar constellations)',
    ),
    inclinationDeg: num({ min: 0, max: 180 }, 'Inclination of every plane, degrees'),
    satellites: num(
      { int: true, min: 1, max: MAX_WALKER_SATELLITES },
      'Total number of satellites t; a multiple of planes',
    ),
    planes: num({ int: true, min: 1 }, 'Number of orbital planes p; divides satellites'),
    phasing: num({ int: true, min: 0 }, 'Walker phasing factor f, 0 ≤ f < planes'),
    altitudeKm: num(
      { gt: 0, max: MAX_ORBIT_KM },
      `Circular orbit height above the equatorial radius (${R_EARTH_KM} km), km`,
    ),
    raanOffsetDeg: angle('Ascending node of the first plane, degrees (default 0)').default(0),
    bus: busSchema.optional(),
  }
}

function checkWalker(
  walker: { satellites: number; planes: number; phasing: number; altitudeKm: number },
  ctx: z.core.$RefinementCtx<unknown>,
) {
  const { satellites: t, planes: p, phasing: f, altitudeKm } = walker
  const low = altitudeKm > 0 ? perigeeProblem(altitudeKm) : undefined
  if (low !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['altitudeKm'], message: low, input: altitudeKm })
  }
  const count = (n: number) => Number.isSafeInteger(n) && n >= 1
  if (count(t) && t <= MAX_WALKER_SATELLITES && count(p) && t % p !== 0) {
    ctx.addIssue({
      code: 'custom',
      path: ['satellites'],
      message: expectGot(`a multiple of planes (${p}) so that every plane gets the same number`, t),
      input: t,
    })
  }
  if (count(p) && Number.isInteger(f) && f >= p) {
    ctx.addIssue({
      code: 'custom',
      path: ['phasing'],
      message: expectGot(`an integer from 0 to ${p - 1} (less than planes)`, f),
      input: f,
    })
  }
}

const WALKER_PHRASE =
  'a Walker pattern: an object with pattern, inclinationDeg, satellites, planes, phasing and altitudeKm'

/** A lone walker: ids "P1-S1" … unless it names a prefix. */
export const walkerSchema = strict(walkerShape(prefix.optional()), WALKER_PHRASE)
  .superRefine(checkWalker)
  .describe('Walker i:t/p/f constellation of circular orbits')

/** One walker of several: the prefix keeps their ids apart. */
export const walkerItemSchema = strict(walkerShape(prefix), WALKER_PHRASE)
  .superRefine(checkWalker)
  .describe('Walker i:t/p/f constellation of circular orbits, with an id prefix')
