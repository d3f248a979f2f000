// `sim compare` and `sim merge`: strategies side by side over seeds on worker threads (or one
// shard of that sweep), and the merge of shards into the output one unsharded run prints.

import { resolve } from 'node:path'
import { registry } from '../../planners'
import { clip } from '../../scenario'
import { parseAgents } from '../agent/options'
import { AGENT_OPTIONS, recordedColumn } from '../agent/run-setup'
import {
  emit,
  type Io,
  notInput,
  PLANNER_MODULE,
  PLANNER_TIMEOUT,
  parse,
  plannerTimeoutMs,
  plugins,
  workerCount,
} from '../command-kit'
import { EXIT_OK, InputError, UsageError } from '../errors'
import { readRegularFile } from '../files'
import { readScenario, warningLines } from '../load'
import { progressBar } from '../progress'
import { MAX_SEEDS, parseSeeds } from '../seeds'
import { aggregate, type Comparison } from './aggregate'
import { formatCsv, formatJson, formatTable } from './format'
import type { CompareJob } from './job'
import { runJobs } from './pool'
import { formatPartial, inShard, mergePartials, parseShard, sweepId } from './shard'

export async function compare(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, {
    ...PLANNER_MODULE,
    ...PLANNER_TIMEOUT,
    agent: AGENT_OPTIONS.agent,
    replay: AGENT_OPTIONS.replay,
    strategies: { type: 'string' },
    seeds: { type: 'string' },
    json: { type: 'boolean' },
    csv: { type: 'boolean' },
    out: { type: 'string' },
    workers: { type: 'string' },
    shard: { type: 'string' },
  })
  if (positionals.length > 1)
    throw new UsageError(`compare takes one scenario file, got ${positionals.length}`)
  if (values.json && values.csv) throw new UsageError('choose one of --json and --csv')
  const shard = values.shard === undefined ? undefined : parseShard(values.shard as string)
  if (shard && (values.json || values.csv))
    throw new UsageError('--shard writes a partial JSON for "sim merge"; choose --json or --csv when merging')
  const workersText = values.workers as string | undefined
  if (workersText !== undefined && !/^\d+$/.test(workersText))
    throw new UsageError(`--workers: expected a whole number, got "${clip(workersText, 60)}"`)
  const timeoutMs = plannerTimeoutMs(values)
  const agents = parseAgents(values.agent as string[] | undefined)
  const modules = await plugins(values)
  const { spec, file, path, text, notices } = readScenario(positionals[0])
  notInput(values.out as string | undefined, path)
  for (const notice of notices) io.err(`${notice}\n`)
  io.err(warningLines(file, spec))
  const names = values.strategies
    ? (values.strategies as string).split(',').map((x) => x.trim())
    : spec.strategies.map((x) => x.name)
  for (const name of names) {
    const strategy = spec.strategies.find((x) => x.name === name)
    if (!strategy)
      throw new UsageError(
        `--strategies: scenario ${spec.id} has no strategy "${clip(name, 60)}" (it has: ${spec.strategies.map((x) => x.name).join(', ')})`,
      )
    const bound = registry.bind(strategy)
    if (bound.problems.length) throw new InputError(bound.problems.join('\n'))
  }
  if (new Set(names).size !== names.length) throw new UsageError('--strategies: a strategy is named twice')
  const recorded = recordedColumn(values.replay as string | undefined, names, values.seeds !== undefined)
  const seeds = recorded
    ? [recorded.seed]
    : values.seeds
      ? parseSeeds(values.seeds as string, shard ? MAX_SEEDS * shard.n : MAX_SEEDS)
      : [spec.seed]
  const jobs: CompareJob[] = []
  for (const strategy of names)
    for (const seed of seeds)
      jobs.push({
        index: jobs.length,
        text,
        file,
        strategy,
        seed,
        plannerModules: modules.map((m) => resolve(m)),
        plannerTimeoutMs: timeoutMs,
        agents,
      })
  if (recorded) {
    jobs.push({
      ...jobs[0],
      index: jobs.length,
      strategy: recorded.name,
      seed: recorded.seed,
      replay: recorded.file,
    })
    names.push(recorded.name)
  }
  // A shard runs its slice renumbered from 0 (the pool indexes results by job index).
  const global = shard ? jobs.filter((j) => inShard(j.index, shard)).map((j) => j.index) : []
  const mine = shard ? global.map((g, i) => ({ ...jobs[g], index: i })) : jobs
  const workers = workerCount(workersText, mine.length, io)
  const bar = progressBar('compare')
  const results = await runJobs(mine, workers, (done, total) => bar.update(done / total))
  bar.done()
  if (shard) {
    const partial = formatPartial({
      sweep: sweepId(jobs),
      shard,
      scenario: { id: spec.id, title: spec.title },
      strategies: names,
      seeds,
      jobs: jobs.length,
      // Only the first seed's traces are read (to find where strategies first diverge): the
      // others are left out so that a shard of a large sweep stays small.
      results: results.map((r, i) => ({ ...r, index: global[i], trace: r.seed === seeds[0] ? r.trace : [] })),
    })
    emit(partial, values.out as string | undefined, io)
    return EXIT_OK
  }
  emit(formatComparison(aggregate(spec, names, seeds, results), values), values.out as string | undefined, io)
  return EXIT_OK
}

function formatComparison(comparison: Comparison, values: { json?: unknown; csv?: unknown }): string {
  return values.json ? formatJson(comparison) : values.csv ? formatCsv(comparison) : formatTable(comparison)
}

export function merge(args: string[], io: Io): number {
  const { values, positionals } = parse(args, {
    json: { type: 'boolean' },
    csv: { type: 'boolean' },
    out: { type: 'string' },
  })
  if (values.json && values.csv) throw new UsageError('choose one of --json and --csv')
  const merged = mergePartials(positionals.map((file) => ({ file, text: readRegularFile(file, file) })))
  const comparison = aggregate(merged.scenario, merged.strategies, merged.seeds, merged.results)
  emit(formatComparison(comparison, values), values.out as string | undefined, io)
  return EXIT_OK
}
