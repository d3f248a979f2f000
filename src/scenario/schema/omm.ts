// CCSDS Orbit Mean-elements Messages (OMM) as listed in a scenario: the key names and units of
// the standard as public catalogues serve them in JSON (numbers) or from Space-Track (numeric
// strings). The fields SGP4 reads are checked; a few header keys are allowed and dropped. In a
// scenario, any other key is refused (a typo such as "MEAN_MOTOIN" gets a "did you mean");
// element-set files keep only OMM_KEYS before this schema sees them, so catalogue extras
// (OBJECT_TYPE, COUNTRY_CODE, …) do not stop an import. satellite.js's json2satrec reads the result.

import { z } from 'zod'
import type { OmmElements } from '../../core/spec'
import { expectGot } from '../preview'
import { ommOrbitProblem } from '../tle-orbit'
import { type Bounds, expecting, num, rangePhrase, strict } from './fields'

const NUMERIC = /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/
// The OMM epoch: ISO-8601 in UTC, "Z" optional (Celestrak leaves it out), any fraction of a second.
const OMM_EPOCH = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z?$/

/** A number, or a string holding one (Space-Track's JSON quotes every number). */
function numeric(bounds: Bounds, description: string) {
  const phrase = rangePhrase(bounds)
  return z
    .union([z.number(), z.string().regex(NUMERIC)], { error: expecting(phrase) })
    .transform(Number)
    .pipe(num(bounds, description))
    .describe(description)
}

/** UTC ms of an OMM epoch ("Z" optional), or NaN. */
export function ommEpochMs(epoch: string): number {
  return OMM_EPOCH.test(epoch) ? Date.parse(epoch.endsWith('Z') ? epoch : `${epoch}Z`) : Number.NaN
}

const fixed = (value: string, description: string) =>
  z
    .literal(value, { error: expecting(`"${value}" (the only value SGP4 mean elements allow)`) })
    .optional()
    .describe(description)

const note = (description: string) =>
  z
    .union([z.string(), z.number()], { error: expecting('text or a number') })
    .optional()
    .describe(`${description}; read and ignored`)

export const ommSchema = strict(
  {
    OBJECT_NAME: z
      .string({ error: expecting('an object name (text of at most 64 characters)') })
      .max(64)
      .default('')
      .describe('Name of the object; becomes the satellite id (else "NORAD-<catalog number>")'),
    OBJECT_ID: z
      .string({ error: expecting('an international designator such as "1998-067A"') })
      .max(64)
      .default('')
      .describe('International designator'),
    NORAD_CAT_ID: numeric({ int: true, min: 0, max: 999_999_999 }, 'Catalog number'),
    EPOCH: z
      .string({ error: expecting('an ISO-8601 UTC time such as "2026-03-20T00:00:00.000000"') })
      .refine((t) => Number.isFinite(ommEpochMs(t)), {
        error: (issue) => expectGot('an ISO-8601 UTC time such as "2026-03-20T00:00:00.000000"', issue.input),
      })
      .describe('Epoch of the mean elements, ISO-8601 UTC'),
    MEAN_MOTION: numeric({ gt: 0, max: 20 }, 'Mean motion, revolutions per day'),
    ECCENTRICITY: numeric({ min: 0, lt: 1 }, 'Eccentricity'),
    INCLINATION: numeric({ min: 0, max: 180 }, 'Inclination, degrees'),
    RA_OF_ASC_NODE: numeric({ min: -360, max: 360 }, 'Right ascension of the ascending node, degrees'),
    ARG_OF_PERICENTER: numeric({ min: -360, max: 360 }, 'Argument of pericentre, degrees'),
    MEAN_ANOMALY: numeric({ min: -360, max: 360 }, 'Mean anomaly, degrees'),
    BSTAR: numeric({ min: -1, max: 1 }, 'SGP4 drag term B*, 1/earth radii'),
    MEAN_MOTION_DOT: numeric({ min: -1, max: 1 }, 'First derivative of mean motion / 2, rev/day²'),
    MEAN_MOTION_DDOT: numeric({ min: -1, max: 1 }, 'Second derivative of mean motion / 6, rev/day³'),
    ELEMENT_SET_NO: numeric({ int: true, min: 0, max: 99_999 }, 'Element set number').default(999),
    MEAN_ELEMENT_THEORY: fixed('SGP4', 'Mean element theory'),
    REF_FRAME: fixed('TEME', 'Reference frame'),
    CENTER_NAME: fixed('EARTH', 'Centre body'),
    TIME_SYSTEM: fixed('UTC', 'Time system'),
    EPHEMERIS_TYPE: z
      .union([z.literal(0), z.literal('0')], {
        error: expecting('0 (SGP4 mean elements; SDP and SGP8 are not read)'),
      })
      .optional()
      .describe('Ephemeris type: 0, SGP4'),
    CCSDS_OMM_VERS: note('OMM format version'),
    COMMENT: note('Comment'),
    CREATION_DATE: note('When the message was made'),
    ORIGINATOR: note('Who made the message'),
    CLASSIFICATION_TYPE: note('Classification (U: unclassified)'),
    REV_AT_EPOCH: note('Revolution number at epoch'),
  },
  'an OMM record: an object with "EPOCH", "MEAN_MOTION", "ECCENTRICITY", …',
)
  .transform(
    (omm): OmmElements => ({
      OBJECT_NAME: omm.OBJECT_NAME,
      OBJECT_ID: omm.OBJECT_ID,
      NORAD_CAT_ID: omm.NORAD_CAT_ID,
      EPOCH: omm.EPOCH,
      MEAN_MOTION: omm.MEAN_MOTION,
      ECCENTRICITY: omm.ECCENTRICITY,
      INCLINATION: omm.INCLINATION,
      RA_OF_ASC_NODE: omm.RA_OF_ASC_NODE,
      ARG_OF_PERICENTER: omm.ARG_OF_PERICENTER,
      MEAN_ANOMALY: omm.MEAN_ANOMALY,
      BSTAR: omm.BSTAR,
      MEAN_MOTION_DOT: omm.MEAN_MOTION_DOT,
      MEAN_MOTION_DDOT: omm.MEAN_MOTION_DDOT,
      ELEMENT_SET_NO: omm.ELEMENT_SET_NO,
    }),
  )
  .superRefine((omm, ctx) => {
    // What SGP4 itself says (perigee above the minimum, initialises): as for TLE records.
    const problem = ommOrbitProblem(omm)
    if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem, input: omm })
  })
  .describe('One CCSDS OMM record (SGP4 mean elements), with the key names of the standard')

/** The keys an OMM record in a scenario may have; a file's other keys are dropped on import. */
export const OMM_KEYS: readonly string[] = Object.keys(ommSchema.in.shape)

/** The satellite id of an OMM record: its name, or "NORAD-<catalog number>" without one. */
export function ommId(omm: { OBJECT_NAME?: unknown; NORAD_CAT_ID?: unknown }): string {
  const name = typeof omm.OBJECT_NAME === 'string' ? omm.OBJECT_NAME.trim() : ''
  return name !== '' ? name : `NORAD-${String(omm.NORAD_CAT_ID ?? '?').trim()}`
}
