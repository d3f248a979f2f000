// The `sim` command: validate, run, schema. Every user mistake ends as one clear message and
// exit code 2; only a bug in the program itself gives exit code 1 (with its stack, because
// then the stack is useful).

import { writeFileSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { createSimulation, type SimReport, SimulationError } from '../core'
import { registry } from '../planners'
import { DEFAULT_PLANNER_TIMEOUT_MS } from '../planners/isolation/host'
import { clip, scenarioJsonSchema } from '../scenario'
import { parseAgents } from './agent/options'
import { AGENT_OPTIONS, agentRunOptions, bindAgentRun, recordedColumn } from './agent/run-setup'
import { serveKind, serveStdio } from './agent/serve'
import { aggregate } from './compare/aggregate'
import { formatCsv, formatJson, formatTable } from './compare/format'
import type { CompareJob } from './compare/job'
import { runJobs } from './compare/pool'
import { durationOption, seedOption } from './durations'
import { EXIT_BAD_INPUT, EXIT_INTERNAL, EXIT_OK, InputError, UsageError } from './errors'
import { describeFsError, sameFile } from './files'
import { readScenario, warningLines } from './load'
import { loadPlannerModules } from './plugins'
import { progressBar } from './progress'
import { parseSeeds } from './seeds'
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
  compare [file]            run strategies side by side on the same scenario and seeds
      --strategies a,b,c    which strategies (default: all of the scenario's)
      --seeds 1..20         a seed, a list (1,2,5) or a range, at most 1000 (default: the scenario's seed)
      --json | --csv        machine-readable output instead of the table
      --out FILE            write the output to FILE instead of standard output
      --workers N           worker threads (default and most: one per core)
  schema                    print the scenario JSON Schema

  --planner-module FILE     (validate, run, compare; repeatable) load your own planner:
                            the module default-exports a planner object (see README);
                            it runs in its own worker thread, memory-capped
  --planner-timeout DURATION  (run, compare) deadline of one call to such a planner,
                            e.g. 500ms or 10s (default 5s); a call past it is stopped
                            and the planner is disabled for the rest of the run
  --agent KIND="COMMAND"    (run, compare; repeatable, one per kind) an external program
                            plays that planner kind over the agent protocol
                            (docs/agent-protocol.md), with the same deadline
  --record FILE             (run) write each agent call's outcome and view digest
  --replay FILE             (run) replay a recording instead of the agents (the same
                            report, byte for byte); (compare) add it as a column
  serve FILE --stdio        gym-style reset/step/observe for a learning agent
      --kind KIND           the planner kind the client plays (default allocation)

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
      case 'serve':
        return await serve(rest, io)
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
          `unknown command "${clip(command, 60)}" (expected validate, run, compare or schema)`,
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
      const { spec } = readScenario(file)
      io.out(`${file}: ok\n`)
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
    ...AGENT_OPTIONS,
    strategy: { type: 'string' },
    until: { type: 'string' },
    seed: { type: 'string' },
    json: { type: 'boolean' },
    out: { type: 'string' },
  })
  if (positionals.length > 1) throw new UsageError(`run takes one scenario file, got ${positionals.length}`)
  await plugins(values)
  const seed = values.seed === undefined ? undefined : seedOption(values.seed as string)
  const until = values.until === undefined ? undefined : durationOption('until', values.until as string)
  const { spec, file, path } = readScenario(positionals[0])
  notInput(values.out as string | undefined, path)
  io.err(warningLines(file, spec))
  const agentRun = agentRunOptions(values)
  const strategyName = (values.strategy as string | undefined) ?? agentRun.replay?.header.strategy
  const strategy = strategyName ? spec.strategies.find((s) => s.name === strategyName) : spec.strategies[0]
  if (!strategy) {
    throw new UsageError(
      `--strategy: scenario ${spec.id} has no strategy "${clip(strategyName ?? '', 60)}" (it has: ${spec.strategies.map((s) => s.name).join(', ')})`,
    )
  }
  const bound = await bindAgentRun(
    registry,
    spec,
    strategy,
    { timeoutMs: plannerTimeoutMs(values), onWarning: (m) => io.err(`warning: ${m}\n`) },
    agentRun,
  )
  // A recorded or replayed run leaves out the time planners took: the two reports must be equal.
  const timed = !agentRun.record && !agentRun.replay
  let report: SimReport
  try {
    const sim = createSimulation(bound.spec, strategy.name, {
      planners: bound.planners,
      seed: seed ?? agentRun.replay?.header.seed,
      clock: timed ? () => performance.now() : undefined,
    })
    const bar = progressBar(`${spec.id}/${strategy.name}`)
    await sim.runUntilAsync(until ?? spec.durationS, (f) => bar.update(f, sim.time()))
    bar.done()
    report = sim.report()
    bound.finish(sim.seed)
  } finally {
    bound.dispose()
  }
  emit(values.json ? `${JSON.stringify(report, null, 2)}\n` : formatSummary(report), values.out as string, io)
  return EXIT_OK
}

async function serve(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, {
    stdio: { type: 'boolean' },
    kind: { type: 'string' },
    strategy: { type: 'string' },
    until: { type: 'string' },
  })
  if (!values.stdio) throw new UsageError('serve needs --stdio (the only transport so far)')
  if (positionals.length !== 1)
    throw new UsageError(`serve takes one scenario file, got ${positionals.length}`)
  const { spec, file } = readScenario(positionals[0])
  io.err(warningLines(file, spec))
  const name = (values.strategy as string | undefined) ?? spec.strategies[0]?.name
  const strategy = spec.strategies.find((s) => s.name === name)
  if (!strategy)
    throw new UsageError(`--strategy: scenario ${spec.id} has no strategy "${clip(name ?? '', 60)}"`)
  const until = values.until === undefined ? spec.durationS : durationOption('until', values.until as string)
  await serveStdio(spec, strategy, serveKind(values.kind as string | undefined), until, io.out, process.stdin)
  return EXIT_OK
}

function emit(text: string, out: string | undefined, io: Io): void {
  if (!out) {
    io.out(text)
    return
  }
  try {
    writeFileSync(out, text)
  } catch (err) {
    throw new InputError(`--out: cannot write ${out}: ${describeFsError(err)}`)
  }
  io.err(`wrote ${out}\n`)
}

async function compare(args: string[], io: Io): Promise<number> {
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
  })
  if (positionals.length > 1)
    throw new UsageError(`compare takes one scenario file, got ${positionals.length}`)
  if (values.json && values.csv) throw new UsageError('choose one of --json and --csv')
  const workersText = values.workers as string | undefined
  if (workersText !== undefined && !/^\d+$/.test(workersText))
    throw new UsageError(`--workers: expected a whole number, got "${clip(workersText, 60)}"`)
  const timeoutMs = plannerTimeoutMs(values)
  const agents = parseAgents(values.agent as string[] | undefined)
  const modules = await plugins(values)
  const { spec, file, path, text } = readScenario(positionals[0])
  notInput(values.out as string | undefined, path)
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
  const seeds = recorded ? [recorded.seed] : values.seeds ? parseSeeds(values.seeds as string) : [spec.seed]
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
  const workers = workerCount(workersText, jobs.length, io)
  const bar = progressBar('compare')
  const results = await runJobs(jobs, workers, (done, total) => bar.update(done / total))
  bar.done()
  const comparison = aggregate(spec, names, seeds, results)
  const output = values.json
    ? formatJson(comparison)
    : values.csv
      ? formatCsv(comparison)
      : formatTable(comparison)
  emit(output, values.out as string | undefined, io)
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
