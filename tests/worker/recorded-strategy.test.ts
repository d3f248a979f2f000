// A recorded agent run as a strategy in the simulation worker ("Open recording…"), driven in
// Node: beside a built-in strategy it replays the recorded decisions with the recorded run's
// numbers (also after a step back); a recording of another scenario or seed says so and the run
// stays; a view that no longer matches stops the run with the replay's message.

import { readFileSync } from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'
import { NONDETERMINISTIC_METRICS } from '../../src/core'
import { registry } from '../../src/planners'
import type { Recording } from '../../src/planners/agent'
import { loadScenarioText } from '../../src/scenario'
import { type FromWorker, RECORDED_PREFIX, type UserStrategyDef } from '../../src/worker/protocol'
import { SimRunner } from '../../src/worker/runner'
import { withFirstPriorityChanged } from '../support/changed-scenario'
import { FAKE_AGENT_ID, recordFakeAgent } from '../support/fake-agent'
import { SCENARIO_HOOK_TIMEOUT_MS } from '../support/timeouts'

const FILE = 'scenarios/resource-allocation.json'
const TEXT = readFileSync(new URL(`../../${FILE}`, import.meta.url), 'utf8')
const UNTIL_S = 4 * 3600
const NAME = `${RECORDED_PREFIX}test`

function deterministic(m: Record<string, number | null>): Record<string, number | null> {
  const out = { ...m }
  for (const k of NONDETERMINISTIC_METRICS) delete out[k]
  return out
}

function harness(text = TEXT) {
  const messages: FromWorker[] = []
  const runner = new SimRunner({
    post: (m) => messages.push(m),
    now: () => performance.now(),
    schedule: (fn, ms) => setTimeout(fn, ms),
    cancel: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
  })
  const last = <T extends FromWorker['type']>(type: T) =>
    [...messages].reverse().find((m) => m.type === type) as Extract<FromWorker, { type: T }> | undefined
  const until = async (ok: () => boolean, what: string) => {
    const start = performance.now()
    while (!ok()) {
      if (performance.now() - start > 60_000) throw new Error(`timed out waiting for ${what}`)
      await new Promise((r) => setTimeout(r, 5))
    }
  }
  runner.handle({ type: 'load', text, file: FILE, source: { kind: 'library', key: 'resource-allocation' } })
  return { runner, messages, last, until }
}

const def = (data: Recording): UserStrategyDef => ({
  name: NAME,
  planners: {},
  params: {},
  modules: [],
  recording: { file: 'rec.jsonl', data },
})

let recording: Recording
let recordedMetrics: Record<string, number | null>

beforeAll(async () => {
  const loaded = loadScenarioText(TEXT, FILE, { knownPlanners: registry.names() })
  if (!loaded.ok) throw new Error('the scenario loads')
  // Recorded on seed 5, not the scenario's 11: opening it moves the comparison to seed 5.
  const spec = { ...loaded.scenario, seed: 5 }
  const made = await recordFakeAgent(spec, 'greedy', UNTIL_S)
  recording = made.recording
  recordedMetrics = deterministic({ ...made.metrics })
}, SCENARIO_HOOK_TIMEOUT_MS)

describe('a recorded agent run in the worker', () => {
  it(
    'replays beside a built-in strategy with the recorded run’s numbers, also after a step back',
    async () => {
      const h = harness()
      h.runner.handle({ type: 'userStrategies', strategies: [def(recording)] })
      h.runner.handle({ type: 'setStrategies', strategies: ['edf', NAME], seed: 5 })
      await h.until(() => h.last('loaded')?.strategies.join() === `edf,${NAME}`, 'the recorded strategy')
      expect(h.last('loaded')!.seed).toBe(5)
      expect(h.last('loaded')!.planners[NAME]).toEqual([
        expect.objectContaining({ id: FAKE_AGENT_ID, kind: 'allocation', label: 'Recorded agent: test' }),
      ])
      h.runner.handle({ type: 'seek', timeS: UNTIL_S / 2 })
      await h.until(
        () => h.last('digest')?.timeS === UNTIL_S / 2 && h.last('digest')?.busy === null,
        'half way',
      )
      h.runner.handle({ type: 'seek', timeS: UNTIL_S })
      await h.until(() => h.last('digest')?.timeS === UNTIL_S && h.last('digest')?.busy === null, 'the end')
      h.runner.handle({ type: 'seek', timeS: UNTIL_S / 4 })
      await h.until(() => h.last('digest')?.timeS === UNTIL_S / 4 && h.last('digest')?.busy === null, 'back')
      h.runner.handle({ type: 'seek', timeS: UNTIL_S })
      await h.until(
        () => h.last('digest')?.timeS === UNTIL_S && h.last('digest')?.busy === null,
        'the end again',
      )
      expect(h.messages.filter((m) => m.type === 'error')).toEqual([])
      const digests = h.last('digest')!.digests
      const recorded = digests.find((d) => d.strategy === NAME)!
      expect(deterministic(recorded.metrics as unknown as Record<string, number | null>)).toEqual(
        recordedMetrics,
      )
      const edf = digests.find((d) => d.strategy === 'edf')!
      expect(edf.metrics.priorityValue).not.toBe(recorded.metrics.priorityValue)
    },
    SCENARIO_HOOK_TIMEOUT_MS,
  )

  it(
    'says when the recording is of another scenario or seed, and keeps the run',
    async () => {
      const h = harness()
      const other = { ...recording, header: { ...recording.header, scenario: 'default' } }
      h.runner.handle({ type: 'userStrategies', strategies: [def(other)] })
      h.runner.handle({ type: 'setStrategies', strategies: ['greedy', NAME], seed: 5 })
      await h.until(() => h.last('error') !== undefined, 'the refusal')
      expect(h.last('error')!.message).toBe(
        `strategy "${NAME}" (rec.jsonl): it was recorded on scenario "default", and the loaded scenario is "resource-allocation"; open that scenario first`,
      )
      h.runner.handle({ type: 'userStrategies', strategies: [def(recording)] })
      h.runner.handle({ type: 'setStrategies', strategies: ['greedy', NAME] })
      await h.until(() => h.messages.filter((m) => m.type === 'error').length === 2, 'the second refusal')
      expect(h.last('error')!.message).toBe(
        `strategy "${NAME}" (rec.jsonl): it was recorded with seed 5, and the run's seed is 11; set the seed to 5 to replay it`,
      )
      expect(h.last('loaded')!.strategies).toEqual(['greedy'])
    },
    SCENARIO_HOOK_TIMEOUT_MS,
  )

  it(
    'stops the run with the replay’s message when a view differs from the recorded one',
    async () => {
      const h = harness(withFirstPriorityChanged(TEXT))
      h.runner.handle({ type: 'userStrategies', strategies: [def(recording)] })
      h.runner.handle({ type: 'setStrategies', strategies: ['greedy', NAME], seed: 5 })
      await h.until(() => h.last('loaded')?.strategies.join() === `greedy,${NAME}`, 'the recorded strategy')
      h.runner.handle({ type: 'seek', timeS: 3600 })
      await h.until(() => h.last('error') !== undefined, 'the mismatch')
      expect(h.last('error')!.message).toMatch(
        /^The simulation stopped: recording rec\.jsonl: call 1 of agent:test at t = 30 s: the view differs from the recorded one \(digest [0-9a-f]{32}, now [0-9a-f]{32}\); the scenario or the engine changed since it was recorded$/,
      )
    },
    SCENARIO_HOOK_TIMEOUT_MS,
  )
})
