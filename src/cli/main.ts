// The `sim` command: validate, run, serve, export, import and schema here; compare and merge in
// compare/command.ts; what the verbs share in command-kit.ts. Every user mistake ends as one clear message and
// exit code 2; only a bug in the program itself gives exit code 1 (with its stack, because
// then the stack is useful).

import { formatAccessCsv, formatSeriesCsv, type SimReport, SimulationError } from '../core'
import { clip, scenarioJsonSchema } from '../scenario'
import { AGENT_OPTIONS, agentRunOptions } from './agent/run-setup'
import { DEFAULT_IDLE_TIMEOUT_S, serveKind, serveStdio } from './agent/serve'
import {
  emit,
  type Io,
  noArgs,
  notInput,
  PLANNER_MODULE,
  PLANNER_TIMEOUT,
  parse,
  plannerTimeoutMs,
  plugins,
  writeOut,
} from './command-kit'
import { compare, merge } from './compare/command'
import { durationOption } from './durations'
import { EXIT_BAD_INPUT, EXIT_INTERNAL, EXIT_OK, InputError, UsageError } from './errors'
import { exportCzml } from './export'
import { importElementSets } from './import'
import { readScenario, warningLines } from './load'
import { progressBar } from './progress'
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
  --agent KIND="COMMAND"    (run, compare; repeatable, one per kind) an external program
                            plays that planner kind over the agent protocol
                            (docs/agent-protocol.md), with the same deadline
  --record FILE             (run) write each agent call's outcome and view digest
  --replay FILE             (run) replay a recording instead of the agents (the same
                            report, byte for byte); (compare) add it as a column
  serve FILE --stdio        gym-style reset/step/observe for a learning agent
      --kind KIND           the planner kind the client plays (default allocation)
      --idle-timeout DUR    stop when the client sends nothing for this long (default 5m)

Exit codes: 0 ok, 2 bad input (usage or scenario), 1 internal error.
`

export type { Io }

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
    ...AGENT_OPTIONS,
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
  const { sim, untilS, path, finish, dispose } = await startSimulation(
    positionals[0],
    values as StartValues,
    io.err,
    {
      satelliteSeries: withSeries,
      plannerTimeoutMs: plannerTimeoutMs(values),
      agentRun: agentRunOptions(values),
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
    finish()
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

async function serve(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, {
    stdio: { type: 'boolean' },
    kind: { type: 'string' },
    strategy: { type: 'string' },
    until: { type: 'string' },
    'idle-timeout': { type: 'string' },
  })
  if (!values.stdio) throw new UsageError('serve needs --stdio (the only transport so far)')
  const idleText = values['idle-timeout'] as string | undefined
  const idleS = idleText === undefined ? DEFAULT_IDLE_TIMEOUT_S : durationOption('idle-timeout', idleText)
  if (!(idleS >= 1 && idleS <= 86_400))
    throw new UsageError(
      `--idle-timeout: expected a duration from 1s to 24h, got "${clip(idleText ?? '', 60)}"`,
    )
  if (positionals.length !== 1)
    throw new UsageError(`serve takes one scenario file, got ${positionals.length}`)
  const { spec, file } = readScenario(positionals[0])
  io.err(warningLines(file, spec))
  const name = (values.strategy as string | undefined) ?? spec.strategies[0]?.name
  const strategy = spec.strategies.find((s) => s.name === name)
  if (!strategy)
    throw new UsageError(`--strategy: scenario ${spec.id} has no strategy "${clip(name ?? '', 60)}"`)
  const until = values.until === undefined ? spec.durationS : durationOption('until', values.until as string)
  const kind = serveKind(values.kind as string | undefined)
  await serveStdio(spec, strategy, kind, until, io.out, process.stdin, idleS * 1000)
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
