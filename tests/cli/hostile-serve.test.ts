// Hostile clients of `sim serve --stdio` (issue 14): one that connects and never sends, one that
// sends garbage and messages of the wrong shape, one that sends a 1 MB line. Each gets a clear
// answer — an error line naming what was wrong, or for the idle client an exit with a message
// after the stated --idle-timeout — never a hang or a stack trace, and the good lines after the
// bad ones are still served.

import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { observationSchema, serveErrorSchema, serveHelloSchema } from '../../src/planners/agent'

const ROOT = join(import.meta.dirname, '..', '..')
const MINI = join(import.meta.dirname, 'fixtures', 'mini.json')
const STACK = /\n\s+at \S/
/** Kills a server that outlives this; no case should come near it. */
const KILL_AFTER_MS = 90_000

interface Server {
  child: ChildProcessWithoutNullStreams
  /** Resolves with the next line the server writes (parsed). */
  next(): Promise<Record<string, unknown>>
  send(text: string): void
  /** Resolves when it ends: exit code, everything on stderr, every stdout line. */
  ended: Promise<{ code: number | null; err: string; lines: string[] }>
}

function serve(...extra: string[]): Server {
  const child = spawn(
    process.execPath,
    ['bin/sim.mjs', 'serve', MINI, '--stdio', '--until', '1h', ...extra],
    {
      cwd: ROOT,
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  )
  const timer = setTimeout(() => child.kill('SIGKILL'), KILL_AFTER_MS)
  const lines: string[] = []
  const waiting: ((line: string) => void)[] = []
  let buffered = ''
  let err = ''
  let read = 0
  child.stdout.setEncoding('utf8').on('data', (d: string) => {
    buffered += d
    for (let nl = buffered.indexOf('\n'); nl >= 0; nl = buffered.indexOf('\n')) {
      lines.push(buffered.slice(0, nl))
      buffered = buffered.slice(nl + 1)
    }
    while (waiting.length && read < lines.length) waiting.shift()!(lines[read++])
  })
  child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d))
  child.stdin.on('error', () => {})
  const ended = new Promise<{ code: number | null; err: string; lines: string[] }>((resolve) =>
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({ code, err, lines })
    }),
  )
  return {
    child,
    next: () =>
      new Promise((resolve) => {
        const take = (line: string) => resolve(JSON.parse(line))
        if (read < lines.length) take(lines[read++])
        else waiting.push(take)
      }),
    send: (text) => child.stdin.write(text),
    ended,
  }
}

describe('hostile clients of `sim serve --stdio`', () => {
  it('a client that never sends is told, and the server exits after --idle-timeout', async () => {
    const s = serve('--idle-timeout', '1s')
    expect(await s.next()).toMatchObject({ protocol: 'mission-sandbox/1', type: 'hello', mode: 'serve' })
    const bye = await s.next()
    expect(serveErrorSchema.safeParse(bye).success).toBe(true)
    expect(bye).toEqual({
      type: 'error',
      message: 'no message from the client within 1 s (--idle-timeout 1s); the server stops',
    })
    const end = await s.ended
    expect(end.code).toBe(2)
    expect(end.err).toContain(
      'serve: no message from the client within 1 s (--idle-timeout 1s); the server stops',
    )
    expect(end.err).not.toMatch(STACK)
  }, 60_000)

  it('states its idle timeout in the hello and refuses a bad one', async () => {
    const s = serve()
    const hello = await s.next()
    expect(hello).toMatchObject({ type: 'hello', idleTimeoutS: 300, maxLineBytes: 512 * 1024 })
    expect(serveHelloSchema.safeParse(hello).success).toBe(true)
    s.child.stdin.end()
    expect((await s.ended).code).toBe(0)
    const bad = serve('--idle-timeout', 'soon')
    const end = await bad.ended
    expect(end.code).toBe(2)
    expect(end.err).toMatch(/--idle-timeout/)
    expect(end.err).not.toMatch(STACK)
  }, 60_000)

  it('answers garbage and messages of the wrong shape with an error naming the line, then serves on', async () => {
    const s = serve()
    await s.next()
    s.send('this is not json {\n')
    expect(await s.next()).toEqual({ type: 'error', message: 'line 1 is not JSON ("this is not json {")' })
    s.send('{"type":"step","decisions":5}\n')
    expect(await s.next()).toEqual({
      type: 'error',
      message: 'line 2: decisions: Invalid input: expected array, received number',
    })
    s.send('{"type":"teleport"}\n')
    expect(await s.next()).toMatchObject({
      type: 'error',
      message: expect.stringMatching(/^line 3: type: expected one of "hello", "reset", "step", "observe"/),
    })
    s.send('{"type":"reset","seed":-4}\n')
    expect(await s.next()).toMatchObject({ type: 'error', message: expect.stringMatching(/^line 4: seed: /) })
    s.send('[1,2]\n')
    expect(await s.next()).toMatchObject({ type: 'error', message: expect.stringMatching(/^line 5: /) })
    s.send('{"type":"reset","seed":2}\n')
    const observation = await s.next()
    expect(observation).toMatchObject({ type: 'observation', step: 0, done: false })
    // What the server sends is what the generated schema describes.
    expect(observationSchema.safeParse(observation).success).toBe(true)
    expect((observation.opportunities as { fromS: number }).fromS).toBe(observation.timeS)
    s.child.stdin.end()
    const end = await s.ended
    expect(end.code).toBe(0)
    expect(end.err).not.toMatch(STACK)
  }, 60_000)

  it('answers a 1 MB line with an error, without keeping it, and serves the next line', async () => {
    const s = serve()
    await s.next()
    s.send(`{"type":"step","decisions":["${'x'.repeat(1024 * 1024)}"]}\n`)
    expect(await s.next()).toEqual({
      type: 'error',
      message: 'line 1 is longer than 512 KB: ignored (a message must fit in 524288 bytes)',
    })
    s.send('{"type":"reset"}\n')
    expect(await s.next()).toMatchObject({ type: 'observation', step: 0 })
    s.child.stdin.end()
    const end = await s.ended
    expect(end.code).toBe(0)
    expect(end.err).not.toMatch(STACK)
  }, 60_000)
})
