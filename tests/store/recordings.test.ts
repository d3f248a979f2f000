// "Open recording…" in the app's stores: a recording of an agent run is checked (size first, each
// line, the scenario and strategy it belongs to) and refused in the scenario error panel with
// the comparison kept, or listed and shown beside the strategies already shown, at its seed.

import { readFileSync } from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'
import { MAX_RECORDING_BYTES, type ScenarioSpec } from '../../src/core'
import { registry } from '../../src/planners'
import type { Recording } from '../../src/planners/agent'
import { loadScenarioText } from '../../src/scenario'
import { createPlannerStore } from '../../src/store/plannerStore'
import { syncUserStrategies } from '../../src/store/plugin-sync'
import { loadRecordingFile, recordingName, removeRecording } from '../../src/store/recordings'
import { createSession, type SimPortLike } from '../../src/store/session'
import type { ToWorker } from '../../src/worker/protocol'
import { recordFakeAgent } from '../support/fake-agent'
import { SCENARIO_HOOK_TIMEOUT_MS } from '../support/timeouts'

const FILE = 'scenarios/resource-allocation.json'
let spec: ScenarioSpec
let text: string

beforeAll(async () => {
  const loaded = loadScenarioText(readFileSync(FILE, 'utf8'), FILE, { knownPlanners: registry.names() })
  if (!loaded.ok) throw new Error('the scenario loads')
  spec = loaded.scenario
  const { recording } = await recordFakeAgent({ ...spec, seed: 5 }, 'greedy', 3600)
  recording.header.agents[0].command = 'python3 examples/agents/greedy_agent.py'
  text = jsonl(recording)
}, SCENARIO_HOOK_TIMEOUT_MS)

function jsonl(r: Recording): string {
  return `${[r.header, ...r.calls].map((x) => JSON.stringify(x)).join('\n')}\n`
}

const file = (name: string, body: string, size = body.length) => ({ name, size, text: async () => body })

function setup(scenario: ScenarioSpec) {
  const sent: ToWorker[] = []
  const port: SimPortLike = { post: (m) => sent.push(m), listen: () => {}, terminate: () => {} }
  const session = createSession(() => port, { stallMs: 1e9 })
  session.app.setState({ scenario, strategies: ['greedy'], seed: scenario.seed, file: FILE })
  const planners = createPlannerStore({ builtIns: [] })
  syncUserStrategies(session, planners)
  return { session, planners, sent, deps: { session, planners } }
}

describe('opening a recording', () => {
  it('names the strategy after the agent', () => {
    const header = (command: string) => ({
      protocol: 'mission-sandbox/1' as const,
      recording: 2 as const,
      scenario: 's',
      strategy: 'x',
      seed: 1,
      agents: [{ kind: 'allocation' as const, command, id: `agent:${command}` }],
    })
    expect(recordingName(header('python3 examples/agents/greedy_agent.py'))).toBe('recorded: greedy_agent.py')
    expect(recordingName(header('node deadline.mjs --fast'))).toBe('recorded: deadline.mjs')
    expect(recordingName(header('./agent'))).toBe('recorded: agent')
  })

  it('adds it beside the strategies shown, at its seed, and tells the worker first', async () => {
    const h = setup(spec)
    await loadRecordingFile(h.deps, file('rec.jsonl', text))
    expect(h.session.app.getState().loadIssues).toBeNull()
    expect(h.planners.getState().recordings.map((r) => [r.name, r.file])).toEqual([
      ['recorded: greedy_agent.py', 'rec.jsonl'],
    ])
    const told = h.sent.filter((m) => m.type === 'userStrategies' || m.type === 'setStrategies')
    expect(told.map((m) => m.type)).toEqual(['userStrategies', 'setStrategies'])
    expect(told[0]).toMatchObject({
      strategies: [{ name: 'recorded: greedy_agent.py', recording: { file: 'rec.jsonl' } }],
    })
    expect(told[1]).toEqual({
      type: 'setStrategies',
      strategies: ['greedy', 'recorded: greedy_agent.py'],
      seed: 5,
    })
    expect(h.session.app.getState().messages.map((m) => m.text)).toEqual([
      'rec.jsonl was recorded with seed 5: every strategy now runs on seed 5, so “recorded: greedy_agent.py” replays the run it recorded.',
    ])
    removeRecording(h.planners, 'recorded: greedy_agent.py')
    expect(h.sent.at(-1)).toEqual({ type: 'userStrategies', strategies: [] })
  })

  it('refuses a recording of another scenario, saying which, and keeps the comparison', async () => {
    const h = setup({ ...spec, id: 'other' })
    await loadRecordingFile(h.deps, file('rec.jsonl', text))
    expect(h.session.app.getState().loadIssues).toEqual({
      file: 'rec.jsonl',
      issues: [
        {
          file: 'rec.jsonl',
          path: 'scenario',
          line: 1,
          message:
            'this recording is of scenario "resource-allocation" (strategy "greedy", seed 5), not of the loaded "other": open that scenario first, then the recording',
        },
      ],
    })
    expect(h.planners.getState().recordings).toEqual([])
    expect(h.sent.filter((m) => m.type === 'setStrategies')).toEqual([])
  })

  it('refuses a strategy the scenario lacks, a bad line and a file over the size limit, before any work', async () => {
    const h = setup({ ...spec, strategies: spec.strategies.filter((s) => s.name !== 'greedy') })
    await loadRecordingFile(h.deps, file('rec.jsonl', text))
    expect(h.session.app.getState().loadIssues?.issues[0].message).toMatch(
      /^the agents played in strategy "greedy", which scenario "resource-allocation" does not have \(it has: edf, optimal\)$/,
    )
    const lines = text.split('\n')
    lines[1] = '{"planner":1}'
    await loadRecordingFile(h.deps, file('bad.jsonl', lines.join('\n')))
    expect(h.session.app.getState().loadIssues?.issues).toEqual([
      { file: 'bad.jsonl', path: '', line: 2, message: expect.stringMatching(/^planner: /) },
    ])
    let read = false
    await loadRecordingFile(h.deps, {
      name: 'huge.jsonl',
      size: MAX_RECORDING_BYTES + 1,
      text: async () => {
        read = true
        return ''
      },
    })
    expect(read).toBe(false)
    expect(h.session.app.getState().loadIssues?.issues[0].message).toBe(
      `expected a recording of at most ${MAX_RECORDING_BYTES / 1e6} MB, got 16.0 MB`,
    )
    expect(h.planners.getState().recordings).toEqual([])
  })
})
