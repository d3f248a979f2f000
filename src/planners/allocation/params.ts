// The parameters every allocation planner shares (greedy-priority, edf, optimal), validated from
// a scenario's strategy block. One schema for all three so a comparison changes only the
// ordering rule, never the planning model underneath it.

import { z } from 'zod'

export const EDGE_POLICIES = ['never', 'always', 'auto'] as const
export type EdgePolicy = (typeof EDGE_POLICIES)[number]

export const allocationParams = z.strictObject({
  horizonH: z
    .number()
    .positive()
    .max(168)
    .default(6)
    .describe('How far ahead each plan looks, hours (a static plan covers the whole run)'),
  replan: z
    .boolean()
    .default(true)
    .describe('Re-plan on every cadence and on events; false: plan once at the start, never revise'),
  edge: z
    .enum(EDGE_POLICIES)
    .default('never')
    .describe('Onboard processing: never, always, or auto (where storage/downlink limits and power allows)'),
  capacity: z
    .number()
    .int()
    .min(1)
    .max(1000)
    .default(8)
    .describe(
      'Most captures per satellite in each block of horizonH hours from the epoch (an energy budget)',
    ),
  sampleS: z
    .number()
    .min(1)
    .max(900)
    .default(120)
    .describe('Coarse prediction step, s; every candidate pass is then checked at the engine step'),
  commitH: z
    .number()
    .min(0)
    .max(48)
    .default(1)
    .describe('Only captures due within this many hours are sent as assignments; the rest stay tentative'),
})

export type AllocationParams = z.output<typeof allocationParams>
