import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { sim, tempFile } from '../support/cli'

const ROOT = join(import.meta.dirname, '..', '..')
const MINI = join(ROOT, 'tests/cli/fixtures/mini.json')
const exec = promisify(execFile)

describe('sim validate', () => {
  it('prints ok per valid file and exits 0', async () => {
    const r = await sim('validate', MINI)
    expect(r).toMatchObject({ code: 0, out: `${MINI}: ok\n`, err: '' })
  })

  it('prints every problem with file and path and exits 2', async () => {
    const bad = JSON.parse(readFileSync(MINI, 'utf8'))
    bad.constellation.walker.planes = 0
    bad.tasks[0].windw = bad.tasks[0].window
    const file = tempFile('bad.json', JSON.stringify(bad))
    const r = await sim('validate', MINI, file)
    expect(r.code).toBe(2)
    expect(r.out).toBe(`${MINI}: ok\n`)
    expect(r.err).toContain(`${file}: constellation.walker.planes: expected an integer ≥ 1, got 0`)
    expect(r.err).toContain(`${file}: tasks[0].windw: unknown key (did you mean "window"?)`)
    expect(r.err).not.toMatch(/\n\s+at /)
  })

  it('reports malformed JSON with line and column', async () => {
    const file = tempFile('broken.json', '{\n  "id": "x",\n  "title" "y"\n}\n')
    const r = await sim('validate', file)
    expect(r.code).toBe(2)
    expect(r.err).toMatch(
      new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: line 3, column \\d+: `),
    )
  })

  it('reports a missing file without a stack trace', async () => {
    const r = await sim('validate', '/nonexistent/x.json')
    expect(r).toMatchObject({ code: 2, err: '/nonexistent/x.json: cannot read the file: no such file\n' })
  })
})

describe('sim run', () => {
  it('prints a readable summary', async () => {
    const r = await sim('run', MINI)
    expect(r.code).toBe(0)
    expect(r.out).toContain('Mini scenario for CLI tests')
    expect(r.out).toContain('Illustrative sandbox — not a flight system.')
    expect(r.out).toMatch(/Satellites +6 \(6 active, 0 spare\)/)
    expect(r.out).toMatch(/Contacts +\d+ passes; eclipses \d+ entries/)
    expect(r.out).toContain('Tasks completed')
    expect(r.out).toContain('battery failed')
  })

  it('--json prints the report with every documented field, byte-identical across runs', async () => {
    const a = await sim('run', MINI, '--json', '--until', '2h', '--seed', '11')
    const b = await sim('run', MINI, '--json', '--until', '2h', '--seed', '11')
    expect(a.code).toBe(0)
    expect(a.out).toBe(b.out)
    const report = JSON.parse(a.out)
    expect(report).toMatchObject({ scenario: 'mini', strategy: 'onboard', seed: 11, elapsedS: 7200 })
    expect(Object.keys(report.metrics)).toContain('tasksCompleted')
    expect(Array.isArray(report.events)).toBe(true)
    expect(report.satellites).toHaveLength(6)
    for (const s of report.satellites) {
      expect(Object.keys(s)).toEqual(
        expect.arrayContaining([
          'id',
          'positionEciKm',
          'velocityEciKmS',
          'latDeg',
          'lonDeg',
          'altKm',
          'batterySoc',
          'propellantKg',
          'status',
        ]),
      )
      // A 550 km circular orbit: radius ≈ 6928 km, speed ≈ 7.59 km/s.
      expect(Math.hypot(...(s.positionEciKm as [number, number, number]))).toBeCloseTo(6928.137, 0)
      expect(Math.hypot(...(s.velocityEciKmS as [number, number, number]))).toBeCloseTo(7.585, 2)
    }
  })

  it('--out writes the file and says so on stderr', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'sim-out-')), 'report.json')
    const r = await sim('run', MINI, '--json', '--until', '30m', '--out', out)
    expect(r).toMatchObject({ code: 0, out: '', err: `wrote ${out}\n` })
    expect(JSON.parse(readFileSync(out, 'utf8')).elapsedS).toBe(1800)
  })

  it.each([
    [['run', MINI, '--seed', 'abc'], 'sim: --seed: expected an integer from 0 to 4294967295, got "abc"'],
    [
      ['run', MINI, '--until', 'soon'],
      'sim: --until: expected a duration such as 90s, 45m, 24h or 2d, got "soon"',
    ],
    [
      ['run', MINI, '--strategy', 'nope'],
      'sim: --strategy: scenario mini has no strategy "nope" (it has: onboard, onboard-too)',
    ],
    [['run', MINI, '--colour'], "sim: Unknown option '--colour'"],
    [
      ['frobnicate'],
      'sim: unknown command "frobnicate" (expected validate, run, compare, merge, export, import or schema)',
    ],
  ])('usage mistakes exit 2 with a clear message: %s', async (argv, message) => {
    const r = await sim(...argv)
    expect(r.code).toBe(2)
    expect(r.err.split('\n')[0]).toContain(message)
  })
})

describe('sim schema', () => {
  it('prints the committed JSON Schema', async () => {
    const r = await sim('schema')
    expect(r.code).toBe(0)
    expect(JSON.parse(r.out)).toEqual(
      JSON.parse(readFileSync(join(ROOT, 'public/scenario.schema.json'), 'utf8')),
    )
  })
})

describe('sim compare', () => {
  it('--json gives strategies with per-seed values and aggregates; the same command gives the same output', async () => {
    const args = ['compare', MINI, '--seeds', '1..3', '--json']
    const a = await sim(...args, '--workers', '2')
    const b = await sim(...args, '--workers', '0')
    expect(a.code).toBe(0)
    expect(a.out).toBe(b.out)
    const c = JSON.parse(a.out)
    expect(c.seeds).toEqual([1, 2, 3])
    expect(c.strategies.map((s: { name: string }) => s.name)).toEqual(['onboard', 'onboard-too'])
    const m = c.strategies[0].metrics.tasksCaptured
    expect(m.perSeed.map((p: { seed: number }) => p.seed)).toEqual([1, 2, 3])
    const values = m.perSeed.map((p: { value: number }) => p.value)
    const mean = values.reduce((x: number, y: number) => x + y, 0) / 3
    expect(m.mean).toBeCloseTo(mean, 4)
    // Sample sd by the sum-of-squares formula (the code uses two passes); 4-decimal rounding.
    const sumSq = values.reduce((x: number, y: number) => x + y * y, 0)
    expect(m.sd).toBeCloseTo(Math.sqrt(Math.max(0, (sumSq - 3 * mean * mean) / 2)), 4)
    expect([m.min, m.max]).toEqual([Math.min(...values), Math.max(...values)])
    // The two strategies are the same planners: no strategy is best on any metric.
    expect(Object.values(c.best).every((b) => b === null)).toBe(true)
    expect(c.strategies[0].metrics.plannerTimeMs).toBeUndefined()
  })

  it('the per-seed values equal single runs of the same seed', async () => {
    const c = JSON.parse((await sim('compare', MINI, '--seeds', '4', '--json', '--workers', '0')).out)
    const run = JSON.parse((await sim('run', MINI, '--seed', '4', '--json')).out)
    for (const [key, stat] of Object.entries(c.strategies[0].metrics) as [
      string,
      { perSeed: { value: number }[] },
    ][])
      expect(stat.perSeed[0].value, key).toEqual(run.metrics[key].value)
  })

  it('the table marks units and says when strategies made the same decisions', async () => {
    const r = await sim('compare', MINI)
    expect(r.code).toBe(0)
    expect(r.out).toMatch(/Tasks captured +\d+ tasks +\d+ tasks +higher/)
    expect(r.out).toContain('The strategies made the same decisions throughout.')
  })

  it('--csv gives one row per strategy and seed', async () => {
    const r = await sim('compare', MINI, '--seeds', '1,2', '--csv', '--workers', '0')
    const lines = r.out.trim().split('\n')
    expect(lines[0].startsWith('strategy,seed,tasksCompleted (tasks),')).toBe(true)
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 2).join(','))).toEqual([
      'onboard,1',
      'onboard,2',
      'onboard-too,1',
      'onboard-too,2',
    ])
  })

  it('rejects bad seeds and unknown strategies', async () => {
    expect((await sim('compare', MINI, '--seeds', '5..1')).err).toContain('the range 5..1 runs backwards')
    expect((await sim('compare', MINI, '--strategies', 'x')).code).toBe(2)
    expect((await sim('compare', MINI, '--json', '--csv')).err).toContain('choose one of --json and --csv')
  })
})

describe('the bin entry as a real process', () => {
  it('exits 2 on a bad scenario with no stack trace, and 0 on a good one', async () => {
    const bad = tempFile('bad.json', '{"formatVersion": 1}')
    const failed = await exec('node', [join(ROOT, 'bin/sim.mjs'), 'validate', bad]).catch((e) => e)
    expect(failed.code).toBe(2)
    expect(failed.stderr).toContain(`${bad}: `)
    expect(failed.stderr).not.toMatch(/\n\s+at /)
    const ok = await exec('node', [join(ROOT, 'bin/sim.mjs'), 'validate', MINI])
    expect(ok.stdout).toBe(`${MINI}: ok\n`)
  })
})
