// The worker's first load without the scenario validator: the built-in default scenario is
// answered from what the loader said at build time, for exactly that text and nothing else; any
// other text (a user's file, however close to the default) is validated as before, once the
// validator has been fetched, and the requests that came meanwhile wait in order.
// The validator is not loaded by anything else in this file: each test file has its own modules.

import { readFileSync } from 'node:fs'
import { isDeepStrictEqual } from 'node:util'
import { describe, expect, it } from 'vitest'
import { registry } from '../../src/planners'
import { loadScenarioText } from '../../src/scenario'
import builtIn from '../../src/worker/built-in-default.json'
import { builtInLoad } from '../../src/worker/built-in-load'
import { exportsModule } from '../../src/worker/on-demand'
import type { FromWorker } from '../../src/worker/protocol'
import { SimRunner } from '../../src/worker/runner'
import { HeldRequests, loadScenarioReader, scenarioReader } from '../../src/worker/scenario-reader'

const FILE = 'scenarios/default.json'
const TEXT = readFileSync(new URL(`../../${FILE}`, import.meta.url), 'utf8')
const LIBRARY = { kind: 'library', key: 'default' } as const

function runner() {
  const messages: FromWorker[] = []
  const r = new SimRunner({
    post: (m) => messages.push(m),
    now: () => 0,
    schedule: (fn) => fn,
    cancel: () => {},
  })
  return { runner: r, messages, types: () => messages.map((m) => m.type) }
}

describe('the built-in default scenario, read at build time', () => {
  it('is the loader’s answer for today’s scenarios/default.json (else: npm run built-in-scenario)', () => {
    expect(builtIn.text, 'scenarios/default.json changed: run npm run built-in-scenario').toBe(TEXT)
    const now = loadScenarioText(TEXT, FILE, { knownPlanners: registry.names() })
    expect(now.ok).toBe(true)
    // Exactly equal, prototypes and all (a JSON round trip would lose an Infinity or a typed array).
    expect(
      isDeepStrictEqual(builtInLoad(TEXT), now),
      'the loader changed: run npm run built-in-scenario',
    ).toBe(true)
  })

  it('answers only for that very text', () => {
    expect(builtInLoad(`${TEXT} `)).toBeNull()
    expect(builtInLoad(TEXT.replace('"seed": ', '"seed": 1'))).toBeNull()
    expect(builtInLoad('')).toBeNull()
  })

  it('hands out a copy: a run that changes its spec does not change the next load', () => {
    const a = builtInLoad(TEXT)
    if (!a?.ok) throw new Error('expected the built-in answer')
    a.scenario.satellites.length = 0
    const b = builtInLoad(TEXT)
    expect(b?.ok && b.scenario.satellites.length).toBeGreaterThan(0)
  })
})

describe('the worker loads the default without the validator, and validates everything else', () => {
  it('answers the default at once, the validator still not loaded', () => {
    const h = runner()
    h.runner.handle({ type: 'load', text: TEXT, file: FILE, source: LIBRARY })
    expect(h.types()).toContain('loaded')
    expect(scenarioReader()).toBeNull()
  })

  it('holds a user’s file and what follows until the validator is here, then answers as the loader does', async () => {
    const h = runner()
    h.runner.handle({ type: 'load', text: TEXT, file: FILE, source: LIBRARY })
    const before = h.messages.length
    // A hostile file that differs from the default by one value: it must be validated, not trusted.
    const hostile = TEXT.replace(/"seed": \d+/, '"seed": -1.5')
    expect(hostile).not.toBe(TEXT)
    h.runner.handle({
      type: 'load',
      text: hostile,
      file: 'mine.json',
      source: { kind: 'file', name: 'mine.json' },
    })
    h.runner.handle({ type: 'step' })
    expect(h.messages.length).toBe(before)
    await loadScenarioReader()
    await Promise.resolve()
    const after = h.messages.slice(before)
    const error = after.find((m) => m.type === 'loadError')
    const expected = loadScenarioText(hostile, 'mine.json', { knownPlanners: registry.names() })
    expect(expected.ok).toBe(false)
    expect(error).toEqual({
      type: 'loadError',
      file: 'mine.json',
      issues: expected.ok ? [] : expected.issues,
    })
    // The step waited for the answer and then went to the scenario that kept running.
    expect(after.findIndex((m) => m.type === 'loadError')).toBeLessThan(
      after.findIndex((m) => m.type === 'digest'),
    )
    const digest = [...after].reverse().find((m) => m.type === 'digest')
    expect(digest?.type === 'digest' && digest.stepIndex).toBe(1)
  })
})

describe('the Export menu’s formatters, fetched with the first export', () => {
  it('answers an export once they are here, for the run of the moment it was asked', async () => {
    const h = runner()
    h.runner.handle({ type: 'load', text: TEXT, file: FILE, source: LIBRARY })
    expect(exportsModule.get()).toBeNull()
    h.runner.handle({ type: 'export', id: 3, format: 'report', strategy: 'nope' })
    expect(h.types()).not.toContain('exported')
    await exportsModule.load()
    await Promise.resolve()
    const answer = h.messages.find((m) => m.type === 'exported')
    expect(answer).toEqual({ type: 'exported', id: 3, ok: false, message: expect.stringContaining('"nope"') })
    // Once here, an export is answered at once.
    h.runner.handle({ type: 'export', id: 4, format: 'pdf' as never, strategy: 'nope' })
    expect(h.messages.at(-1)).toEqual({
      type: 'exported',
      id: 4,
      ok: false,
      message: 'Unknown export format "pdf".',
    })
  })
})

describe('HeldRequests', () => {
  it('keeps requests while waiting and hands them on in order after the answer, or after a failure', async () => {
    const seen: string[] = []
    const held = new HeldRequests<string>(
      (m) => seen.push(m),
      (err) => seen.push(`fail ${err}`),
    )
    expect(held.hold('now')).toBe(false)
    held.waitFor(
      Promise.reject(new Error('offline')),
      () => seen.push('then'),
      () => seen.push('failed'),
    )
    expect(held.hold('a')).toBe(true)
    expect(held.hold('b')).toBe(true)
    expect(seen).toEqual([])
    await new Promise((ok) => setTimeout(ok, 0))
    expect(seen).toEqual(['failed', 'a', 'b'])
    expect(held.hold('c')).toBe(false)
  })

  it('holds the rest again when a kept request starts another wait', async () => {
    const seen: string[] = []
    let second: () => void = () => {}
    const held: HeldRequests<string> = new HeldRequests<string>(
      (m) => {
        seen.push(m)
        if (m === 'load')
          held.waitFor(
            new Promise<void>((ok) => (second = ok)),
            () => seen.push('loaded'),
            () => {},
          )
      },
      () => {},
    )
    held.waitFor(
      Promise.resolve(),
      () => seen.push('first'),
      () => {},
    )
    held.hold('load')
    held.hold('after')
    await new Promise((ok) => setTimeout(ok, 0))
    expect(seen).toEqual(['first', 'load'])
    second()
    await new Promise((ok) => setTimeout(ok, 0))
    expect(seen).toEqual(['first', 'load', 'loaded', 'after'])
  })
})
