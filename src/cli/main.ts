// The `sim` command: validate, run, schema. Every user mistake ends as one clear message and
// exit code 2; only a bug in the program itself gives exit code 1 (with its stack, because
// then the stack is useful).

import { writeFileSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { formatAccessCsv, formatSeriesCsv, type SimReport, SimulationError } from '../core'
import { registry } from '../planners'
import { DEFAULT_PLANNER_TIMEOUT_MS } from '../planners/isolation/host'
import { clip, scenarioJsonSchema } from '../scenario'
import { aggregate, type Comparison } from './compare/aggregate'
import { formatCsv, formatJson, formatTable } from './compare/format'
import type { CompareJob } from './compare/job'
import { runJobs } from './compare/pool'
import { formatPartial, inShard, mergePartials, parseShard, sweepId } from './compare/shard'
import { durationOption } from './durations'
import { EXIT_BAD_INPUT, EXIT_INTERNAL, EXIT_OK, InputError, UsageError } from './errors'
import { exportCzml } from './export'
import { describeFsError, readRegularFile, sameFile } from './files'
import { importElementSets } from './import'
import { readScenario, warningLines } from './load'
import { loadPlannerModules } from './plugins'
import { progressBar } from './progress'
import { MAX_SEEDS, parseSeeds } from './seeds'
import { type StartValues, startSimulation } from './start'
import { formatSummary } from './summary'
import { terminalSafe } from './terminal'

export const USAGE = `Mission Sandbox — illustrative constellation simulator (not a flight system)

Usage: sim <command> [options]

Commands
  validate <file…>          check scenario files; prints "ok" per valid file
  run [file]                run a scenario headless (default: scenarios/default.json)
      --strategy NAME       one of the scenario's strategies (default: the first)
      --until DURATION      stop early, e.g. 6h (default: the scenario's duration)
      --seed N              override the scenario's seed
      --json                print the full JSON report instead of the summary
      --out FILE            write the output to FILE instead of standard output
      --access-csv FILE     also write every contact window and eclipse interval as CSV
      --series FILE         also write the sampled time series (metrics, and each
                            satellite's charge, propellant, status) as CSV
      --with-series         with --json: put the time series in the report
  compare [file]            run strategies side by side on the same scenario and seeds
      --strategies a,b,c    which strategies (default: all of the scenario's)
      --seeds 1..20         a seed, a list (1,2,5) or a range, at most 1000 (default: the scenario's seed)
      --json | --csv        machine-readable output instead of the table
      --out FILE            write the output to FILE instead of standard output
      --workers N           worker threads (default and most: one per core)
      --shard K/N           run only the K-th of N slices of the (strategy, seed) jobs
                            and write a partial JSON for merge
  merge PARTIAL…            combine compare --shard partials into the output one
      --json | --csv        unsharded compare would print (same options)
      --out FILE
  export [file] --czml OUT  run a scenario and write it as CZML (CesiumJS), with
      --strategy NAME --seed N --until DURATION as for run
  import FILE               an element-set file (2LE/3LE .tle/.3le/.txt, OMM .json/.csv) as a scenario
      --into SCENARIO       add its satellites to this scenario instead
      --out FILE            write the scenario to FILE instead of standard output
  schema                    print the scenario JSON Schema

  validate, run and compare also take an element-set file directly: it becomes a scenario
  with the default bus, its newest epoch rounded to the minute, 24 h, no stations, no tasks.

  --planner-module FILE     (validate, run, compare; repeatable) load your own planner:
                            the module default-exports a planner object (see README);
                            it runs in its own worker thread, memory-capped
  --planner-timeout DURATION  (run, compare) deadline of one call to such a planner,
                            e.g. 500ms or 10s (default 5s); a call past it is stopped
                            and the planner is disabled for the rest of the run

Exit codes: 0 ok, 2 bad input (usage or scenario), 1 internal error.
`

export interface Io {
  out: (text: string) => void
  err: (text: string) => void
}

const stdio: Io = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
}

