// The app's exports (core/export/run-export.ts, run in the Web Worker) are the CLI's outputs:
// same scenario, strategy and seed give the same bytes.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { main } from '../../src/cli/main'
import { exportRun } from '../../src/core'
import { registry } from '../../src/planners'
import { loadScenarioText } from '../../src/scenario'

const FILE = join(import.meta.dirname, '..', '..', 'scenarios', 'open-data.json')
const text = readFileSync(FILE, 'utf8')
const loaded = loadScenarioText(text, FILE, { knownPlanners: registry.names() })
if (!loaded.ok) throw new Error('open-data.json does not validate')
const spec = { ...loaded.scenario, durationS: 3 * 3600, tasks: [] }
const SEED = 5

async function sim(...argv: string[]) {
  let out = ''
  const code = await main(argv, { out: (t) => (out += t), err: () => {} })
  expect(code).toBe(0)
  return out
}

function appExport(format: Parameters<typeof exportRun>[4]) {
  const strategy = spec.strategies[1]
  return exportRun(spec, strategy.name, registry.bind(strategy).planners, SEED, format)
}

describe('the app exports what the CLI writes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sim-app-export-'))
  const file = join(dir, 'open-data-3h.json')
  // The same 3-hour scenario as a file, for the CLI.
  const raw = JSON.parse(text)
  raw.duration = '3h'
  raw.tasks = []
  writeFileSync(file, JSON.stringify(raw))
  const cli = ['--strategy', 'optimal', '--seed', String(SEED)]

  it('report JSON = sim run --json, but for the planner timing only the CLI measures', async () => {
    const e = appExport('report')
    expect(e.fileName).toBe('open-data-optimal-seed5.json')
    const { timing, ...rest } = JSON.parse(await sim('run', file, ...cli, '--json'))
    expect(timing).toBeDefined()
    expect(JSON.parse(e.text).timing).toBeUndefined()
    expect(e.text).toBe(`${JSON.stringify(rest, null, 2)}\n`)
  })

  it('access CSV = sim run --access-csv; series CSV = sim run --series', async () => {
    await sim('run', file, ...cli, '--access-csv', join(dir, 'a.csv'), '--series', join(dir, 's.csv'))
    expect(appExport('access-csv').text).toBe(readFileSync(join(dir, 'a.csv'), 'utf8'))
    expect(appExport('series-csv').text).toBe(readFileSync(join(dir, 's.csv'), 'utf8'))
  })

  it('CZML = sim export --czml', async () => {
    await sim('export', file, ...cli, '--czml', join(dir, 'run.czml'))
    expect(appExport('czml').text).toBe(readFileSync(join(dir, 'run.czml'), 'utf8'))
  })
})
