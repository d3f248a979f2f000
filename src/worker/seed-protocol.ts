// Messages to and from a multi-seed worker: the browser's `sim compare --seeds`. The UI hands each
// worker a scenario text and a list of (strategy, seed) jobs; the worker runs each to the end of
// the scenario and posts its metrics as soon as it has them.

import type { MetricValues } from '../core'

/** The most seeds one multi-seed run may ask for (each is a full run per strategy). */
export const MAX_SEEDS = 50

export interface SeedJob {
  strategy: string
  seed: number
}

export interface SeedResult extends SeedJob {
  /** The run's metrics at the end, without the wall-clock ones (what `sim compare` reports). */
  metrics: Partial<MetricValues>
}

export type ToSeedWorker = { type: 'run'; id: number; text: string; file: string; jobs: SeedJob[] }

export type FromSeedWorker =
  | { type: 'result'; id: number; result: SeedResult }
  | { type: 'failed'; id: number; message: string }
