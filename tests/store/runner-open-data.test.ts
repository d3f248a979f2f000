// The worker's runner with open data: a .tle file loads with the loader's notice among the
// notes, and an `export` request is answered with the bytes core/export computes for the same
// scenario, strategy and seed (what the CLI writes); a bad request gets a reason, not a throw.

import { beforeAll, describe, expect, it } from 'vitest'
import { exportRun } from '../../src/core'
import { registry } from '../../src/planners'
import { loadScenarioText } from '../../src/scenario'
import { exportsModule } from '../../src/worker/on-demand'
import type { FromWorker } from '../../src/worker/protocol'
import { SimRunner } from '../../src/worker/runner'
import { loadScenarioReader } from '../../src/worker/scenario-reader'
import { generateSets, threeLineText } from '../support/element-sets'

const TEXT = threeLineText(generateSets(6))
const FILE = 'six.tle'

function loadedRunner() {
  const messages: FromWorker[] = []
  const runner = new SimRunner({
    post: (m) => messages.push(m),
    now: () => 0,
    schedule: (fn) => fn,
    cancel: () => {},
  })
  runner.handle({ type: 'load', text: TEXT, file: FILE, source: { kind: 'file', name: FILE } })
  return { runner, messages }
}

describe('SimRunner with element-set files', () => {
  // Texts other than the built-in default go through the validator the worker loads on demand
  // (src/worker/scenario-reader.ts), and exports through formatters loaded the same way
  // (src/worker/on-demand.ts); both are loaded first here, so each request is answered at once.
  beforeAll(async () => {
    await Promise.all([loadScenarioReader(), exportsModule.load()])
  }, 60_000)

  it('loads a .tle file and passes on the notice', () => {
    const { messages } = loadedRunner()
    const loaded = messages.find((m) => m.type === 'loaded')
    expect(loaded?.type).toBe('loaded')
    if (loaded?.type !== 'loaded') return
    expect(loaded.satelliteIds).toEqual(generateSets(6).map((s) => s.name))
    expect(loaded.notes[0]).toMatch(/^six\.tle: read 6 two-line element sets as a scenario/)
  })

  it.each(['report', 'access-csv', 'series-csv', 'czml'] as const)(
    'answers export %s with the CLI bytes',
    (format) => {
      const { runner, messages } = loadedRunner()
      runner.handle({ type: 'export', id: 7, format, strategy: 'fly' })
      const answer = messages.find((m) => m.type === 'exported')
      const spec = loadScenarioText(TEXT, FILE)
      if (!spec.ok) throw new Error('does not load')
      const expected = exportRun(
        spec.scenario,
        'fly',
        registry.bind(spec.scenario.strategies[0]).planners,
        1,
        format,
      )
      expect(answer).toEqual({ type: 'exported', id: 7, ok: true, ...expected })
    },
  )

  it('refuses an unknown strategy or format with a reason', () => {
    const { runner, messages } = loadedRunner()
    runner.handle({ type: 'export', id: 1, format: 'report', strategy: 'nope' })
    // biome-ignore lint/suspicious/noExplicitAny: a hostile message from outside the types
    runner.handle({ type: 'export', id: 2, format: 'pdf' as any, strategy: 'fly' })
    const answers = messages.filter((m) => m.type === 'exported')
    expect(answers).toEqual([
      { type: 'exported', id: 1, ok: false, message: 'Scenario six has no strategy "nope".' },
      { type: 'exported', id: 2, ok: false, message: 'Unknown export format "pdf".' },
    ])
  })
})
