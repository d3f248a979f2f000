// One multi-seed job in a Web Worker: the scenario text, a strategy and a seed in; the metrics at
// the end of the run out — the same steps and numbers as `sim compare` (src/cli/compare/job.ts)
// with the built-in planners. Plain data both ways; tested in Node.

import { createSimulation, deterministicMetrics } from '../core'
import { registry } from '../planners'
import { loadScenarioText } from '../scenario'
import type { SeedJob, SeedResult } from './seed-protocol'

/** Runs one job; throws an Error whose message says what was wrong with the request. */
export function runSeedJob(text: string, file: string, job: SeedJob): SeedResult {
  const loaded = loadScenarioText(text, file, { knownPlanners: registry.names() })
  if (!loaded.ok) throw new Error(`${file} does not load: ${loaded.issues[0]?.message ?? 'invalid'}`)
  const spec = loaded.scenario
  const bound = registry.bindNamed(spec, job.strategy)
  if ('problem' in bound) throw new Error(bound.problem)
  const sim = createSimulation(spec, job.strategy, { planners: bound.planners, seed: job.seed })
  sim.runUntil(spec.durationS)
  return { strategy: job.strategy, seed: job.seed, metrics: deterministicMetrics(sim.metrics()) }
}
