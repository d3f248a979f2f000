// The worker's runner, driven in Node with a fake clock and timer queue: lockstep engines give
// the engine's own numbers, step back re-simulates from snapshots to the same state, bad files
// keep the running scenario, "next event" stops at an event, and frames wait for the UI.

import { readFileSync } from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'
import { createSimulation, NONDETERMINISTIC_METRICS } from '../../src/core'
import { registry } from '../../src/planners'
import { loadScenarioText } from '../../src/scenario'
import type { DigestMessage, FrameMessage, FromWorker } from '../../src/worker/protocol'
import { EVENT_CATEGORY } from '../../src/worker/protocol'
import { SimRunner } from '../../src/worker/runner'
import { loadScenarioReader } from '../../src/worker/scenario-reader'

const FILE = 'scenarios/default.json'
const TEXT = readFileSync(new URL(`../../${FILE}`, import.meta.url), 'utf8')

function harness() {
  const messages: FromWorker[] = []
  const timers: (() => void)[] = []
  let clock = 0
  const runner = new SimRunner({
    post: (m) => messages.push(m),
    now: () => clock,
    schedule: (fn) => {
      timers.push(fn)
      return fn
    },
    cancel: (h) => {
      const i = timers.indexOf(h as () => void)
      if (i >= 0) timers.splice(i, 1)
    },
  })
  const run = (maxTicks = 100_000) => {
    for (let i = 0; i < maxTicks && timers.length; i++) {
      clock += 33
      timers.shift()!()
    }
  }
  const last = <T extends FromWorker['type']>(type: T) =>
    [...messages].reverse().find((m) => m.type === type) as Extract<FromWorker, { type: T }> | undefined
  const advance = (ms: number) => {
    clock += ms
  }
  return { runner, messages, run, last, advance, now: () => clock }
}

function engineAt(strategy: string, stepIndex: number, seed?: number) {
  const loaded = loadScenarioText(TEXT, FILE, { knownPlanners: registry.names() })
  if (!loaded.ok) throw new Error('default scenario does not load')
  const spec = loaded.scenario
  const bound = registry.bind(spec.strategies.find((s) => s.name === strategy)!)
  const sim = createSimulation(spec, strategy, { planners: bound.planners, seed })
  while (sim.state().stepIndex < stepIndex && sim.step()) {}
  return sim
}

function deterministic(m: Record<string, number | null>) {
  const out = { ...m }
  for (const k of NONDETERMINISTIC_METRICS) delete out[k]
  return out
}

