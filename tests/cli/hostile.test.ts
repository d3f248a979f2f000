// The hostile cases of issue 10, run as a user runs them: `sim` in a child process. Each must
// end with exit 2 and a message (or exit 0 where the run is legitimate), never print a stack
// trace, and stay under 1.5 GB of resident memory. Times are measured and printed, not asserted.

import { execFileSync } from 'node:child_process'
import { chmodSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { availableParallelism, tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checksum } from '../../src/scenario/tle'
import { type ChildRun, measuredTable, simChild } from './child'

const ROOT = join(import.meta.dirname, '..', '..')
const MINI = JSON.parse(readFileSync(join(ROOT, 'tests/cli/fixtures/mini.json'), 'utf8'))
const RSS_LIMIT_MB = 1536
const TEST_TIMEOUT_MS = 150_000

let dir = ''
const file = (name: string, value: unknown) => {
  const path = join(dir, name)
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value, null, 2))
  return path
}
const variant = (edit: (r: typeof MINI) => void) => {
  const r = structuredClone(MINI)
  edit(r)
  return r
}
const fix = (body: string) => `${body.slice(0, 68)}${checksum(body.slice(0, 68))}`
const ISS_1 = '1 25544U 98067A   08264.51782528 -.00002182  00000-0 -11606-4 0  2927'
const ISS_2 = '2 25544  51.6416 247.4627 0006703 130.5360 325.0288 15.72125391563537'
// Decays about 12 h after its epoch, 2026-03-20T00:00Z (see tests/core/decay-and-start.test.ts).
const SINKING_1 = '1 25544U 98067A   26079.00000000  .00016717  00000-0  50000-1 0  9004'
const SINKING_2 = '2 25544  51.6416 247.4627 0006703 130.5360 325.0288 16.00000000563538'

/** Exit 2, a message, no stack trace, bounded memory. */
function refused(r: ChildRun, message: string | RegExp) {
  expect(r.code).toBe(2)
  if (typeof message === 'string') expect(r.err).toContain(message)
  else expect(r.err).toMatch(message)
  expect(r.err).not.toMatch(/\n\s+at |internal error/)
  expect(r.rssMb).toBeLessThan(RSS_LIMIT_MB)
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sim-hostile-'))
}, 10_000)

afterAll(() => {
  process.stdout.write(`\nhostile CLI cases (time and peak RSS of each child):\n${measuredTable()}\n`)
})

describe('unbounded input', () => {
  it(
    'refuses /dev/zero, a FIFO with no writer, a directory and a symlink loop, in words',
    async () => {
      refused(
        await simChild('validate /dev/zero', ['validate', '/dev/zero']),
        'is a device, not a regular file',
      )
      const fifo = join(dir, 'pipe.json')
      execFileSync('mkfifo', [fifo])
      refused(await simChild('validate FIFO', ['validate', fifo]), 'is a pipe (FIFO), not a regular file')
      refused(
        await simChild('validate directory', ['validate', dir]),
        `${dir}: cannot read the file: is a directory`,
      )
      symlinkSync(join(dir, 'loop-b'), join(dir, 'loop-a'))
      symlinkSync(join(dir, 'loop-a'), join(dir, 'loop-b'))
      refused(
        await simChild('validate symlink loop', ['validate', join(dir, 'loop-a')]),
        'cannot read the file: too many symbolic links',
      )
    },
    TEST_TIMEOUT_MS,
  )

  it(
    'refuses a file over 8 MB by its size, before reading it',
    async () => {
      const big = file('big.json', `{"pad": "${'x'.repeat(9_000_000)}"}`)
      refused(
        await simChild('validate 9 MB file', ['validate', big]),
        'cannot read the file: it is 9 MB, more than the 8 MB a scenario file may be',
      )
    },
    TEST_TIMEOUT_MS,
  )

  it(
    'refuses runs too big to finish: 366 d at 1 s, and a 0.1 ms step',
    async () => {
      const year = file(
        'year.json',
        variant((r) => {
          // 24 satellites and 2 stations: 31,622,400 steps × 24 × 3 ≈ 2.3e9 units of work.
          r.constellation.walker.satellites = 24
          r.duration = '366d'
          r.step = '1s'
          r.sampleEvery = '1s'
          r.plannerCadence = '1s'
        }),
      )
      const r = await simChild('run 366 d at a 1 s step and sample', ['run', year])
      refused(r, 'step: expected a run of at most 2,000,000,000 units of work')
      expect(r.err).toContain('sampleEvery: expected at most 200,000 metric samples')
      const tiny = file(
        'tiny-step.json',
        variant((r) => {
          r.duration = '1h'
          r.step = '0.0001s'
        }),
      )
      refused(
        await simChild('validate 0.1 ms step', ['validate', tiny]),
        'step: expected a duration of at least 0.1s',
      )
    },
    TEST_TIMEOUT_MS,
  )

  it(
    'reports 20,000 unknown keys quickly enough to be useful (linear error sorting)',
    async () => {
      const keys = variant((r) => {
        for (let i = 0; i < 20_000; i++) r[`junk${String(i).padStart(5, '0')}`] = i
      })
      const r = await simChild('validate 20,000 unknown keys', ['validate', file('keys.json', keys)])
      refused(r, 'junk19999: unknown key')
      expect(r.err.trim().split('\n')).toHaveLength(20_000)
    },
    TEST_TIMEOUT_MS,
  )
})

