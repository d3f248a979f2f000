// What every `sim` verb shares: the output sink, option parsing that turns parseArgs' errors
// into usage errors, the planner options (--planner-module, --planner-timeout), writing an output
// file, and the checks on --out and --workers. The verbs live in main.ts and compare/command.ts.

import { writeFileSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { parseArgs } from 'node:util'
import { registry } from '../planners'
import { DEFAULT_PLANNER_TIMEOUT_MS } from '../planners/isolation/host'
import { clip } from '../scenario'
import { durationOption } from './durations'
import { InputError, UsageError } from './errors'
import { describeFsError, sameFile } from './files'
import { loadPlannerModules } from './plugins'

export interface Io {
  out: (text: string) => void
  err: (text: string) => void
}

export function noArgs(command: string, rest: string[]): void {
  if (rest.length) throw new UsageError(`${command} takes no arguments, got "${clip(rest.join(' '), 60)}"`)
}

export type OptionSpec = NonNullable<NonNullable<Parameters<typeof parseArgs>[0]>['options']>

export function parse(args: string[], options: OptionSpec) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true })
  } catch (err) {
    throw new UsageError(clip((err as Error).message))
  }
}

export const PLANNER_MODULE = { 'planner-module': { type: 'string', multiple: true } } as const
export const PLANNER_TIMEOUT = { 'planner-timeout': { type: 'string' } } as const

/** --planner-timeout in ms: the same deadline for run and compare. */
export function plannerTimeoutMs(values: Record<string, unknown>): number {
  const text = values['planner-timeout'] as string | undefined
  if (text === undefined) return DEFAULT_PLANNER_TIMEOUT_MS
  const ms = /^\d+(\.\d+)?ms$/.test(text)
    ? Number(text.slice(0, -2))
    : durationOption('planner-timeout', text) * 1000
  if (!(ms >= 1 && ms <= 600_000))
    throw new UsageError(`--planner-timeout: expected a duration from 1ms to 10m, got "${clip(text, 60)}"`)
  return ms
}

export async function plugins(values: Record<string, unknown>): Promise<string[]> {
  const files = (values['planner-module'] as string[] | undefined) ?? []
  await loadPlannerModules(files, registry)
  return files
}

export function emit(text: string, out: string | undefined, io: Io): void {
  if (!out) {
    io.out(text)
    return
  }
  writeOut('--out', out, text, io)
}

export function writeOut(option: string, file: string, text: string, io: Io): void {
  try {
    writeFileSync(file, text)
  } catch (err) {
    throw new InputError(`${option}: cannot write ${file}: ${describeFsError(err)}`)
  }
  io.err(`wrote ${file}\n`)
}

/**
 * Worker threads for compare: one per core by default. More threads than cores only add memory
 * (each loads the engine and the scenario) and no speed, so a larger --workers is clamped to the
 * core count, with a notice.
 */
export function workerCount(text: string | undefined, jobs: number, io: Io): number {
  const cores = availableParallelism()
  if (text === undefined) return jobs > 1 ? cores : 0
  const asked = Number(text)
  if (asked <= cores) return asked
  io.err(`sim: --workers ${clip(text, 20)} is more than the ${cores} cores of this machine; using ${cores}\n`)
  return cores
}

/** `--out` must not name the scenario it reads: the output would overwrite the input. */
export function notInput(out: string | undefined, input: string): void {
  if (out !== undefined && sameFile(out, input))
    throw new UsageError(`--out: ${clip(out, 60)} is the scenario file being read; choose another file`)
}