export async function main(argv: string[], raw: Io = stdio): Promise<number> {
  // Everything we print may carry text from a file: no control or bidi character gets through.
  const io: Io = { out: (t) => raw.out(terminalSafe(t)), err: (t) => raw.err(terminalSafe(t)) }
  try {
    const [command, ...rest] = argv
    switch (command) {
      case 'validate':
        return await validate(rest, io)
      case 'run':
        return await run(rest, io)
      case 'compare':
        return await compare(rest, io)
      case 'import':
        return importCommand(rest, io)
      case 'merge':
        return merge(rest, io)
      case 'export':
        return await exportCommand(rest, io)
      case 'schema':
        noArgs('schema', rest)
        io.out(`${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`)
        return EXIT_OK
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.out(USAGE)
        return command === undefined ? EXIT_BAD_INPUT : EXIT_OK
      default:
        throw new UsageError(
          `unknown command "${clip(command, 60)}" (expected validate, run, compare, merge, export, import or schema)`,
        )
    }
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`sim: ${err.message}\nRun "sim help" for usage.\n`)
      return EXIT_BAD_INPUT
    }
    if (err instanceof InputError || err instanceof SimulationError) {
      io.err(`${err.message}\n`)
      return EXIT_BAD_INPUT
    }
    io.err(
      `sim: internal error (a bug, please report it):\n${err instanceof Error ? err.stack : String(err)}\n`,
    )
    return EXIT_INTERNAL
  }
}

function noArgs(command: string, rest: string[]): void {
  if (rest.length) throw new UsageError(`${command} takes no arguments, got "${clip(rest.join(' '), 60)}"`)
}

type OptionSpec = NonNullable<NonNullable<Parameters<typeof parseArgs>[0]>['options']>

function parse(args: string[], options: OptionSpec) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true })
  } catch (err) {
    throw new UsageError(clip((err as Error).message))
  }
}

const PLANNER_MODULE = { 'planner-module': { type: 'string', multiple: true } } as const
const PLANNER_TIMEOUT = { 'planner-timeout': { type: 'string' } } as const

/** --planner-timeout in ms: the same deadline for run and compare. */
function plannerTimeoutMs(values: Record<string, unknown>): number {
  const text = values['planner-timeout'] as string | undefined
  if (text === undefined) return DEFAULT_PLANNER_TIMEOUT_MS
  const ms = /^\d+(\.\d+)?ms$/.test(text)
    ? Number(text.slice(0, -2))
    : durationOption('planner-timeout', text) * 1000
  if (!(ms >= 1 && ms <= 600_000))
    throw new UsageError(`--planner-timeout: expected a duration from 1ms to 10m, got "${clip(text, 60)}"`)
  return ms
}

async function plugins(values: Record<string, unknown>): Promise<string[]> {
  const files = (values['planner-module'] as string[] | undefined) ?? []
  await loadPlannerModules(files, registry)
  return files
}

async function validate(args: string[], io: Io): Promise<number> {
  const { positionals, values } = parse(args, { ...PLANNER_MODULE })
  await plugins(values)
  if (positionals.length === 0) throw new UsageError('validate needs at least one scenario file')
  let bad = 0
  for (const file of positionals) {
    try {
      const { spec, notices } = readScenario(file)
      io.out(`${file}: ok\n`)
      for (const notice of notices) io.err(`${notice}\n`)
      io.err(warningLines(file, spec))
    } catch (err) {
      if (!(err instanceof InputError)) throw err
      io.err(`${err.message}\n`)
      bad++
    }
  }
  return bad ? EXIT_BAD_INPUT : EXIT_OK
}

