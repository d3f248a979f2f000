// Runs `sim` in a child process, as a user would, and measures it: wall time and peak resident
// memory (through /usr/bin/time when the machine has it). Hostile inputs must end with a message
// and an exit code, never a hang, a stack trace or a runaway heap.

import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const ROOT = join(import.meta.dirname, '..', '..')
const TIME = '/usr/bin/time'

export interface ChildRun {
  code: number | null
  out: string
  err: string
  seconds: number
  /** Peak resident set size in MB; NaN when it could not be measured. */
  rssMb: number
}

/** Every measured run of this process, for the summary a test file may print. */
export const measured: { name: string; run: ChildRun }[] = []

/** Kills a child that outlives this; no hostile case should come near it. */
const KILL_AFTER_MS = 120_000

export function simChild(name: string, args: string[], input?: string): Promise<ChildRun> {
  const stats = join(mkdtempSync(join(tmpdir(), 'sim-child-')), 'time.txt')
  const useTime = existsSync(TIME)
  const command = useTime ? TIME : process.execPath
  const argv = useTime
    ? ['-f', '%e %M', '-o', stats, process.execPath, 'bin/sim.mjs', ...args]
    : ['bin/sim.mjs', ...args]
  const started = performance.now()
  return new Promise((resolve, reject) => {
    const child = spawn(command, argv, { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] })
    let out = ''
    let err = ''
    child.stdout.setEncoding('utf8').on('data', (d) => (out += d))
    child.stderr.setEncoding('utf8').on('data', (d) => (err += d))
    const timer = setTimeout(() => child.kill('SIGKILL'), KILL_AFTER_MS)
    child.on('error', reject)
    child.stdin.end(input ?? '')
    child.on('close', (code) => {
      clearTimeout(timer)
      let seconds = (performance.now() - started) / 1000
      let rssMb = Number.NaN
      if (useTime && existsSync(stats)) {
        const last = readFileSync(stats, 'utf8').trim().split('\n').at(-1) ?? ''
        const [s, kb] = last.split(' ').map(Number)
        if (Number.isFinite(s)) seconds = s
        if (Number.isFinite(kb)) rssMb = kb / 1024
      }
      const run = { code, out, err, seconds, rssMb }
      measured.push({ name, run })
      resolve(run)
    })
  })
}

/** One line per measured run: what a report quotes. */
export function measuredTable(): string {
  return measured
    .map(
      ({ name, run }) =>
        `${name.padEnd(48)} exit ${run.code}  ${run.seconds.toFixed(2).padStart(6)} s  ${run.rssMb.toFixed(0).padStart(5)} MB`,
    )
    .join('\n')
}