describe('flags', () => {
  it(
    '--out refuses the input path, however it is spelt, and leaves the file alone',
    async () => {
      const path = file('same.json', MINI)
      const before = readFileSync(path, 'utf8')
      const link = join(dir, 'same-link.json')
      symlinkSync(path, link)
      refused(
        await simChild('run x.json --out x.json', ['run', path, '--out', path]),
        'is the scenario file being read; choose another file',
      )
      refused(
        await simChild('run x.json --out link-to-x.json', ['run', path, '--out', link]),
        'is the scenario file',
      )
      expect(readFileSync(path, 'utf8')).toBe(before)
    },
    TEST_TIMEOUT_MS,
  )

  it(
    '--seeds has one cap, list or range',
    async () => {
      const list = Array.from({ length: 3000 }, (_, i) => i).join(',')
      refused(
        await simChild('compare --seeds 0,1,…,2999', ['compare', file('seeds.json', MINI), '--seeds', list]),
        '--seeds: at most 1000 seeds (a range or a list), got 3000',
      )
      refused(
        await simChild('compare --seeds 0..2999', [
          'compare',
          file('seeds.json', MINI),
          '--seeds',
          '0..2999',
        ]),
        '--seeds: at most 1000 seeds (a range or a list), got 3000',
      )
    },
    TEST_TIMEOUT_MS,
  )

  it(
    '--workers above the core count is clamped with a notice',
    async () => {
      const cores = availableParallelism()
      const path = file('workers.json', MINI)
      const r = await simChild('compare --workers 64 on 64 seeds', [
        'compare',
        path,
        '--workers',
        '64',
        '--seeds',
        '1..64',
        '--strategies',
        'onboard',
        '--csv',
      ])
      expect(r.code).toBe(0)
      expect(r.err).toContain(
        `sim: --workers 64 is more than the ${cores} cores of this machine; using ${cores}`,
      )
      expect(r.out.trim().split('\n')).toHaveLength(65)
      expect(r.rssMb).toBeLessThan(RSS_LIMIT_MB)
    },
    TEST_TIMEOUT_MS,
  )
})

describe('orbits SGP4 cannot fly, and old element sets', () => {
  const withTle = (lines: string[]) =>
    variant((r) => {
      r.constellation.tle = lines
    })

  it(
    'refuses at load an orbit inside the Earth and a nearly parabolic one (no stack trace)',
    async () => {
      const inside = fix(`${ISS_2.slice(0, 52)}40.00000000${ISS_2.slice(63)}`)
      const parabolic = fix(`${ISS_2.slice(0, 26)}9999999${ISS_2.slice(33)}`)
      refused(
        await simChild('run TLE at 40 rev/day', ['run', file('inside.json', withTle(['IN', ISS_1, inside]))]),
        'constellation.tle[2]: expected an orbit whose perigee is at least 150 km above the Earth',
      )
      refused(
        await simChild('run TLE with e = 0.9999999', [
          'run',
          file('para.json', withTle(['PARA', ISS_1, parabolic])),
        ]),
        'the orbit passes inside the Earth',
      )
    },
    TEST_TIMEOUT_MS,
  )

  it(
    'refuses a Keplerian orbit at 1 km, saying there is no atmosphere model',
    async () => {
      const low = variant((r) => {
        r.constellation.walker.altitudeKm = 1
      })
      refused(
        await simChild('validate orbit at 1 km', ['validate', file('low.json', low)]),
        'constellation.walker.altitudeKm: expected a perigee at least 150 km above the Earth, got 1.0 km: ' +
          'the sandbox has no atmosphere model',
      )
    },
    TEST_TIMEOUT_MS,
  )

  it(
    'runs a satellite that decays: decayed status and event; one decayed at the epoch has no position',
    async () => {
      const day = withTle(['SINKER', SINKING_1, SINKING_2])
      day.duration = '24h'
      day.events = []
      const r = await simChild('run TLE decaying mid-run --json', ['run', file('sink.json', day), '--json'])
      expect(r.code).toBe(0)
      const report = JSON.parse(r.out)
      expect(report.satellites.find((s: { id: string }) => s.id === 'SINKER').status).toBe('decayed')
      expect(report.events.filter((e: { type: string }) => e.type === 'satelliteDecayed')).toHaveLength(1)
      const late = { ...day, epoch: '2026-03-22T00:00:00Z' }
      const r2 = await simChild('run TLE decayed at epoch --json', ['run', file('sunk.json', late), '--json'])
      expect(r2.code).toBe(0)
      const sunk = JSON.parse(r2.out).satellites.find((s: { id: string }) => s.id === 'SINKER')
      expect(sunk).toMatchObject({ status: 'decayed', positionEciKm: null, altKm: null })
    },
    TEST_TIMEOUT_MS,
  )

  it(
    'warns about a TLE 18 years from the epoch in validate and run',
    async () => {
      const old = file('old.json', withTle(['ISS (ZARYA)', ISS_1, ISS_2]))
      const warning = `${old}: warning: constellation.tle[0]: the element set of "ISS (ZARYA)" dates from 2008-09-20`
      const v = await simChild('validate TLE 18 years old', ['validate', old])
      expect(v.code).toBe(0)
      expect(v.out).toBe(`${old}: ok\n`)
      expect(v.err).toContain(warning)
      const r = await simChild('run TLE 18 years old', ['run', old, '--until', '1h'])
      expect(r.code).toBe(0)
      expect(r.err).toContain(warning)
    },
    TEST_TIMEOUT_MS,
  )
})

