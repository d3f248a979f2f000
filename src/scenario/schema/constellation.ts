// Where the satellites come from: a Walker pattern (or several), explicit satellites with their
// own elements, TLE records and OMM records. Any combination, at least one satellite overall.

import { z } from 'zod'
import { expectGot } from '../preview'
import { readTle } from '../tle'
import { busSchema } from './bus'
import { expecting, id, listOf, oneOf, strict } from './fields'
import { ommSchema } from './omm'
import { elementsSchema, walkerItemSchema, walkerSchema } from './orbit'

// Caps that keep a pasted catalogue or a stray digit from freezing the browser. 10,000 element
// sets (about the active catalogue) load, validate and run in the CLI and the app.
const MAX_WALKERS = 16
export const MAX_SATELLITES = 10_000
const TLE_LIST_PHRASE = 'a list of TLE lines: optional name line, then line 1 and line 2 of each record'
const tleListError = (issue: { code?: string; input?: unknown }) =>
  issue.code === 'too_big' && Array.isArray(issue.input)
    ? `expected at most ${3 * MAX_SATELLITES} TLE lines (${MAX_SATELLITES} satellites), got ${issue.input.length}`
    : expectGot(TLE_LIST_PHRASE, issue.input)

export const satelliteSchema = strict(
  {
    id: id('a satellite id', 'Unique satellite id, e.g. "SPARE-1"'),
    role: oneOf(['active', 'spare'], 'active: in service from the start; spare: held in reserve').default(
      'active',
    ),
    elements: elementsSchema,
    bus: busSchema.optional(),
  },
  'a satellite: an object with "id" and "elements"',
).describe('One satellite with explicit orbital elements')

export const tleSchema = z
  .array(z.string({ error: expecting('a TLE line (a string)') }), { error: tleListError })
  .max(3 * MAX_SATELLITES)
  .superRefine((lines, ctx) => {
    for (const problem of readTle(lines).problems) {
      ctx.addIssue({
        code: 'custom',
        path: [problem.index],
        message: problem.message,
        input: lines[problem.index],
      })
    }
  })
  .transform((lines) => readTle(lines).records)
  .describe(
    'Two-line element sets, one string per line: 3-line records (name, line 1, line 2) take the name as ' +
      'id; 2-line records get "NORAD-<catalog number>"',
  )

export const walkersSchema = z
  .union([walkerSchema, listOf(walkerItemSchema, 'Walker patterns', { min: 1, max: MAX_WALKERS })], {
    error: expecting('a Walker pattern (an object) or a list of them, each with a "prefix"'),
  })
  .describe('A Walker pattern, or a list of patterns each with its own id prefix')

export const constellationSchema = strict(
  {
    walker: walkersSchema.optional(),
    satellites: listOf(satelliteSchema, 'satellites', { max: MAX_SATELLITES })
      .optional()
      .describe('Satellites with explicit orbital elements'),
    tle: tleSchema.optional(),
    omm: listOf(ommSchema, 'OMM records', { max: MAX_SATELLITES })
      .optional()
      .describe('CCSDS OMM mean elements (propagated with SGP4), one object per satellite'),
  },
  'the constellation: an object with "walker", "satellites", "tle" and/or "omm"',
)
  .superRefine((c, ctx) => {
    const count =
      (c.walker === undefined ? 0 : 1) +
      (c.satellites?.length ?? 0) +
      (c.tle?.length ?? 0) +
      (c.omm?.length ?? 0)
    if (count === 0) {
      ctx.addIssue({
        code: 'custom',
        message: 'expected at least one satellite (from "walker", "satellites", "tle" or "omm"), got none',
        input: c,
      })
    }
  })
  .describe('The satellites: any combination of walker, satellites, tle and omm, in that order')