describe('SimRunner', () => {
  // Texts other than the built-in default go through the validator the worker loads on demand
  // (src/worker/scenario-reader.ts); it is loaded first here, so each load is answered at once.
  beforeAll(async () => {
    await loadScenarioReader()
  }, 60_000)

  it('runs the strategies in lockstep and reports the engine’s own end-of-run metrics', () => {
    const h = harness()
    h.runner.handle({
      type: 'load',
      text: TEXT,
      file: FILE,
      source: { kind: 'library', key: 'default' },
      strategies: ['baseline', 'predictive'],
    })
    const loaded = h.last('loaded')!
    expect(loaded.strategies).toEqual(['baseline', 'predictive'])
    expect(loaded.satelliteIds.length).toBe(25)
    h.runner.handle({ type: 'seek', timeS: 1e9 })
    h.run()
    const d = h.last('digest')!
    expect(d.done).toBe(true)
    expect(d.busy).toBeNull()
    for (const digest of d.digests) {
      const sim = engineAt(digest.strategy, Number.POSITIVE_INFINITY)
      expect(deterministic(digest.metrics)).toEqual(deterministic(sim.metrics()))
      expect(digest.eventCount).toBe(sim.events().length)
    }
    const f = h.last('frame')!
    expect(f.frames.map((x) => x.strategy)).toEqual(['baseline', 'predictive'])
    expect(f.frames[0].positionsKm.length).toBe(75)
  })

  it('steps back by re-simulating from a snapshot to exactly the same state', () => {
    const h = harness()
    h.runner.handle({ type: 'load', text: TEXT, file: FILE, source: { kind: 'library', key: 'default' } })
    h.runner.handle({ type: 'seek', timeS: 100 * 30 })
    h.run()
    h.runner.handle({ type: 'stepBack' })
    h.run()
    const d = h.last('digest')!
    expect(d.stepIndex).toBe(99)
    const sim = engineAt('baseline', 99)
    expect(deterministic(d.digests[0].metrics)).toEqual(deterministic(sim.metrics()))
    const f = h.last('frame')!
    expect(f.timeS).toBe(99 * 30)
    const pos = sim.state().pos
    for (let i = 0; i < pos.length; i++) expect(f.frames[0].positionsKm[i]).toBeCloseTo(pos[i] / 1000, 2)
    // The history the UI was sent is kept: nothing is re-sent after going back.
    expect(d.digests[0].newEvents.events).toEqual([])
  })

  it('keeps the running scenario when a file does not load', () => {
    const h = harness()
    h.runner.handle({ type: 'load', text: TEXT, file: FILE, source: { kind: 'library', key: 'default' } })
    h.runner.handle({ type: 'step' })
    h.runner.handle({
      type: 'load',
      text: '{"formatVersion": 1',
      file: 'bad.json',
      source: { kind: 'file', name: 'bad.json' },
    })
    const err = h.last('loadError')!
    expect(err.file).toBe('bad.json')
    expect(err.issues.length).toBeGreaterThan(0)
    h.runner.handle({ type: 'step' })
    expect(h.last('digest')!.stepIndex).toBe(2)
  })

  it('runs to the next event worth stopping for', () => {
    const h = harness()
    h.runner.handle({ type: 'load', text: TEXT, file: FILE, source: { kind: 'library', key: 'default' } })
    h.runner.handle({ type: 'nextEvent' })
    h.run()
    const d = h.last('digest') as DigestMessage
    const sim = engineAt('baseline', d.stepIndex)
    const here = sim.events().filter((e) => e.t === d.timeS)
    expect(here.some((e) => EVENT_CATEGORY[e.type])).toBe(true)
    const before = engineAt('baseline', d.stepIndex - 1).events()
    expect(before.some((e) => EVENT_CATEGORY[e.type])).toBe(false)
  })

  it('builds new frames in the buffers the UI gave back', () => {
    const h = harness()
    h.runner.handle({ type: 'load', text: TEXT, file: FILE, source: { kind: 'library', key: 'default' } })
    h.runner.handle({ type: 'step' })
    const first = h.last('frame')!
    const given = first.frames.map((f) => f.positionsKm.buffer)
    h.runner.handle({ type: 'frameShown', seq: first.seq!, recycle: given as ArrayBuffer[] })
    h.runner.handle({ type: 'step' })
    const next = h.last('frame')!
    expect(next.seq).toBeGreaterThan(first.seq!)
    // Same buffers, new contents: the positions of the later step.
    expect(next.frames.map((f) => f.positionsKm.buffer)).toEqual(given)
    expect(next.frames.every((f) => given.includes(f.positionsKm.buffer))).toBe(true)
    const sim = engineAt(next.frames[0].strategy, 2)
    const p = sim.state().pos
    expect(next.frames[0].positionsKm[0]).toBeCloseTo(p[0] / 1000, 3)
    // A buffer of the wrong size, or not a buffer at all, is ignored rather than trusted.
    h.runner.handle({ type: 'frameShown', seq: next.seq!, recycle: [new ArrayBuffer(3), 'x'] as never })
    h.runner.handle({ type: 'step' })
    expect(h.last('frame')!.frames[0].positionsKm.length).toBe(p.length)
  })

  it('plays at the asked speed and sends no more frames than the UI draws', () => {
    const h = harness()
    h.runner.handle({ type: 'load', text: TEXT, file: FILE, source: { kind: 'library', key: 'default' } })
    h.messages.length = 0
    const playedAt = h.now()
    h.runner.handle({ type: 'play', speed: 600 })
    // Nobody acknowledges frames: after the first ones, about one a second.
    h.run(30)
    const frames = h.messages.filter((m) => m.type === 'frame') as FrameMessage[]
    expect(frames.length).toBeLessThan(6)
    // Acknowledged: one per tick, with interpolated (non-step) times between steps.
    h.messages.length = 0
    for (let i = 0; i < 30; i++) {
      const f = h.last('frame')
      if (f?.seq) h.runner.handle({ type: 'frameShown', seq: f.seq })
      h.run(1)
    }
    const acked = h.messages.filter((m) => m.type === 'frame') as FrameMessage[]
    expect(acked.length).toBeGreaterThan(20)
    expect(acked.some((f) => f.timeS % 30 !== 0)).toBe(true)
    h.runner.handle({ type: 'pause' })
    const paused = h.last('digest')!
    expect(paused.playing).toBe(false)
    expect(h.last('frame')!.timeS).toBe(paused.timeS)
    // 600 simulated seconds per wall second of the fake clock. The pause lands on a whole step
    // (up to one 30 s step either side of the exact time) and the fake clock moves in 33 ms ticks
    // (600 × 0.033 s = 19.8 simulated seconds).
    const expected = (600 * (h.now() - playedAt)) / 1000
    expect(expected).toBeGreaterThan(1000)
    expect(Math.abs(paused.timeS - expected)).toBeLessThanOrEqual(30 + 600 * 0.033)
  })

  it('sends digests while playing no faster than the UI draws frames (and at least every 2 s)', () => {
    const h = harness()
    h.runner.handle({ type: 'load', text: TEXT, file: FILE, source: { kind: 'library', key: 'default' } })
    h.runner.handle({ type: 'play', speed: 60 })
    const digests = () => h.messages.filter((m) => m.type === 'digest').length
    // A slow renderer: one frame drawn a second (every 30 ticks of 33 ms).
    h.messages.length = 0
    for (let i = 0; i < 300; i++) {
      const f = h.last('frame')
      if (i % 30 === 0 && f?.seq) h.runner.handle({ type: 'frameShown', seq: f.seq })
      h.run(1)
    }
    const slow = digests() // ≈ 10 s: one digest per DIGEST_FRAMES frames drawn, ~every 2 s
    expect(slow).toBeGreaterThanOrEqual(4)
    expect(slow).toBeLessThanOrEqual(6)
    // A quick one: every frame drawn. Digests at DIGEST_MS (2 Hz).
    h.messages.length = 0
    for (let i = 0; i < 300; i++) {
      const f = h.last('frame')
      if (f?.seq) h.runner.handle({ type: 'frameShown', seq: f.seq })
      h.run(1)
    }
    expect(digests()).toBeGreaterThanOrEqual(18)
    expect(digests()).toBeLessThanOrEqual(21)
  })

  it('builds a synthetic stress constellation', () => {
    const h = harness()
    h.runner.handle({ type: 'loadStress', satellites: 1000 })
    const loaded = h.last('loaded')!
    expect(loaded.satelliteIds.length).toBe(1000)
    expect(loaded.source).toEqual({ kind: 'stress', satellites: 1000 })
    expect(h.last('frame')!.frames[0].positionsKm.length).toBe(3000)
  })

  it('reruns from another seed, at the same time', () => {
    const h = harness()
    h.runner.handle({ type: 'load', text: TEXT, file: FILE, source: { kind: 'library', key: 'default' } })
    h.runner.handle({ type: 'seek', timeS: 3000 })
    h.run()
    h.runner.handle({ type: 'setSeed', seed: 3 })
    h.run()
    expect(h.last('loaded')!.seed).toBe(3)
    const d = h.last('digest')!
    expect(d.timeS).toBe(3000)
    expect(deterministic(d.digests[0].metrics)).toEqual(deterministic(engineAt('baseline', 100, 3).metrics()))
  })

  it('answers nonsense without throwing', () => {
    const h = harness()
    expect(() => h.runner.handle({ type: 'step' })).not.toThrow()
    // biome-ignore lint/suspicious/noExplicitAny: hostile input on purpose
    expect(() => h.runner.handle({ type: 'nope' } as any)).not.toThrow()
    expect(h.last('error')).toBeDefined()
    h.runner.handle({ type: 'load', text: TEXT, file: FILE, source: { kind: 'library', key: 'default' } })
    expect(() => h.runner.handle({ type: 'seek', timeS: Number.NaN })).not.toThrow()
    expect(() => h.runner.handle({ type: 'setStrategies', strategies: ['ghost'] })).not.toThrow()
    expect(h.last('loaded')!.strategies).toEqual(['baseline'])
  })
})
