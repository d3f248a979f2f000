// The `sim` command: validate, run, schema. Every user mistake ends as one clear message and
// exit code 2; only a bug in the program itself gives exit code 1 (with its stack, because
// then the stack is useful).

import { writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { createSimulation, SimulationError } from '../core'
import { registry } from '../planners'
import { scenarioJsonSchema } from '../scenario'
import { durationOption, seedOption } from './durations'
import { EXIT_BAD_INPUT, EXIT_INTERNAL, EXIT_OK, InputError, UsageError } from './errors'
import { readScenario } from './load'
import { progressBar } from './progress'
import { formatSummary } from './summary'

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
  schema                    print the scenario JSON Schema

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

export async function main(argv: string[], io: Io = stdio): Promise<number> {
  try {
    const [command, ...rest] = argv
    switch (command) {
      case 'validate':
        return validate(rest, io)
      case 'run':
        return run(rest, io)
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
        throw new UsageError(`unknown command "${command}" (expected validate, run or schema)`)
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
  if (rest.length) throw new UsageError(`${command} takes no arguments, got "${rest.join(' ')}"`)
}

type OptionSpec = NonNullable<NonNullable<Parameters<typeof parseArgs>[0]>['options']>

function parse(args: string[], options: OptionSpec) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true })
  } catch (err) {
    throw new UsageError((err as Error).message)
  }
}

function validate(args: string[], io: Io): number {
  const { positionals } = parse(args, {})
  if (positionals.length === 0) throw new UsageError('validate needs at least one scenario file')
  let bad = 0
  for (const file of positionals) {
    try {
      readScenario(file)
      io.out(`${file}: ok\n`)
    } catch (err) {
      if (!(err instanceof InputError)) throw err
      io.err(`${err.message}\n`)
      bad++
    }
  }
  return bad ? EXIT_BAD_INPUT : EXIT_OK
}

function run(args: string[], io: Io): number {
  const { values, positionals } = parse(args, {
    strategy: { type: 'string' },
    until: { type: 'string' },
    seed: { type: 'string' },
    json: { type: 'boolean' },
    out: { type: 'string' },
  })
  if (positionals.length > 1) throw new UsageError(`run takes one scenario file, got ${positionals.length}`)
  const seed = values.seed === undefined ? undefined : seedOption(values.seed as string)
  const until = values.until === undefined ? undefined : durationOption('until', values.until as string)
  const { spec } = readScenario(positionals[0])
  const strategyName = values.strategy as string | undefined
  const strategy = strategyName ? spec.strategies.find((s) => s.name === strategyName) : spec.strategies[0]
  if (!strategy) {
    throw new UsageError(
      `--strategy: scenario ${spec.id} has no strategy "${strategyName}" (it has: ${spec.strategies.map((s) => s.name).join(', ')})`,
    )
  }
  const bound = registry.bind(strategy)
  if (bound.problems.length) throw new InputError(bound.problems.join('\n'))
  const sim = createSimulation(spec, strategy.name, {
    planners: bound.planners,
    seed,
    clock: () => performance.now(),
  })
  const bar = progressBar(`${spec.id}/${strategy.name}`)
  sim.runUntil(until ?? spec.durationS, (f) => bar.update(f, sim.time()))
  bar.done()
  const report = sim.report()
  const text = values.json ? `${JSON.stringify(report, null, 2)}\n` : formatSummary(report)
  if (values.out) {
    try {
      writeFileSync(values.out as string, text)
    } catch (err) {
      throw new InputError(`--out: cannot write ${values.out}: ${(err as NodeJS.ErrnoException).code ?? err}`)
    }
    io.err(`wrote ${values.out}\n`)
  } else io.out(text)
  return EXIT_OK
}
