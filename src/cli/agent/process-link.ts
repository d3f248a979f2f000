// The Node side of an agent: the command runs through the shell in its own process group (so
// ending it ends whatever it started), its standard output is cut into lines of at most
// MAX_LINE_BYTES, and the tail of its standard error is kept for fault text. A line past the
// limit ends the process at once: the engine never holds more than one limit's worth of text.

import { spawn } from 'node:child_process'
import { type AgentLink, MAX_LINE_BYTES, STDERR_TAIL_CHARS, type StartAgent } from '../../planners/agent'
import { LineSplitter } from './line-splitter'

/** A StartAgent that runs `command` (a shell command line) in `cwd`. */
export function processAgent(command: string, cwd = process.cwd()): StartAgent {
  return (): AgentLink => {
    const child = spawn(command, { shell: true, cwd, detached: true, stdio: ['pipe', 'pipe', 'pipe'] })
    // The CLI ends when its work is done, whatever an agent is still doing.
    child.unref()
    for (const s of [child.stdin, child.stdout, child.stderr])
      (s as unknown as { unref?: () => void }).unref?.()
    let lineHandler: (line: string) => void = () => {}
    let endHandler: (reason: string) => void = () => {}
    let ended = false
    let stderr = ''
    const end = (reason: string) => {
      if (ended) return
      ended = true
      endHandler(reason)
    }
    const kill = () => {
      if (child.exitCode !== null || child.signalCode !== null) return
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL')
      } catch {
        child.kill('SIGKILL')
      }
    }
    const lines = new LineSplitter(
      MAX_LINE_BYTES,
      (line) => {
        if (!ended) lineHandler(line)
      },
      () => {
        kill()
        end(`sent a line longer than ${MAX_LINE_BYTES / 1024} KB`)
      },
    )
    child.stdout.on('data', (chunk: Buffer) => {
      if (!ended) lines.push(chunk)
    })
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-STDERR_TAIL_CHARS)
    })
    // Writing to an agent that has gone: the 'exit' event says what happened.
    child.stdin.on('error', () => {})
    child.on('error', (err) => end(`could not be started: ${err.message}`))
    child.on('exit', (code, signal) => end(signal ? `ended by signal ${signal}` : `exited with code ${code}`))
    return {
      send: (line) => {
        if (!ended && child.stdin.writable) child.stdin.write(`${line}\n`)
      },
      onLine: (h) => {
        lineHandler = h
      },
      onEnd: (h) => {
        endHandler = h
      },
      stderrTail: () => stderr,
      kill: () => {
        ended = true
        kill()
      },
    }
  }
}