describe('messages', () => {
  it(
    'a list over its cap names the cap; a 1 MB key is cut short; a reserved strategy name is refused',
    async () => {
      const tasks = variant((r) => {
        r.tasks = Array.from({ length: 5001 }, (_, i) => ({ ...MINI.tasks[0], id: `t${i}` }))
      })
      refused(
        await simChild('validate 5,001 tasks', ['validate', file('tasks.json', tasks)]),
        'tasks: expected a list of at most 5000 tasks, got a list of 5001',
      )
      const r = await simChild('validate 1 MB key', [
        'validate',
        file('key.json', JSON.stringify(variant((x) => (x[`a b ${'k'.repeat(1_000_000)}`] = 1)))),
      ])
      refused(r, 'unknown key')
      expect(r.err.length).toBeLessThan(200 + join(dir, 'key.json').length)
      const proto = file(
        'proto.json',
        JSON.stringify(MINI).replace('"strategies":{', '"strategies":{"__proto__":{},'),
      )
      refused(
        await simChild('validate strategy __proto__', ['validate', proto]),
        'strategies.__proto__: expected a strategy name other than "__proto__", "constructor" or "prototype"',
      )
    },
    TEST_TIMEOUT_MS,
  )

  it(
    'escapes control and bidi characters from the file in what it prints',
    async () => {
      const nasty = 'A\u001b[2JB\u0007C\u202eD'
      const scenario = variant((r) => {
        r.title = `Title ${nasty}`
        r.constellation.satellites = [{ id: nasty, elements: { altitudeKm: 600, inclinationDeg: 10 } }]
      })
      const r = await simChild('run with ESC/BEL/U+202E in ids', [
        'run',
        file('nasty.json', scenario),
        '--until',
        '1h',
      ])
      expect(r.code).toBe(0)
      for (const raw of ['\u001b', '\u0007', '\u202e']) expect(r.out + r.err).not.toContain(raw)
      expect(r.out).toContain('A\\u001b[2JB\\u0007C\\u202eD')
      const bad = file(
        'nasty-bad.json',
        variant((x) => {
          x.events[0].satellite = nasty
        }),
      )
      const v = await simChild('validate with ESC in a reference', ['validate', bad])
      refused(v, '"A\\u001b[2JB\\u0007C\\u202eD"')
      expect(v.err).not.toContain('\u001b')
    },
    TEST_TIMEOUT_MS,
  )

  it('tells a permission problem in words (checked without root, which ignores permissions)', async () => {
    const locked = file('locked.json', MINI)
    chmodSync(locked, 0o000)
    const { describeFsError } = await import('../../src/cli/files')
    expect(describeFsError({ code: 'EACCES' })).toBe('permission denied')
    expect(describeFsError({ code: 'ELOOP' })).toBe('too many symbolic links')
    expect(describeFsError({ code: 'EWHATEVER' })).toBe('error EWHATEVER')
    chmodSync(locked, 0o644)
  })
})
