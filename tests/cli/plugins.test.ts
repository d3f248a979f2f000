import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { main } from '../../src/cli/main'

const FIXTURES = join(import.meta.dirname, 'fixtures')
const MODULE = join(FIXTURES, 'first-come.ts')

async function sim(...argv: string[]) {
  let out = ''
  let err = ''
  const code = await main(argv, { out: (t) => (out += t), err: (t) => (err += t) })
  return { code, out, err }
}

/** mini.json with a strategy that uses the user's planner. */
function scenarioWithMine(): string {
  const spec = JSON.parse(readFileSync(join(FIXTURES, 'mini.json'), 'utf8'))
  spec.strategies.mine = { allocation: 'first-come', params: { allocation: { lookAheadH: 3 } } }
  const path = join(mkdtempSync(join(tmpdir(), 'sim-plugin-')), 'mine.json')
  writeFileSync(path, JSON.stringify(spec))
  return path
}

describe('--planner-module', () => {
  const file = scenarioWithMine()

  it('without the module, a scenario naming the planner is refused with the known names', async () => {
    const r = await sim('validate', file)
    expect(r.code).toBe(2)
    expect(r.err).toContain('strategies.mine.allocation')
    expect(r.err).toContain('"first-come"')
  })

  it('with the module, the user planner runs and every decision explains itself', async () => {
    const r = await sim('run', file, '--strategy', 'mine', '--json', '--planner-module', MODULE)
    expect(r.code).toBe(0)
    const report = JSON.parse(r.out)
    const decisions = report.events.filter((e: { type: string }) => e.type === 'decision')
    expect(decisions.length).toBeGreaterThan(0)
    for (const d of decisions) {
      expect(d.planner).toBe('allocation/first-come')
      expect(d.message).toMatch(/^\S+ is the first satellite over \S+, at T\+\d+\.\d h\.$/)
    }
    expect(report.metrics.plannerFaults.value).toBe(0)
  })

  it('compare loads the module on its worker threads too', async () => {
    const r = await sim(
      'compare',
      file,
      '--strategies',
      'onboard,mine',
      '--json',
      '--workers',
      '2',
      '--planner-module',
      MODULE,
    )
    expect(r.code).toBe(0)
    const c = JSON.parse(r.out)
    expect(c.strategies.map((s: { name: string }) => s.name)).toEqual(['onboard', 'mine'])
    expect(c.firstDivergence).not.toBeNull()
    expect(c.firstDivergence.actions[1].action).toMatch(/is the first satellite over/)
  })

  it("run is reproducible except its timing section, which holds each planner's time per call", async () => {
    const once = async () => {
      const r = await sim('run', file, '--strategy', 'mine', '--json', '--planner-module', MODULE)
      expect(r.code).toBe(0)
      return JSON.parse(r.out)
    }
    const a = await once()
    const b = await once()
    expect(a.timing.planners.map((p: { planner: string }) => p.planner)).toEqual(['allocation/first-come'])
    const t = a.timing.planners[0]
    expect(t.calls).toBe(37)
    expect(t.medianMs).toBeGreaterThanOrEqual(0)
    expect(t.maxMs).toBeGreaterThanOrEqual(t.medianMs)
    delete a.timing
    delete b.timing
    expect(JSON.stringify(b)).toBe(JSON.stringify(a))
  })

  it('compare prints the same numbers as run for each strategy and seed', async () => {
    const c = await sim(
      'compare',
      file,
      '--strategies',
      'mine',
      '--seeds',
      '3,5',
      '--json',
      '--planner-module',
      MODULE,
    )
    expect(c.code).toBe(0)
    const mine = JSON.parse(c.out).strategies[0]
    for (const seed of [3, 5]) {
      const r = await sim(
        'run',
        file,
        '--strategy',
        'mine',
        '--seed',
        String(seed),
        '--json',
        '--planner-module',
        MODULE,
      )
      const report = JSON.parse(r.out)
      for (const [key, stats] of Object.entries(mine.metrics) as [
        string,
        { perSeed: { seed: number; value: number | null }[] },
      ][]) {
        expect(stats.perSeed.find((p) => p.seed === seed)?.value, key).toBe(report.metrics[key].value)
      }
    }
  })

  it('--planner-timeout takes a duration and refuses nonsense', async () => {
    const r = await sim(
      'run',
      file,
      '--strategy',
      'mine',
      '--planner-timeout',
      'soon',
      '--planner-module',
      MODULE,
    )
    expect(r.code).toBe(2)
    expect(r.err).toContain('--planner-timeout: expected a duration such as 90s')
    const zero = await sim('run', file, '--planner-timeout', '0ms')
    expect(zero.err).toContain('--planner-timeout: expected a duration from 1ms to 10m, got "0ms"')
  })

  it('a malformed planner module is refused with every problem named', async () => {
    const r = await sim('validate', file, '--planner-module', join(FIXTURES, 'broken-planner.ts'))
    expect(r.code).toBe(2)
    expect(r.err).toContain(
      'broken-planner.ts: kind: expected one of trajectory, allocation, maintenance, got "weather"',
    )
    expect(r.err).toContain('broken-planner.ts: plan: expected a function (view, params) => decisions')
  })

  it('a missing module is a clear error', async () => {
    const r = await sim('validate', file, '--planner-module', './no/such/planner.ts')
    expect(r.code).toBe(2)
    expect(r.err).toBe('--planner-module ./no/such/planner.ts: cannot load it: no such file\n')
  })
})
