import { describe, expect, it } from 'vitest'
import { CURRENT_FORMAT_VERSION, formatIssue, formatIssues } from '../../src/scenario'
import { loadScenarioWith } from '../../src/scenario/loader'
import { MIGRATIONS, type Migration, migrate } from '../../src/scenario/migrations'
import { FILE, minimal, problems, type Raw, variant } from './helpers'

describe('format versions', () => {
  it('is at version 1 with no migrations yet', () => {
    expect(CURRENT_FORMAT_VERSION).toBe(1)
    expect(MIGRATIONS).toEqual([])
  })

  it('refuses a newer format with one message and nothing else', () => {
    const raw = variant((r) => {
      r.formatVersion = 2
      r.seed = 'not even checked'
    })
    expect(problems(raw)).toEqual([
      `${FILE}: formatVersion: expected formatVersion ≤ 1 (this file needs a newer Mission Sandbox), got 2`,
    ])
  })

  it('refuses an older version it cannot upgrade', () => {
    expect(
      problems(
        variant((r) => {
          r.formatVersion = 0
        }),
      ),
    ).toEqual([
      `${FILE}: formatVersion: expected formatVersion 1 (no upgrade from version 0 is known), got 0`,
    ])
  })

  it('reports a version that is not a whole number with the other problems', () => {
    const raw = variant((r) => {
      r.formatVersion = '1'
      r.seed = -1
    })
    expect(problems(raw)).toEqual([
      `${FILE}: formatVersion: expected the number 1, got "1"`,
      `${FILE}: seed: expected an integer from 0 to 4294967295, got -1`,
    ])
  })
})

// A made-up history for testing the mechanism: version 1 called the run length "durationH"
// (hours, a number) and version 2 renamed "groundStations" to "stations".
const v1to2: Migration = {
  from: 1,
  to: 2,
  migrate: ({ durationH, ...rest }) => ({ ...rest, duration: `${durationH}h` }),
}
const v2to3: Migration = {
  from: 2,
  to: 3,
  migrate: ({ groundStations, ...rest }) => ({ ...rest, stations: groundStations }),
}

describe('the migration mechanism', () => {
  it('applies migrations in a chain and stamps each new version', () => {
    const old = { formatVersion: 1, durationH: 24, groundStations: [] }
    const result = migrate(old, [v2to3, v1to2], 3)
    expect(result).toEqual({ ok: true, value: { formatVersion: 3, duration: '24h', stations: [] } })
    // The caller's object is left alone.
    expect(old).toEqual({ formatVersion: 1, durationH: 24, groundStations: [] })
  })

  it('leaves the current version and unreadable versions to the schema', () => {
    const current = { formatVersion: 3, x: 1 }
    expect(migrate(current, [v1to2, v2to3], 3)).toEqual({ ok: true, value: current })
    for (const value of [null, [], 'text', { formatVersion: '1' }, { formatVersion: 1.5 }, {}]) {
      expect(migrate(value, [v1to2], 2)).toEqual({ ok: true, value })
    }
  })

  it('stops at a gap in the chain', () => {
    expect(migrate({ formatVersion: 1 }, [v2to3], 3)).toEqual({
      ok: false,
      issue: {
        path: ['formatVersion'],
        message: 'expected formatVersion 3 (no upgrade from version 1 is known), got 1',
      },
    })
  })

  it('turns a migration that chokes on the file into an issue', () => {
    const fussy: Migration = {
      from: 1,
      to: 2,
      migrate: () => {
        throw new Error('durationH must be a number')
      },
    }
    expect(migrate({ formatVersion: 1 }, [fussy], 2)).toEqual({
      ok: false,
      issue: {
        path: ['formatVersion'],
        message:
          'expected a file that can be upgraded from formatVersion 1 to 2, but: durationH must be a number',
      },
    })
  })

  it('loads an old file through an injected migration, and reports against the migrated file', () => {
    // Pretend version 0 named the seed "randomSeed".
    const v0to1: Migration = {
      from: 0,
      to: 1,
      migrate: ({ randomSeed, ...rest }) => ({ ...rest, seed: randomSeed }),
    }
    const old: Raw = minimal()
    old.formatVersion = 0
    old.randomSeed = old.seed
    delete old.seed
    const loaded = loadScenarioWith(old, FILE, {}, [v0to1])
    expect(loaded.ok && loaded.scenario.seed).toBe(7)
    expect(loaded.ok && loaded.scenario.formatVersion).toBe(1)
    const broken = loadScenarioWith({ ...old, randomSeed: -3 }, FILE, {}, [v0to1])
    expect(broken.ok ? [] : broken.issues.map(formatIssue)).toEqual([
      `${FILE}: seed: expected an integer from 0 to 4294967295, got -3`,
    ])
  })
})

describe('formatting issues', () => {
  it('leaves out the parts an issue does not have', () => {
    expect(formatIssue({ file: 'a.json', path: 'tasks[0].id', message: 'expected x, got y' })).toBe(
      'a.json: tasks[0].id: expected x, got y',
    )
    expect(formatIssue({ file: 'a.json', path: '', message: 'expected x, got y' })).toBe(
      'a.json: expected x, got y',
    )
    expect(formatIssue({ file: 'a.json', path: '', message: 'invalid JSON: z', line: 3, column: 14 })).toBe(
      'a.json: line 3, column 14: invalid JSON: z',
    )
  })

  it('joins several with newlines', () => {
    const one = { file: 'a.json', path: 'p', message: 'm' }
    expect(formatIssues([one, { ...one, path: 'q' }])).toBe('a.json: p: m\na.json: q: m')
    expect(formatIssues([])).toBe('')
  })
})
