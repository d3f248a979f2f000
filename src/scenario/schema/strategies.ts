// Strategies: named sets of planners to compare. Keys become StrategySpec.name, in file order;
// the first is the default. Which planner ids exist is not known here (the registry lives in
// src/planners); the loader checks them when the caller passes the known ids.

import { z } from 'zod'
import type { StrategySpec } from '../../core/spec'
import { expecting, strict } from './fields'

export const PLANNER_KINDS = ['trajectory', 'allocation', 'maintenance'] as const
export type PlannerKind = (typeof PLANNER_KINDS)[number]

// Letters first keeps names off JSON's integer-like keys, which objects reorder ("2" before "a").
export const STRATEGY_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,39}$/
/** Far more than any comparison shows side by side; checked in checks/planners.ts. */
export const MAX_STRATEGIES = 32

const planner = (kind: PlannerKind, example: string) =>
  z
    .string({ error: expecting(`a ${kind} planner id such as "${example}"`) })
    .regex(/^[A-Za-z0-9][A-Za-z0-9_./-]{0,63}$/)
    .optional()
    .describe(`The ${kind} planner, e.g. "${example}"; leave out for none`)

const params = (kind: PlannerKind) =>
  z.unknown().optional().describe(`Parameters of the ${kind} planner, checked by the planner itself`)

export const strategySchema = strict(
  {
    trajectory: planner('trajectory', 'hohmann'),
    allocation: planner('allocation', 'greedy-priority'),
    maintenance: planner('maintenance', 'threshold'),
    params: strict(
      {
        trajectory: params('trajectory'),
        allocation: params('allocation'),
        maintenance: params('maintenance'),
      },
      'planner parameters by kind: {"maintenance": {…}}',
    )
      .prefault({})
      .describe('Planner parameters by kind'),
  },
  'a strategy: an object naming planners, e.g. {"allocation": "greedy-priority"}',
).describe('A set of planners to run together')

export const strategiesSchema = z
  .record(
    z
      .string({
        error: expecting('a strategy name (a letter, then letters, digits, "-" or "_"; at most 40)'),
      })
      .regex(STRATEGY_NAME),
    strategySchema,
    { error: expecting('strategies: an object such as {"baseline": {"allocation": "greedy-priority"}}') },
  )
  .superRefine((strategies, ctx) => {
    if (Object.keys(strategies).length === 0) {
      ctx.addIssue({
        code: 'custom',
        message:
          'expected at least one strategy, such as {"baseline": {"allocation": "greedy-priority"}}, got {}',
        input: strategies,
      })
    }
  })
  .transform((strategies): StrategySpec[] =>
    Object.entries(strategies).map(([name, s]) => {
      const spec: StrategySpec = { name, params: {} }
      for (const kind of PLANNER_KINDS) {
        if (s[kind] !== undefined) spec[kind] = s[kind]
        if (s.params[kind] !== undefined) spec.params[kind] = s.params[kind]
      }
      return spec
    }),
  )
  .describe('Named strategies to compare, in order; the first is the default')