async function run(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, {
    ...PLANNER_MODULE,
    ...PLANNER_TIMEOUT,
    strategy: { type: 'string' },
    until: { type: 'string' },
    seed: { type: 'string' },
    json: { type: 'boolean' },
    out: { type: 'string' },
    'access-csv': { type: 'string' },
    series: { type: 'string' },
    'with-series': { type: 'boolean' },
  })
  if (values['with-series'] && !values.json) throw new UsageError('--with-series goes with --json')
  if (positionals.length > 1) throw new UsageError(`run takes one scenario file, got ${positionals.length}`)
  await plugins(values)
  const withSeries = values.series !== undefined || values['with-series'] === true
  const { sim, untilS, path, dispose } = await startSimulation(
    positionals[0],
    values as StartValues,
    io.err,
    {
      satelliteSeries: withSeries,
      plannerTimeoutMs: plannerTimeoutMs(values),
    },
  )
  let report: SimReport
  try {
    for (const out of [values.out, values['access-csv'], values.series])
      notInput(out as string | undefined, path)
    const bar = progressBar(`${sim.spec.id}/${sim.strategy.name}`)
    await sim.runUntilAsync(untilS, (f) => bar.update(f, sim.time()))
    bar.done()
    report = sim.report({ withSeries })
  } finally {
    dispose()
  }
  if (values.series !== undefined) writeOut('--series', values.series as string, formatSeriesCsv(report), io)
  if (!values['with-series']) delete report.series
  const accessCsv = values['access-csv'] as string | undefined
  if (accessCsv !== undefined) writeOut('--access-csv', accessCsv, formatAccessCsv(report), io)
  emit(values.json ? `${JSON.stringify(report, null, 2)}\n` : formatSummary(report), values.out as string, io)
  return EXIT_OK
}

async function exportCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, {
    ...PLANNER_MODULE,
    ...PLANNER_TIMEOUT,
    czml: { type: 'string' },
    strategy: { type: 'string' },
    seed: { type: 'string' },
    until: { type: 'string' },
  })
  if (positionals.length > 1)
    throw new UsageError(`export takes one scenario file, got ${positionals.length}`)
  if (values.czml === undefined) throw new UsageError('export needs --czml FILE (the one format it writes)')
  await plugins(values)
  const out = values.czml as string
  const czml = await exportCzml(
    positionals[0],
    values as StartValues,
    io.err,
    plannerTimeoutMs(values),
    (path) => notInput(out, path),
  )
  writeOut('--czml', out, czml, io)
  return EXIT_OK
}

function importCommand(args: string[], io: Io): number {
  const { values, positionals } = parse(args, { into: { type: 'string' }, out: { type: 'string' } })
  if (positionals.length !== 1)
    throw new UsageError(`import takes one element-set file, got ${positionals.length}`)
  const { json, notice } = importElementSets(positionals[0], values.into as string | undefined)
  io.err(`${notice}\n`)
  emit(json, values.out as string | undefined, io)
  return EXIT_OK
}

function emit(text: string, out: string | undefined, io: Io): void {
  if (!out) {
    io.out(text)
    return
  }
  writeOut('--out', out, text, io)
}

function writeOut(option: string, file: string, text: string, io: Io): void {
  try {
    writeFileSync(file, text)
  } catch (err) {
    throw new InputError(`${option}: cannot write ${file}: ${describeFsError(err)}`)
  }
  io.err(`wrote ${file}\n`)
}

async function compare(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, {
    ...PLANNER_MODULE,
    ...PLANNER_TIMEOUT,
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
  const seeds = values.seeds
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
      })
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

function merge(args: string[], io: Io): number {
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

/**
 * Worker threads for compare: one per core by default. More threads than cores only add memory
 * (each loads the engine and the scenario) and no speed, so a larger --workers is clamped to the
 * core count, with a notice.
 */
function workerCount(text: string | undefined, jobs: number, io: Io): number {
  const cores = availableParallelism()
  if (text === undefined) return jobs > 1 ? cores : 0
  const asked = Number(text)
  if (asked <= cores) return asked
  io.err(`sim: --workers ${clip(text, 20)} is more than the ${cores} cores of this machine; using ${cores}\n`)
  return cores
}

/** `--out` must not name the scenario it reads: the output would overwrite the input. */
function notInput(out: string | undefined, input: string): void {
  if (out !== undefined && sameFile(out, input))
    throw new UsageError(`--out: ${clip(out, 60)} is the scenario file being read; choose another file`)
}
