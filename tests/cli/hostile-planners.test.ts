// Every hostile planner module from issue 8, through the real `sim` command in its own process:
// each run finishes, exits 0 (2 for a module that cannot load), prints no stack trace, names
// the planner in its fault, and keeps its memory bounded.

import { basename, join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { measuredTable, simChild } from './child'
import { scenarioWith } from './support'

const HOSTILE = join(import.meta.dirname, 'fixtures', 'hostile')
const STACK = /\n\s+at \S/

/** `sim` in a child process, measured (wall time and peak resident memory of all its threads). */
const sim = (...args: string[]) => simChild(`issue 8: ${args[0]} ${basename(args.at(-1) ?? '')}`, args)

afterAll(() => {
  process.stdout.write(`\nissue 8 hostile planners (time and peak RSS of each child):\n${measuredTable()}\n`)
})

const mini = (name: string) => scenarioWith('mini.json', { mine: { allocation: name } })
const faults = (report: { events: { t: number; type: string; planner?: string; message: string }[] }) =>
  report.events.filter((e) => e.type === 'plannerFault')

/**
 * `sim run` of mini.json's strategy "mine" with the hostile module's planner in it. The planner
 * deadline is roomy by default: only the loop test is about the deadline (it passes 1 s and waits
 * it out); the others are about what a call returns or does, and on two busy cores a healthy
 * call (the flood's 300,000 decisions, a first call warming its thread up) can take over 1 s.
 */
async function runMine(module: string, name: string, timeout = '10s') {
  const r = await sim(
    'run',
    mini(name),
    '--strategy',
    'mine',
    '--json',
    '--planner-timeout',
    timeout,
    '--planner-module',
    join(HOSTILE, module),
  )
  expect(r.err).not.toMatch(STACK)
  return r
}

describe('hostile planner modules in `sim run` and `sim compare`', () => {
  it('a plan() that loops forever is stopped at the deadline in run and in compare', async () => {
    const r = await runMine('loop.ts', 'hostile-loop', '1s')
    expect(r.code).toBe(0)
    const report = JSON.parse(r.out)
    expect(faults(report).map((e) => [e.t, e.planner, e.message])).toEqual([
      [
        60,
        'allocation/hostile-loop',
        'allocation/hostile-loop: did not return within 1 s; disabled for the rest of the run',
      ],
    ])
    expect(report.elapsedS).toBe(6 * 3600)
    const c = await sim(
      'compare',
      mini('hostile-loop'),
      '--strategies',
      'onboard,mine',
      '--seeds',
      '3,4',
      '--json',
      '--workers',
      '2',
      '--planner-timeout',
      '1s',
      '--planner-module',
      join(HOSTILE, 'loop.ts'),
    )
    expect(c.err).not.toMatch(STACK)
    expect(c.code).toBe(0)
    const mine = JSON.parse(c.out).strategies[1]
    expect(mine.metrics.plannerFaults.perSeed).toEqual([
      { seed: 3, value: 1 },
      { seed: 4, value: 1 },
    ])
  }, 60_000)

  it('a decision with a throwing getter is rejected with the reason', async () => {
    const r = await runMine('getter.ts', 'hostile-getter')
    expect(r.code).toBe(0)
    expect(faults(JSON.parse(r.out))[0].message).toBe(
      'allocation/hostile-getter: rejected decision: reading the decision threw: Error: getter says no',
    )
  }, 30_000)

  it('an async plan() that rejects is one fault that disables it, and the run goes on', async () => {
    const r = await runMine('reject.ts', 'hostile-reject')
    expect(r.code).toBe(0)
    const report = JSON.parse(r.out)
    const f = faults(report)
    expect(f[0].message).toBe(
      'allocation/hostile-reject: threw: Error: async trouble; disabled for the rest of the run',
    )
    expect(f).toHaveLength(1)
    expect(report.elapsedS).toBeGreaterThan(f[0].t)
  }, 30_000)

  it('a timer that throws after import is a warning naming the planner, not a crash', async () => {
    const r = await runMine('timer.ts', 'hostile-timer')
    expect(r.code).toBe(0)
    expect(r.err).toContain(
      'warning: planner allocation/hostile-timer: an error outside plan() (ignored): Error: late timer',
    )
    expect(faults(JSON.parse(r.out))).toEqual([])
  }, 30_000)

  it('an export that throws on property access cannot load: exit 2 with every problem named', async () => {
    const r = await sim('validate', mini('x'), '--planner-module', join(HOSTILE, 'export-throws.ts'))
    expect(r.code).toBe(2)
    expect(r.err).not.toMatch(STACK)
    expect(r.err).toContain('export-throws.ts: id: reading it threw Error: no peeking')
    expect(r.err).toContain('export-throws.ts: plan: reading it threw Error: no peeking')
  }, 30_000)

  it('params.safeParse throwing is a clear problem with the strategy: exit 2', async () => {
    const r = await runMine('params-throw.ts', 'hostile-params')
    expect(r.code).toBe(2)
    expect(r.err).toBe('strategy "mine": params.allocation: its params schema threw Error: schema exploded\n')
  }, 30_000)

  it('process.exit(0) inside plan() ends only the planner, and the report is printed', async () => {
    const r = await runMine('exit.ts', 'hostile-exit')
    expect(r.code).toBe(0)
    expect(faults(JSON.parse(r.out)).map((e) => e.message)).toEqual([
      'allocation/hostile-exit: called process.exit(0); disabled for the rest of the run',
    ])
  }, 30_000)

  it.each([
    ['heap.ts', 'hostile-heap'],
    ['offheap.ts', 'hostile-offheap'],
  ])(
    '%s: unbounded allocation hits the memory cap, and the process stays under 1.5 GB',
    async (file, name) => {
      const r = await runMine(file, name, '30s')
      expect(r.code).toBe(0)
      expect(faults(JSON.parse(r.out)).map((e) => e.message)).toEqual([
        `allocation/${name}: ran out of memory (512 MB); disabled for the rest of the run`,
      ])
      expect(r.rssMb).toBeGreaterThan(0)
      expect(r.rssMb).toBeLessThan(1536)
    },
    90_000,
  )

  it('300,000 invalid decisions a call keep the log bounded and memory under 1.5 GB', async () => {
    const r = await runMine('flood.ts', 'hostile-flood')
    expect(r.code).toBe(0)
    const report = JSON.parse(r.out)
    const f = faults(report)
    const calls = new Set(f.map((e) => e.t)).size
    expect(calls).toBeGreaterThan(30)
    // Ten one by one, one summary, one "only the first 10000 were read" per call.
    expect(f.length).toBe(calls * 12)
    expect(r.rssMb).toBeGreaterThan(0)
    expect(r.rssMb).toBeLessThan(1536)
  }, 120_000)

  it('a planner writing into its view gives the same report as one that writes nothing', async () => {
    const strategy = { trajectory: 'hohmann', allocation: 'greedy-priority', maintenance: 'hostile-writer' }
    const file = scenarioWith('../../../scenarios/default.json', { mine: strategy })
    const report = async (module: string) => {
      const r = await sim(
        'run',
        file,
        '--strategy',
        'mine',
        '--json',
        '--planner-module',
        join(HOSTILE, module),
      )
      expect(r.code).toBe(0)
      const { timing: _varies, ...rest } = JSON.parse(r.out)
      return rest
    }
    const quiet = await report('quiet.ts')
    expect(quiet.metrics.dataDeliveredGb.value).toBeGreaterThan(10)
    expect(await report('writer.ts')).toEqual(quiet)
  }, 60_000)
})
